"""Accessibility of the management forms in states the role matrix does not reach: field
errors from the services, and an import report with errors and with a dry run."""

import pytest
from django.urls import reverse

from tests.browser import axe_violations, log_in, screenshot
from werkplekken.demo import build_locaties
from werkplekken.models import Locatie

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_management_forms_with_errors_have_noaxe_violations(
    live_server, organisation, page, csp_errors, tmp_path
):
    build_locaties("small")
    base_url = live_server.url
    log_in(page, base_url, "facilitair")
    problems: list[str] = []

    utrecht = Locatie.objects.get(naam="Utrecht")
    page.goto(base_url + reverse("beheer_werkplek_nieuw") + f"?locatie={utrecht.pk}")
    page.get_by_label("Code").fill("A-01")
    page.get_by_label("x op de plattegrond").fill("9999")
    page.get_by_label("y op de plattegrond").fill("0")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    assert page.locator(".invalid-feedback").count() >= 3, "no field errors shown"
    screenshot(page, "facilitair", "beheer/werkplek/fouten")
    problems.extend(axe_violations(page))

    page.goto(base_url + reverse("beheer_locatie_nieuw"))
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    problems.extend(axe_violations(page))

    for naam, inhoud in (
        ("kapot.csv", "locatie;zone;code\nAssen;Zone A;X\n"),
        (
            "goed.csv",
            "locatie;zone;code;hoog_laag;toegankelijk;dubbel_scherm;reserveerbaar;x;y\n"
            "Utrecht;Zone A;A-01;ja;nee;nee;ja;20;40\n",
        ),
    ):
        bestand = tmp_path / naam
        bestand.write_text(inhoud, encoding="utf-8")
        page.goto(base_url + reverse("werkplekken_import"))
        page.get_by_label("CSV-bestand").set_input_files(bestand)
        with page.expect_navigation():
            page.get_by_role("button", name="Importeren").click()
        screenshot(page, "facilitair", f"beheer/import/{naam}")
        problems.extend(axe_violations(page))
    assert page.get_by_role("status").count(), "no dry-run report shown"
    problems.extend(csp_errors)
    assert not problems, "\n".join(problems)
