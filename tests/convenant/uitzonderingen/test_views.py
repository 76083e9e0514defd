"""The exemption pages as people use them: employee, leidinggevende, HR, colleague, outsider."""

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from convenant.models import Categorie, Uitzondering, UitzonderingStatus
from convenant.selectors.uitzonderingen import team_uitzonderingen
from pilot.models import Notificatie
from tests.convenant.factories import DelegatieFactory, UitzonderingFactory
from tests.factories import MedewerkerFactory

MOTIVATIE = "Het team heeft u op dinsdag nodig voor het werkoverleg."


def aanvraag_post(**overrides) -> dict:
    data = {
        "categorie": "medisch",
        "kantoordagen": "1",
        "ingangsdatum": "2026-12-01",
        "einddatum": "2027-02-28",
        "op_advies_bedrijfsarts": "ja",
        "toelichting": "Besproken met de bedrijfsarts.",
    }
    data.update(overrides)
    return data


def test_the_medical_form_warns_not_to_write_medical_details(client, org):
    client.force_login(org["eigenaar"])
    page = client.get(reverse("uitzondering_nieuw")).text
    assert "Schrijf hier geen medische gegevens: geen diagnose" in page
    assert 'aria-describedby="privacy-waarschuwing"' in page
    assert "op advies van de bedrijfsarts?" in page
    # Deeltijd is derived, never requested: it is no choice on the form.
    assert 'value="deeltijd"' not in page


def test_employee_requests_a_medical_exemption_and_sees_it_listed(client, org):
    client.force_login(org["eigenaar"])
    response = client.post(reverse("uitzondering_nieuw"), aanvraag_post(), follow=True)
    assert "Uw aanvraag is naar uw leidinggevende gestuurd." in response.text
    uitzondering = Uitzondering.objects.get()
    assert (uitzondering.categorie, uitzondering.op_advies_bedrijfsarts) == ("medisch", True)
    assert uitzondering.kantoordagen == 1
    page = client.get(reverse("mijn_uitzonderingen")).text
    assert "Medisch — aangevraagd" in page
    assert "Uitzondering aangevraagd" in page  # the timeline
    assert Notificatie.objects.filter(ontvanger=org["leider"]).exists()


def test_mantelzorg_records_hours_only(client, org):
    client.force_login(org["eigenaar"])
    client.post(
        reverse("uitzondering_nieuw"),
        aanvraag_post(categorie="mantelzorg", mantelzorg_uren="10", op_advies_bedrijfsarts="ja"),
    )
    uitzondering = Uitzondering.objects.get()
    # The medical yes/no is dropped for another category instead of stored.
    assert (uitzondering.mantelzorg_uren, uitzondering.op_advies_bedrijfsarts) == (10, False)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"einddatum": "2026-11-01"}, "De einddatum ligt voor de ingangsdatum."),
        ({"kantoordagen": "2"}, "nooit omhoog"),
        ({"categorie": "deeltijd"}, "Selecteer een geldige keuze."),
        ({"categorie": "eerdere_afspraak"}, "Voeg de eerdere schriftelijke afspraak toe"),
        (
            {"ingangsdatum": "1990-01-01", "einddatum": "1990-02-01"},
            "De einddatum (1 februari 1990) ligt in het verleden.",
        ),
        (
            {"ingangsdatum": "2027-07-01", "einddatum": "2027-09-30"},
            "Op 1 juli 2027 loopt geen pilotperiode.",
        ),
    ],
)
def test_bad_input_on_the_form_is_explained_and_nothing_stored(client, org, overrides, message):
    client.force_login(org["eigenaar"])
    response = client.post(reverse("uitzondering_nieuw"), aanvraag_post(**overrides))
    assert response.status_code == 200
    assert message in response.text
    assert not Uitzondering.objects.exists()


def test_overlap_is_explained_on_the_form(client, org):
    UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.MEDISCH, mantelzorg_uren=None
    )
    client.force_login(org["eigenaar"])
    response = client.post(reverse("uitzondering_nieuw"), aanvraag_post())
    assert "U hebt al een uitzondering medisch (aangevraagd)" in response.text
    assert Uitzondering.objects.count() == 1


def test_part_timer_sees_the_derived_deeltijd_line(client, org):
    part_timer = MedewerkerFactory(team=org["team"], contracturen=24)
    client.force_login(part_timer)
    page = client.get(reverse("mijn_uitzonderingen")).text
    assert "U werkt 24 uur per week. Uw streefnorm is daarom naar rato 1 dag per week." in page
    assert "u hoeft het niet aan te vragen" in page
    client.force_login(org["eigenaar"])  # full-time: no such line
    assert "naar rato" not in client.get(reverse("mijn_uitzonderingen")).text


