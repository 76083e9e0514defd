"""Start-page cards and the plain-Dutch next step."""

import re
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from comite import selectors
from pilot.audit import record
from tests.comite.conftest import seat_panel
from tests.comite.factories import ZaakFactory, ZittingFactory
from tests.convenant.factories import AfspraakFactory, UitzonderingFactory


def _titels(user):
    return {card.title: card.text for card in selectors.kaarten(user)}


def test_each_role_gets_its_card(org):
    zaak = seat_panel(
        ZaakFactory(
            afspraak__medewerker=org["eigenaar"],
            status="zitting_gepland",
            termijn=date(2026, 12, 9),
            termijnsoort="advies",
        ),
        org,
    )
    ZittingFactory(
        zaak=zaak,
        begin=timezone.now() + timedelta(days=2),
        einde=timezone.now() + timedelta(days=2, hours=1),
    )
    ZaakFactory(
        afspraak__medewerker=org["collega"],
        termijn=timezone.localdate() - timedelta(days=1),
    )
    assert _titels(org["eigenaar"]) == {
        "Uw zaak bij het adviserend comité": (
            "De zitting is op 25 november 2026 om 10:00. Het comité brengt daarna advies uit, "
            "uiterlijk 9 december 2026."
        )
    }
    assert _titels(org["leider"]) == {
        "Reactie gevraagd door het comité": (
            "1 zaak van uw team wacht op uw schriftelijke reactie. 0 adviezen wachten op uw "
            "antwoord."
        )
    }
    assert _titels(org["secretaris"]) == {
        "Wachtrij van het comité": (
            "2 open zaken, waarvan 1 wachten op intake en 1 over hun termijn zijn."
        )
    }
    assert _titels(org["voorzitter"]) == {
        "Mijn panels": (
            "U zit in het panel van 1 open zaak. Volgende zitting: 25 november 2026 om 10:00."
        )
    }
    assert _titels(org["buiten_panel"]) == {"Mijn panels": "U zit in het panel van 0 open zaken."}


def test_the_case_page_says_what_happens_next(client, org, zaak):
    client.force_login(org["eigenaar"])
    page = client.get(reverse("zaak_detail", args=[zaak.pk])).text
    assert (
        "De secretaris van het comité bekijkt of het comité uw zaak kan behandelen. Dat gebeurt "
        "uiterlijk 30 november 2026." in page
    )


def test_the_case_page_marks_a_case_past_its_deadline(client, org):
    op_tijd = ZaakFactory(afspraak__medewerker=org["eigenaar"], termijn=date(2026, 11, 23))
    te_laat = ZaakFactory(afspraak__medewerker=org["collega"], termijn=date(2026, 11, 20))
    client.force_login(org["secretaris"])
    assert "over de termijn" not in client.get(reverse("zaak_detail", args=[op_tijd.pk])).text
    assert "over de termijn" in client.get(reverse("zaak_detail", args=[te_laat.pk])).text


def _sectie(page: str, kop: str) -> str:
    """The text of the page's section headed by the element with id `kop`."""
    start = page.index(f'aria-labelledby="{kop}"')
    return page[start : page.index("</section>", start)]


def test_the_dossier_shows_each_version_with_its_history_apart_from_the_case(client, org, zaak):
    seat_panel(zaak, org)
    eerdere = AfspraakFactory(medewerker=org["eigenaar"], versie=zaak.afspraak.versie - 1)
    record(actor=org["eigenaar"], action="ingediend", obj=eerdere, note="Over versie een.")
    record(actor=org["leider"], action="afgewezen", obj=zaak.afspraak, note="Over de laatste.")
    record(actor=org["eigenaar"], action="aangemeld", obj=zaak, note="Over de zaak.")

    client.force_login(org["voorzitter"])
    page = client.get(reverse("zaak_detail", args=[zaak.pk])).text
    dossier = _sectie(page, "kop-dossier")
    laatste = dossier.index(f'id="versie-{zaak.afspraak.pk}"')
    een = dossier.index(f'id="versie-{eerdere.pk}"')
    assert laatste < een  # newest version first
    assert "Over de laatste." in dossier[laatste:een]
    assert "Over versie een." in dossier[een:]
    assert "Over de zaak." not in dossier
    tijdlijn = _sectie(page, "kop-tijdlijn")
    assert "Over de zaak." in tijdlijn
    assert "Over de laatste." not in tijdlijn

    # The employee, a party, sees the case's timeline but no dossier.
    client.force_login(org["eigenaar"])
    page = client.get(reverse("zaak_detail", args=[zaak.pk])).text
    assert 'aria-labelledby="kop-dossier"' not in page
    assert "Over de zaak." in _sectie(page, "kop-tijdlijn")
    assert "Over de laatste." not in page


