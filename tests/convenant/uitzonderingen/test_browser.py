"""Accessibility of the exemption pages in states the role matrix does not reach: filled lists,
a decision on a verified earlier agreement, the HR queue, and the request form with errors."""

import pytest
from django.urls import reverse

from convenant.demo.uitzonderingen import build_exemptions
from convenant.models import Uitzondering
from tests.browser import axe_violations, log_in, screenshot
from tests.convenant.factories import exe_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def exemptions(organisation):
    build_exemptions("small")
    return organisation


def _check(page, base_url, role, url, problems):
    response = page.goto(base_url + url)
    assert response is not None and response.status == 200, url
    screenshot(page, role, url + "-staat")
    problems.extend(axe_violations(page))


def test_leidinggevende_pages_with_requests_to_decide(live_server, exemptions, page, csp_errors):
    base_url = live_server.url
    log_in(page, base_url, "leidinggevende")
    problems: list[str] = []
    _check(page, base_url, "leidinggevende", reverse("team_uitzonderingen"), problems)
    verified = Uitzondering.objects.get(
        medewerker__team__code="KCD-01", status="aangevraagd", geverifieerd_op__isnull=False
    )
    _check(
        page,
        base_url,
        "leidinggevende",
        reverse("uitzondering_detail", args=[verified.pk]),
        problems,
    )
    assert page.get_by_text("afwijzen is niet mogelijk").count() == 1
    medical = Uitzondering.objects.get(
        medewerker__team__code="KCD-01", categorie="medisch", status="aangevraagd"
    )
    _check(
        page,
        base_url,
        "leidinggevende",
        reverse("uitzondering_detail", args=[medical.pk]),
        problems,
    )
    page.get_by_label("Afwijzen").check()
    page.get_by_label("Motivering").fill("Nee.")
    with page.expect_navigation():
        page.get_by_role("button", name="Besluit vastleggen").click()
    assert page.locator(".invalid-feedback").count()
    screenshot(page, "leidinggevende", "uitzondering-besluit-fouten")
    problems.extend(axe_violations(page))
    problems.extend(csp_errors)
    assert not problems, "\n".join(problems)


def test_hr_queue_and_employee_pages(live_server, exemptions, page, csp_errors, tmp_path):
    base_url = live_server.url
    problems: list[str] = []
    log_in(page, base_url, "hr")
    _check(page, base_url, "hr", reverse("uitzondering_verificatie"), problems)
    page.context.clear_cookies()

    log_in(page, base_url, "medewerker")
    _check(page, base_url, "medewerker", reverse("mijn_uitzonderingen"), problems)
    assert page.get_by_text("U hebt een uitzondering mantelzorg").count() >= 1
    _check(page, base_url, "medewerker", reverse("uitzondering_nieuw"), problems)
    page.get_by_label("Eerdere schriftelijke afspraak").check()
    page.get_by_label("Kantoordagen per week tijdens de uitzondering").fill("1")
    page.get_by_label("Einddatum (tot en met)").fill("2027-06-30")
    fake = tmp_path / "afspraak.pdf"
    fake.write_bytes(exe_bytes())
    page.get_by_label("Bewijsstuk (PDF, JPEG of PNG, hoogstens 10 MB)").set_input_files(fake)
    with page.expect_navigation():
        page.get_by_role("button", name="Aanvraag versturen").click()
    assert page.get_by_text("geen geldige PDF, JPEG of PNG").count() == 1
    screenshot(page, "medewerker", "uitzondering-aanvraag-fouten")
    problems.extend(axe_violations(page))
    problems.extend(csp_errors)
    assert not problems, "\n".join(problems)