@pytest.mark.parametrize(
    ("wie", "verwacht"),
    [("eigenaar", 200), ("leider", 200), ("hr", 200), ("collega", 404), ("buitenstaander", 404)],
)
def test_who_sees_an_exemption(client, org, hr, wie, verwacht):
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"])
    client.force_login(hr if wie == "hr" else org[wie])
    assert client.get(reverse("uitzondering_detail", args=[uitzondering.pk])).status_code == (
        verwacht
    )


def test_the_team_list_shows_each_request_and_on_whose_behalf_a_vervanger_decides(client, org):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"],
        ingangsdatum=date(2026, 12, 1),
        einddatum=date(2027, 2, 28),
        kantoordagen=Decimal("1.5"),
    )
    DelegatieFactory(
        leidinggevende=org["leider"],
        vervanger=org["vervanger"],
        startdatum=date(2026, 11, 16),
        einddatum=date(2026, 11, 27),
    )
    client.force_login(org["vervanger"])
    page = client.get(reverse("team_uitzonderingen")).text
    rij = page[page.index(f'<a href="/uitzonderingen/{uitzondering.pk}/">') :]
    rij = rij[: rij.index("</tr>")]
    assert f'Eva Eigen</a><br><span class="small">namens {org["leider"].naam}</span>' in rij
    assert "<td>Mantelzorg</td><td>1,5</td><td>01-12-2026 – 28-02-2027</td>" in rij


def test_the_team_lists_order_requests_running_and_decided_exemptions(client, org):
    def lid(naam, status, **velden):
        persoon = MedewerkerFactory(team=org["team"], first_name=naam, last_name="Lid")
        uitzondering = UitzonderingFactory(medewerker=persoon, status=status, **velden)
        # aangevraagd_op is set on creation: the test dates it afterwards.
        aangevraagd = velden.get("ingangsdatum", date(2026, 11, 1))
        Uitzondering.objects.filter(pk=uitzondering.pk).update(
            aangevraagd_op=datetime(
                aangevraagd.year, aangevraagd.month, aangevraagd.day, tzinfo=UTC
            )
        )

    lid("Later", UitzonderingStatus.AANGEVRAAGD, ingangsdatum=date(2026, 11, 20))
    lid("Eerder", UitzonderingStatus.AANGEVRAAGD, ingangsdatum=date(2026, 11, 10))
    lid("Lang", UitzonderingStatus.TOEGEKEND, einddatum=date(2027, 1, 31))
    lid("Kort", UitzonderingStatus.TOEGEKEND, einddatum=date(2026, 12, 15))
    lid(
        "Voorbij",
        UitzonderingStatus.TOEGEKEND,
        ingangsdatum=date(2026, 1, 1),
        einddatum=date(2026, 11, 1),
    )
    besloten = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    lid("Oud", UitzonderingStatus.AFGEWEZEN, besloten_op=besloten)
    lid("Nieuw", UitzonderingStatus.VERLOPEN, besloten_op=besloten + timedelta(days=14))
    client.force_login(org["leider"])
    page = client.get(reverse("team_uitzonderingen")).text

    def namen(kop_id):
        sectie = page[page.index(f'id="{kop_id}"') :]
        sectie = sectie[: sectie.index("</section>")]
        return re.findall(r">(\w+) Lid</a>", sectie)

    assert namen("kop-te-beslissen") == ["Eerder", "Later"]
    assert namen("kop-lopend") == ["Kort", "Lang"]  # ending first; one that ended is gone
    assert namen("kop-afgehandeld") == ["Nieuw", "Oud"]  # the latest decision first
    # Each list is capped on its own: the first of each, not the first rows overall.
    kort = team_uitzonderingen(org["leider"], limiet=1)
    eersten = kort.te_beslissen + kort.lopend + kort.afgehandeld
    assert [u.medewerker.first_name for u in eersten] == ["Eerder", "Kort", "Nieuw"]


def test_leidinggevende_decides_on_the_decision_page(client, org):
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"])
    client.force_login(org["leider"])
    page = client.get(reverse("team_uitzonderingen")).text
    assert "Eva Eigen" in page
    detail = client.get(reverse("uitzondering_detail", args=[uitzondering.pk])).text
    assert "Besluit vastleggen" in detail
    assert "Mantelzorg" in detail
    assert "8 uur" not in detail  # the mantelzorg hours are for the employee and HR only
    response = client.post(
        reverse("uitzondering_besluit", args=[uitzondering.pk]),
        {"besluit": "afwijzen", "motivatie": "Nee."},
    )
    assert "minstens 20 tekens" in response.text
    bevestigen = client.post(
        reverse("uitzondering_besluit", args=[uitzondering.pk]),
        {"besluit": "afwijzen", "motivatie": MOTIVATIE},
    )
    assert "Als u afwijst, geldt de gewone streefnorm." in bevestigen.text
    response = client.post(
        reverse("uitzondering_besluit", args=[uitzondering.pk]),
        {"besluit": "afwijzen", "motivatie": MOTIVATIE, "bevestigd": "ja"},
        follow=True,
    )
    assert "Uw besluit is vastgelegd." in response.text
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.AFGEWEZEN