def test_the_case_timeline_names_a_state_only_when_it_changed(client, org, zaak):
    seat_panel(zaak, org)
    record(
        actor=org["secretaris"],
        action="zaak.accepteren",
        obj=zaak,
        from_state="aangemeld",
        to_state="in_behandeling",
    )
    record(
        actor=org["voorzitter"],
        action="zaak.document_openen",
        obj=zaak,
        from_state="in_behandeling",
        to_state="in_behandeling",
    )
    client.force_login(org["voorzitter"])
    tijdlijn = _sectie(client.get(reverse("zaak_detail", args=[zaak.pk])).text, "kop-tijdlijn")
    rijen = [" ".join(re.sub(r"<[^>]+>", " ", rij).split()) for rij in tijdlijn.split("<li")[1:]]
    assert [rij.split("2026 ", 1)[1] for rij in rijen] == [
        f"10:00 In behandeling genomen door {org['secretaris'].naam} (aangemeld → in behandeling)",
        f"10:00 Document geopend door {org['voorzitter'].naam}",
    ]


def test_the_dossier_of_an_exemption_case_shows_the_exemptions_history(client, org):
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"], status="afgewezen")
    zaak = seat_panel(
        ZaakFactory(afspraak=None, uitzondering=uitzondering, medewerker=org["eigenaar"]), org
    )
    record(actor=org["leider"], action="afgewezen", obj=uitzondering, note="Geen grond.")
    record(actor=org["eigenaar"], action="aangemeld", obj=zaak, note="Over de zaak.")

    client.force_login(org["voorzitter"])
    page = client.get(reverse("zaak_detail", args=[zaak.pk])).text
    dossier = _sectie(page, "kop-dossier")
    assert "Geen grond." in dossier
    assert "Over de zaak." not in dossier
    assert "Geen grond." not in _sectie(page, "kop-tijdlijn")


def test_the_agreement_and_exemption_pages_link_to_filing(client, org):
    from convenant.models import Status

    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.AFGEWEZEN)
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"], status="afgewezen")
    client.force_login(org["eigenaar"])
    link = reverse("zaak_aanmelden", args=["afspraak", afspraak.pk])
    assert f'href="{link}"' in client.get(reverse("mijn_afspraak")).text
    link = reverse("zaak_aanmelden", args=["uitzondering", uitzondering.pk])
    assert (
        f'href="{link}"' in client.get(reverse("uitzondering_detail", args=[uitzondering.pk])).text
    )
    # Once a case runs, the page links to it instead: one open case per agreement.
    lopend = ZaakFactory(afspraak=afspraak)
    assert reverse("zaak_detail", args=[lopend.pk]) in client.get(reverse("mijn_afspraak")).text
    assert (
        reverse("zaak_aanmelden", args=["afspraak", afspraak.pk])
        not in client.get(reverse("mijn_afspraak")).text
    )


def test_the_comite_speaks_english_too(client, org, zaak):
    from django.utils import translation

    with translation.override("en"):
        assert selectors.volgende_stap(zaak) == (
            "The committee's secretary checks whether the committee can handle your case. This "
            "happens by 30 November 2026 at the latest."
        )
        client.force_login(org["eigenaar"])
        client.cookies["django_language"] = "en"
        # Inside the override: the request activates English, the override's exit resets it.
        page = client.get(reverse("zaak_detail", args=[zaak.pk])).text
    assert "What happens now, and when?" in page
