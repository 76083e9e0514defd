"""A counter-proposal may change the weekdays and the place, not only the days; whoever
decides or answers sees it beside the current agreement and the streefnorm; and a proposal the
leidinggevende starts is called what it is, never a counter-proposal."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from convenant import services
from convenant.models import Afspraak, Status
from convenant.services.afspraak_basis import Voorstel
from pilot.models import AuditEvent, Notificatie
from tests.convenant.factories import AfspraakFactory
from tests.werkplekken.factories import LocatieFactory

MOTIVATIE = "Het team heeft u op maandag en woensdag nodig voor het werkoverleg."


@pytest.fixture
def plekken(db):
    return {
        "utrecht": LocatieFactory(naam="Utrecht Kanaalweg"),
        "amsterdam": LocatieFactory(naam="Amsterdam Sloterdijk"),
    }


@pytest.fixture
def ingediend(org, plekken):
    AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.AKKOORD,
        versie=1,
        kantoordagen=Decimal(2),
        voorkeursdagen=[2, 4],
        locatie=plekken["utrecht"],
        ingangsdatum=date(2026, 7, 1),
        einddatum=date(2026, 11, 30),
    )
    return AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.INGEDIEND,
        versie=2,
        kantoordagen=Decimal("1.5"),
        voorkeursdagen=[2, 5],
        locatie=plekken["utrecht"],
        onder_norm_overweging="werk_privebalans",
        onder_norm_toelichting="Mantelzorg op vrijdag, afgesproken voor dit halfjaar.",
    )


def test_the_leidinggevende_counters_with_other_weekdays_and_place_and_the_employee_accepts(
    client, org, plekken, ingediend
):
    client.force_login(org["leider"])
    response = client.post(
        reverse("afspraak_besluit", args=[ingediend.pk]),
        {
            "besluit": "tegenvoorstel",
            "kantoordagen": "2",
            "voorkeursdagen": ["1", "3"],
            "locatie": str(plekken["amsterdam"].pk),
            "motivatie": MOTIVATIE,
        },
        follow=True,
    )
    assert "Uw besluit is vastgelegd." in response.text
    melding = Notificatie.objects.get(ontvanger=org["eigenaar"])
    assert melding.tekst.startswith(
        "Tegenvoorstel: 2 kantoordagen per week, op maandag, woensdag, in Amsterdam Sloterdijk."
    )
    client.force_login(org["eigenaar"])
    detail = client.get(reverse("afspraak_detail", args=[ingediend.pk])).text
    assert "2 dagen per week; maandag, woensdag; Amsterdam Sloterdijk" in detail
    client.post(reverse("afspraak_antwoord", args=[ingediend.pk]), {"antwoord": "accepteren"})
    ingediend.refresh_from_db()
    assert (
        ingediend.status,
        ingediend.kantoordagen,
        ingediend.voorkeursdagen,
        ingediend.locatie,
    ) == (Status.AKKOORD, Decimal(2), [1, 3], plekken["amsterdam"])
    assert AuditEvent.objects.get(actie="afspraak.accepteren").notitie == (
        "Tegenvoorstel aanvaard: 1,5 → 2 kantoordagen; voorkeursdagen maandag, woensdag; "
        "locatie Amsterdam Sloterdijk."
    )


def test_the_api_counter_takes_weekdays_and_place_or_keeps_the_employees(
    api, org, plekken, ingediend
):
    url = reverse("afspraak-tegenvoorstel", args=[ingediend.pk])
    response = api(org["leider"]).post(
        url, {"kantoordagen": "2", "motivatie": MOTIVATIE}, format="json"
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["tegenvoorstel_voorkeursdagen"], body["tegenvoorstel_locatie"]) == (
        [2, 5],
        plekken["utrecht"].pk,
    )
    second = AfspraakFactory(medewerker=org["collega"], status=Status.INGEDIEND)
    response = api(org["leider"]).post(
        reverse("afspraak-tegenvoorstel", args=[second.pk]),
        {
            "kantoordagen": "2",
            "motivatie": MOTIVATIE,
            "voorkeursdagen": [3, 1],
            "locatie": plekken["amsterdam"].pk,
        },
        format="json",
    )
    assert (
        response.json()["tegenvoorstel_voorkeursdagen"],
        response.json()["tegenvoorstel_locatie"],
    ) == ([1, 3], plekken["amsterdam"].pk)


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        (
            {"voorkeursdagen": [0, 6]},
            {
                "voorkeursdagen": {
                    "0": ["Zorg ervoor dat deze waarde groter is dan of gelijk is aan 1."]
                }
            },
        ),
        ({"voorkeursdagen": [2, 2]}, {"voorkeursdagen": ["Noem elke voorkeursdag maar één keer."]}),
        (
            {"locatie": 999999},
            {"locatie": ['Ongeldige pk "999999" - object bestaat niet.']},
        ),
    ],
)
def test_a_counter_with_bad_weekdays_or_place_is_a_400_and_changes_nothing(
    api, org, ingediend, change, errors
):
    response = api(org["leider"]).post(
        reverse("afspraak-tegenvoorstel", args=[ingediend.pk]),
        {"kantoordagen": "2", "motivatie": MOTIVATIE, **change},
        format="json",
    )
    assert response.status_code == 400
    for field, messages in errors.items():
        body = response.json()[field]
        assert (body if isinstance(messages, list) else {"0": body.get("0")}) == messages
    ingediend.refresh_from_db()
    assert (ingediend.status, ingediend.tegenvoorstel_voorkeursdagen) == (Status.INGEDIEND, None)


def test_the_schema_documents_the_counters_weekdays_and_place(api, org):
    schema = api(org["eigenaar"]).get(reverse("api_schema"), {"format": "json"}).json()
    velden = schema["components"]["schemas"]["Tegenvoorstel"]["properties"]
    assert {"kantoordagen", "motivatie", "voorkeursdagen", "locatie"} <= set(velden)
    assert "Weglaten: de dagen uit het voorstel" in velden["voorkeursdagen"]["description"]


def test_the_decision_page_compares_the_proposal_with_the_agreement_and_the_norm(
    client, org, ingediend
):
    client.force_login(org["leider"])
    page = client.get(reverse("afspraak_detail", args=[ingediend.pk])).text
    tabel = page.split('id="kop-vergelijking"')[1].split("</table>")[0]
    kolommen = [
        "Voorstel van de medewerker",
        "Huidige afspraak (versie 1)",
        "Streefnorm",
    ]
    for kop in kolommen:
        assert f'<th scope="col">{kop}</th>' in tabel
    assert "<td>1,5 dag</td>" in tabel
    assert "<td>2 dagen</td>" in tabel
    assert "<td>dinsdag, vrijdag</td>" in tabel
    assert "<td>dinsdag, donderdag</td>" in tabel
    assert "<td>01-12-2026 t/m 30-06-2027</td>" in tabel
    assert "<td>01-07-2026 t/m 30-11-2026</td>" in tabel
    assert "Dit is minder dan de streefnorm (2 dagen)." in page


def test_the_employee_answering_a_counter_sees_it_beside_their_own_proposal(client, org, ingediend):
    services.afspraak_tegenvoorstel(
        actor=org["leider"],
        afspraak=ingediend,
        kantoordagen=Decimal(2),
        motivatie=MOTIVATIE,
        voorkeursdagen=[1, 3],
    )
    client.force_login(org["eigenaar"])
    page = client.get(reverse("afspraak_detail", args=[ingediend.pk])).text
    tabel = page.split('id="kop-vergelijking"')[1].split("</table>")[0]
    koppen = tabel.split("<tbody>")[0]
    assert koppen.index("Tegenvoorstel van uw leidinggevende") < koppen.index("Uw voorstel")
    assert "Huidige afspraak (versie 1)" in koppen
    assert "<td>maandag, woensdag</td>" in tabel


def test_a_proposal_the_leidinggevende_starts_is_never_called_a_counter_proposal(
    client, org, periode
):
    afspraak = services.afspraak_voorstellen(
        actor=org["leider"],
        medewerker=org["eigenaar"],
        voorstel=Voorstel(
            kantoordagen=Decimal(2),
            ingangsdatum=date(2026, 12, 1),
            einddatum=date(2027, 6, 30),
            voorkeursdagen=[2, 4],
        ),
    )
    client.force_login(org["eigenaar"])
    mijn = client.get(reverse("mijn_afspraak")).text
    detail = client.get(reverse("afspraak_detail", args=[afspraak.pk])).text
    assert "Versie 1 — voorstel van de leidinggevende" in mijn
    assert "(voorstel van de leidinggevende)" in mijn  # the timeline's state
    assert "Voorstel van uw leidinggevende" in detail
    for page in (mijn, detail):
        assert "tegenvoorstel" not in page.lower()
    assert Notificatie.objects.get(ontvanger=org["eigenaar"]).onderwerp == (
        "Uw leidinggevende doet een voorstel voor uw kantoordagen"
    )
    client.force_login(org["leider"])
    assert (
        "tegenvoorstel"
        not in client.get(reverse("afspraak_detail", args=[afspraak.pk])).text.lower()
    )
    assert Afspraak.objects.get().status == Status.TEGENVOORSTEL  # stored as it waits


def test_a_counter_on_the_page_with_bad_input_shows_every_problem_and_changes_nothing(
    client, org, ingediend
):
    client.force_login(org["leider"])
    response = client.post(
        reverse("afspraak_besluit", args=[ingediend.pk]),
        {"besluit": "tegenvoorstel", "voorkeursdagen": ["9"], "motivatie": "Te kort."},
    )
    assert response.context["besluit_form"].errors == {
        "voorkeursdagen": ["Selecteer een geldige keuze. 9 is geen beschikbare keuze."],
        "kantoordagen": ["Geef aan hoeveel kantoordagen u voorstelt."],
        "motivatie": ["Geef een schriftelijke motivering van minstens 20 tekens."],
    }
    ingediend.refresh_from_db()
    assert (ingediend.status, ingediend.tegenvoorstel_voorkeursdagen) == (Status.INGEDIEND, None)