def test_a_verified_earlier_agreement_offers_only_granting_and_refuses_rejection(client, org, hr):
    from convenant import services

    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    services.uitzondering_verifieren(actor=hr, uitzondering=uitzondering)
    client.force_login(org["leider"])
    detail = client.get(reverse("uitzondering_detail", args=[uitzondering.pk])).text
    assert "afwijzen is niet mogelijk" in detail
    assert 'value="afwijzen"' not in detail
    # A crafted POST gets the reason, and the state stays.
    response = client.post(
        reverse("uitzondering_besluit", args=[uitzondering.pk]),
        {"besluit": "afwijzen", "motivatie": MOTIVATIE},
        follow=True,
    )
    assert "individueel recht" in response.text
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.AANGEVRAAGD


def test_hr_verifies_from_the_queue(client, org, hr):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    client.force_login(hr)
    queue = client.get(reverse("uitzondering_verificatie")).text
    assert "Eva Eigen" in queue and "niet geverifieerd" in queue
    detail = client.get(reverse("uitzondering_detail", args=[uitzondering.pk])).text
    assert "Eerdere afspraak verifiëren" in detail
    assert "Besluit vastleggen" not in detail  # HR does not decide
    response = client.post(reverse("uitzondering_verifieren", args=[uitzondering.pk]), follow=True)
    assert "De eerdere schriftelijke afspraak is geverifieerd." in response.text
    again = client.post(reverse("uitzondering_verifieren", args=[uitzondering.pk]), follow=True)
    assert "al geverifieerd" in again.text
    assert (
        "Er wachten geen eerdere afspraken op verificatie."
        in client.get(reverse("uitzondering_verificatie")).text
    )


def test_start_page_cards(client, org, hr):
    UitzonderingFactory(medewerker=org["collega"])
    UitzonderingFactory(
        medewerker=org["eigenaar"],
        status=UitzonderingStatus.TOEGEKEND,
        ingangsdatum=date(2026, 11, 1),
        einddatum=date(2026, 12, 1),
    )
    UitzonderingFactory(
        medewerker=org["buitenstaander"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    client.force_login(org["eigenaar"])
    assert "Uw uitzondering mantelzorg geldt tot en met 1 december 2026" in client.get("/").text
    client.force_login(org["leider"])
    assert "1 aanvraag voor een uitzondering wacht op uw besluit." in client.get("/").text
    client.force_login(hr)
    assert "1 eerdere schriftelijke afspraak wacht op verificatie." in client.get("/").text


# --- constant query counts -------------------------------------------------------------------


def _fill(org, size: int):
    for index in range(size):
        person = MedewerkerFactory(team=org["team"])
        UitzonderingFactory(
            medewerker=person,
            categorie=Categorie.EERDERE_AFSPRAAK if index % 2 else Categorie.MANTELZORG,
            kantoordagen=Decimal(1),
            status=[UitzonderingStatus.AANGEVRAAGD, UitzonderingStatus.TOEGEKEND][index % 2],
        )


def test_mijn_uitzonderingen_with_many_exemptions(client, org, django_assert_num_queries):
    for year in range(2030, 2050):
        UitzonderingFactory(
            medewerker=org["eigenaar"],
            status=UitzonderingStatus.VERLOPEN,
            ingangsdatum=date(year, 1, 1),
            einddatum=date(year, 2, 1),
        )
    client.force_login(org["eigenaar"])
    # As for one exemption; one more than with none (then there is no timeline to read).
    with django_assert_num_queries(9):
        page = client.get(reverse("mijn_uitzonderingen")).text
    assert page.count("Mantelzorg — verlopen") == 20


def test_a_decision_the_state_refuses_gets_its_reason_before_any_form_error(client, org, hr):
    from convenant import services
    from convenant.validators import MAX_TEKST

    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    services.uitzondering_verifieren(actor=hr, uitzondering=uitzondering)
    client.force_login(org["leider"])
    response = client.post(
        reverse("uitzondering_besluit", args=[uitzondering.pk]),
        {"besluit": "afwijzen", "motivatie": "x" * (MAX_TEKST + 1)},
        follow=True,
    )
    assert response.redirect_chain  # the reason as a message, not the form back with errors
    assert "individueel recht" in response.text
    assert "is-invalid" not in response.text
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.AANGEVRAAGD


def test_the_verification_queue_is_paged_oldest_first(client, org, hr):
    for _index in range(27):
        UitzonderingFactory(
            medewerker=MedewerkerFactory(team=org["team"]), categorie=Categorie.EERDERE_AFSPRAAK
        )
    client.force_login(hr)
    first = client.get(reverse("uitzondering_verificatie"))
    assert "27 eerdere afspraken wachten op verificatie." in first.text
    assert len(first.context["data"].te_verifieren.object_list) == 25
    second = client.get(reverse("uitzondering_verificatie"), {"pagina": "2"})
    assert len(second.context["data"].te_verifieren.object_list) == 2
