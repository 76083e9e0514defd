"""What a leidinggevende (or vervanger) sees of an exemption: category, days, period, status,
"bewijs aanwezig", HR's verification, the decision and the timeline. What the employee wrote and
declared (the explanation, the bedrijfsarts answer, the mantelzorg hours) only the employee and
HR read — on the pages, in the API and in the timeline."""

import re
from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from convenant import permissions, services
from convenant.models import Categorie
from convenant.selectors import uitzonderingen as selectors
from convenant.services.uitzondering_regels import Aanvraag
from pilot import audit
from tests.convenant.factories import DelegatieFactory, UitzonderingFactory

TOELICHTING_MEDISCH = "Afgesproken na het gesprek van oktober, geen details hier."
TOELICHTING_MANTELZORG = "Drie middagen per week bij mijn vader."
DETAIL_VELDEN = {"toelichting", "op_advies_bedrijfsarts", "mantelzorg_uren", "bewijsstuk_type"}


@pytest.fixture
def aanvragen(org):
    """A medical request on a bedrijfsarts' advice and a mantelzorg one, through the service."""
    medisch = services.uitzondering_aanvragen(
        actor=org["eigenaar"],
        aanvraag=Aanvraag(
            categorie=Categorie.MEDISCH,
            kantoordagen=1,
            ingangsdatum=date(2026, 12, 1),
            einddatum=date(2027, 2, 28),
            op_advies_bedrijfsarts=True,
            toelichting=TOELICHTING_MEDISCH,
        ),
    )
    mantelzorg = services.uitzondering_aanvragen(
        actor=org["eigenaar"],
        aanvraag=Aanvraag(
            categorie=Categorie.MANTELZORG,
            kantoordagen=0,
            ingangsdatum=date(2026, 12, 1),
            einddatum=date(2027, 2, 28),
            mantelzorg_uren=13,
            toelichting=TOELICHTING_MANTELZORG,
        ),
    )
    return {"medisch": medisch, "mantelzorg": mantelzorg}


@pytest.fixture
def vervanger(org):
    DelegatieFactory(
        leidinggevende=org["leider"],
        vervanger=org["vervanger"],
        startdatum=date(2026, 11, 16),
        einddatum=date(2026, 11, 27),
    )
    return org["vervanger"]


def _page(client, user, uitzondering) -> str:
    """The page's main content as a reader sees it: text without tags."""
    client.force_login(user)
    response = client.get(reverse("uitzondering_detail", args=[uitzondering.pk]))
    assert response.status_code == 200
    main = response.text.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.mark.parametrize("wie", ["leider", "vervanger"])
def test_the_deciding_side_sees_no_explanation_advice_or_hours(
    client, org, aanvragen, vervanger, wie
):
    user = vervanger if wie == "vervanger" else org["leider"]
    medisch = _page(client, user, aanvragen["medisch"])
    assert TOELICHTING_MEDISCH not in medisch
    assert "Op advies van de bedrijfsarts" not in medisch
    assert "Toelichting" not in medisch
    # What they decide on is there.
    assert "Categorie Medisch Kantoordagen per week 1 Periode" in medisch
    assert "van 1 december 2026 tot en met 28 februari 2027" in medisch
    assert "Besluit vastleggen" in medisch
    assert "lezen alleen de medewerker en HR" in medisch
    mantelzorg = _page(client, user, aanvragen["mantelzorg"])
    assert TOELICHTING_MANTELZORG not in mantelzorg
    assert "13 uur" not in mantelzorg and "Mantelzorg per week" not in mantelzorg


@pytest.mark.parametrize("wie", ["eigenaar", "hr"])
def test_the_employee_and_hr_see_everything(client, org, hr, aanvragen, wie):
    user = hr if wie == "hr" else org["eigenaar"]
    medisch = _page(client, user, aanvragen["medisch"])
    assert TOELICHTING_MEDISCH in medisch
    assert "Op advies van de bedrijfsarts" in medisch
    mantelzorg = _page(client, user, aanvragen["mantelzorg"])
    assert TOELICHTING_MANTELZORG in mantelzorg and "13 uur" in mantelzorg
    assert "lezen alleen de medewerker en HR" not in mantelzorg


def test_the_employee_list_shows_their_own_details(client, org, aanvragen):
    client.force_login(org["eigenaar"])
    page = client.get(reverse("mijn_uitzonderingen")).text
    assert TOELICHTING_MEDISCH in page and TOELICHTING_MANTELZORG in page and "13 uur" in page


