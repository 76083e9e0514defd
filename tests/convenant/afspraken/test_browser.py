"""Accessibility of the convenant pages in the states the role matrix does not reach:
a counter-proposal to answer, the way to the comité, form errors, a filled inbox and team plan.
"""

from decimal import Decimal

import pytest
from django.urls import reverse

from convenant import services
from convenant.demo.afspraken import build_agreements
from convenant.models import Afspraak, Status
from convenant.services.afspraken import Voorstel
from pilot.models import Team
from tests.browser import axe_violations, log_in, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def agreements(organisation):
    build_agreements("small")
    medewerker, leider = organisation["medewerker"], organisation["leidinggevende"]
    current = Afspraak.objects.get(medewerker=medewerker, status=Status.AKKOORD)
    services.afspraak_voorstellen(
        actor=leider,
        medewerker=medewerker,
        voorstel=Voorstel(
            kantoordagen=Decimal("2.5"),
            ingangsdatum=current.ingangsdatum.replace(month=12, day=1, year=2026),
            einddatum=current.einddatum,
            voorkeursdagen=[2, 3, 4],
            toelichting="Graag zie ik je ook op woensdag voor de inwerkers.",
        ),
    )
    return organisation


def _check(page, base_url, role, url, problems):
    response = page.goto(base_url + url)
    assert response is not None and response.status == 200, url
    screenshot(page, role, url + "-staat")
    problems.extend(axe_violations(page))


def test_employee_pages_with_history_counter_proposal_and_errors(
    live_server, agreements, page, csp_errors
):
    base_url = live_server.url
    log_in(page, base_url, "medewerker")
    problems: list[str] = []
    _check(page, base_url, "medewerker", reverse("mijn_afspraak"), problems)
    assert page.get_by_role("button", name="Accepteren").count() == 1
    open_version = Afspraak.objects.get(
        medewerker=agreements["medewerker"], status=Status.TEGENVOORSTEL
    )
    _check(
        page, base_url, "medewerker", reverse("afspraak_detail", args=[open_version.pk]), problems
    )

    # Answer: accept, then the proposal form is free again; submit it with bad input.
    page.goto(base_url + reverse("mijn_afspraak"))
    with page.expect_navigation():
        page.get_by_role("button", name="Accepteren").click()
    _check(page, base_url, "medewerker", reverse("afspraak_nieuw"), problems)
    # htmx: the number is checked against the streefnorm while typing.
    page.get_by_label("Kantoordagen per week").fill("1")
    page.get_by_text("Onder de streefnorm.").wait_for(timeout=5000)
    problems.extend(axe_violations(page))
    page.get_by_label("Kantoordagen per week").fill("7")
    with page.expect_navigation():
        page.get_by_role("button", name="Indienen bij mijn leidinggevende").click()
    assert page.locator(".invalid-feedback").count()
    screenshot(page, "medewerker", "afspraken/mijn/voorstel-fouten")
    problems.extend(axe_violations(page))
    problems.extend(csp_errors)
    assert not problems, "\n".join(problems)


def test_rejected_employee_sees_the_way_to_the_comite(live_server, agreements, page, csp_errors):
    rejected = Afspraak.objects.filter(
        medewerker__team__code="KCD-01", status=Status.AFGEWEZEN
    ).select_related("medewerker")[0]
    base_url = live_server.url
    log_in(page, base_url, rejected.medewerker.username)
    problems: list[str] = []
    _check(page, base_url, "afgewezen", reverse("mijn_afspraak"), problems)
    assert page.get_by_role("heading", name="Adviserend comité").count() == 1
    assert not problems + csp_errors, "\n".join(problems + csp_errors)


def test_manager_pages_with_a_full_inbox_plan_and_decision_errors(
    live_server, agreements, page, csp_errors
):
    services.delegatie_aanmaken(
        actor=agreements["leidinggevende"],
        vervanger=Team.objects.get(code="KCD-02").leidinggevende,
        startdatum=Afspraak.objects.order_by("-ingangsdatum")[0].ingangsdatum,
        einddatum=Afspraak.objects.order_by("-ingangsdatum")[0].ingangsdatum,
    )
    base_url = live_server.url
    log_in(page, base_url, "leidinggevende")
    problems: list[str] = []
    _check(page, base_url, "leidinggevende", reverse("mijn_team"), problems)
    assert page.get_by_text("Te laat").count() >= 1
    _check(page, base_url, "leidinggevende", reverse("teamplan") + "?datum=2026-12-07", problems)
    _check(page, base_url, "leidinggevende", reverse("delegaties"), problems)
    proposal = Afspraak.objects.filter(
        medewerker__team__code="KCD-01", status=Status.INGEDIEND
    ).order_by("pk")[0]
    _check(
        page, base_url, "leidinggevende", reverse("afspraak_detail", args=[proposal.pk]), problems
    )
    page.get_by_label("Afwijzen").check()
    page.get_by_label("Motivering").fill("Nee.")
    with page.expect_navigation():
        page.get_by_role("button", name="Besluit vastleggen").click()
    assert page.locator(".invalid-feedback").count()
    screenshot(page, "leidinggevende", "afspraak-besluit-fouten")
    problems.extend(axe_violations(page))
    problems.extend(csp_errors)
    assert not problems, "\n".join(problems)