def test_the_rejection_motivation_stays_visible_to_the_leidinggevende(client, org, aanvragen):
    motivatie = "Het team heeft u op dinsdag nodig voor het werkoverleg."
    services.uitzondering_afwijzen(
        actor=org["leider"], uitzondering=aanvragen["mantelzorg"], motivatie=motivatie
    )
    page = _page(client, org["leider"], aanvragen["mantelzorg"])
    assert page.count(motivatie) == 2  # the decision and its line on the timeline
    assert TOELICHTING_MANTELZORG not in page


def test_timeline_notes_other_than_decision_and_expiry_are_hidden(client, org, hr, aanvragen):
    """Should a note ever carry what the employee wrote, the leidinggevende does not read it."""
    uitzondering = aanvragen["medisch"]
    audit.record(
        actor=org["eigenaar"],
        action="uitzondering.aanvragen",
        obj=uitzondering,
        note=TOELICHTING_MEDISCH,
    )
    assert TOELICHTING_MEDISCH not in _page(client, org["leider"], uitzondering)
    notes = [event.notitie for event in selectors.tijdlijn_voor(org["leider"], uitzondering)]
    assert TOELICHTING_MEDISCH not in notes
    assert TOELICHTING_MEDISCH in _page(client, hr, uitzondering).split("Tijdlijn")[1]


def test_the_api_leaves_the_details_out_for_the_deciding_side(org, hr, aanvragen, vervanger):
    def get(user, name, **kwargs):
        client = APIClient()
        client.force_authenticate(user)
        return client.get(reverse(f"uitzondering-{name}", **kwargs)).json()

    medisch = aanvragen["medisch"]
    for user in (org["leider"], vervanger):
        body = get(user, "detail", args=[medisch.pk])
        assert DETAIL_VELDEN.isdisjoint(body)
        assert TOELICHTING_MEDISCH not in str(body)
        assert (body["categorie"], body["kantoordagen"], body["bewijs_aanwezig"]) == (
            "medisch",
            "1.0",
            False,
        )
        for row in get(user, "list")["results"]:
            assert DETAIL_VELDEN.isdisjoint(row)
            assert "13" not in str(row.get("mantelzorg_uren", ""))
    for user in (org["eigenaar"], hr):
        body = get(user, "detail", args=[medisch.pk])
        assert (body["toelichting"], body["op_advies_bedrijfsarts"]) == (TOELICHTING_MEDISCH, True)
        rows = {row["categorie"]: row for row in get(user, "list")["results"]}
        assert rows["mantelzorg"]["mantelzorg_uren"] == "13.0"
        assert rows["mantelzorg"]["toelichting"] == TOELICHTING_MANTELZORG


def test_a_leidinggevende_still_sees_their_own_details(org):
    """The leidinggevende's own request: they are its employee, so they read it in full."""
    own = services.uitzondering_aanvragen(
        actor=org["leider"],
        aanvraag=Aanvraag(
            categorie=Categorie.OVERIG,
            kantoordagen=1,
            ingangsdatum=date(2026, 12, 1),
            einddatum=date(2027, 2, 28),
            toelichting="Verbouwing van het kantoor in mijn woonplaats.",
        ),
    )
    client = APIClient()
    client.force_authenticate(org["leider"])
    body = client.get(reverse("uitzondering-detail", args=[own.pk])).json()
    assert body["toelichting"] == "Verbouwing van het kantoor in mijn woonplaats."


def test_the_form_says_who_reads_the_explanation_before_one_types(client, org):
    client.force_login(org["eigenaar"])
    page = client.get(reverse("uitzondering_nieuw")).text
    assert "U en HR lezen deze toelichting" in page
    assert "Bij de categorie overig leest uw leidinggevende haar ook" in page
    assert page.index("Schrijf hier geen medische gegevens") < page.index('name="toelichting"')


@pytest.mark.parametrize(("categorie", "leest"), [("overig", True), ("mantelzorg", False)])
def test_the_leidinggevende_reads_the_explanation_only_for_overig(client, org, categorie, leest):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=categorie, toelichting="Ik begin een opleiding."
    )
    client.force_login(org["leider"])
    page = client.get(reverse("uitzondering_detail", args=[uitzondering.pk])).text
    assert ("Ik begin een opleiding." in page) is leest
    assert permissions.mag_bewijsstuk_zien(org["leider"], uitzondering) is False
