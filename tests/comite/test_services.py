"""The comité's use cases: the good path, and bad input that changes nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from icalendar import Calendar

from comite import services
from comite.models import Geschil, Panellid, Zaak, Zitting
from convenant.models import Afspraak, Status
from pilot.models import AuditEvent
from pilot.workflow import TransitionNotAllowed
from tests.comite.conftest import seat_panel
from tests.comite.factories import AdviesFactory, ZaakFactory, ZittingFactory
from tests.convenant.factories import AfspraakFactory, pdf_bytes

VERKLARING = "Ik werk liever thuis door de lange reistijd naar kantoor."


def _aanmelden(org, afspraak, **extra):
    return services.zaak_aanmelden(
        actor=org["eigenaar"], afspraak=afspraak, verklaring=VERKLARING, **extra
    )


def test_filing_about_a_rejected_agreement(org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.AFGEWEZEN)
    zaak = _aanmelden(org, afspraak, bijstand_naam="Bea Bond", bijstand_email="bea@fnv.example")
    assert (zaak.status, zaak.leidinggevende, zaak.termijn.isoformat()) == (
        "aangemeld",
        org["leider"],
        "2026-11-30",
    )
    event = AuditEvent.objects.get(object_type="comite.zaak", object_id=str(zaak.pk))
    assert (event.actie, event.van_status, event.naar_status) == ("zaak.indienen", "", "aangemeld")


def test_documents_are_checked_by_content_like_evidence(org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.AFGEWEZEN)
    nep = SimpleUploadedFile("brief.pdf", b"MZ\x90\x00 geen pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        _aanmelden(org, afspraak, documenten=[nep])
    assert "documenten" in error.value.message_dict
    assert not Zaak.objects.exists()
    echt = SimpleUploadedFile("brief.pdf", pdf_bytes(), content_type="application/pdf")
    zaak = _aanmelden(org, afspraak, documenten=[echt])
    assert [d.omschrijving for d in zaak.documenten.all()] == ["Document 1 van de medewerker (PDF)"]


@pytest.mark.parametrize("status", [Status.AKKOORD, Status.CONCEPT, Status.TEGENVOORSTEL])
def test_no_case_about_an_agreement_that_is_not_in_dispute(org, status):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=status)
    with pytest.raises(TransitionNotAllowed) as error:
        _aanmelden(org, afspraak)
    assert "kunt u het comité niet om advies vragen" in error.value.message
    assert not Zaak.objects.exists()


def test_a_proposal_unanswered_for_20_working_days_may_go_to_the_comite(org):
    # Submitted Monday 26 Oct; 23 Nov is the 20th working day after it.
    ingediend_op = timezone.now() - timedelta(days=28)
    afspraak = AfspraakFactory(
        medewerker=org["eigenaar"], status=Status.INGEDIEND, ingediend_op=ingediend_op
    )
    assert _aanmelden(org, afspraak).status == "aangemeld"
    vroeg = AfspraakFactory(
        medewerker=org["collega"], status=Status.INGEDIEND, ingediend_op=timezone.now()
    )
    with pytest.raises(TransitionNotAllowed):
        services.zaak_aanmelden(actor=org["collega"], afspraak=vroeg, verklaring=VERKLARING)


def test_a_second_open_case_about_the_same_agreement_is_refused(org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.AFGEWEZEN)
    _aanmelden(org, afspraak)
    with pytest.raises(TransitionNotAllowed) as error:
        _aanmelden(org, afspraak)
    assert error.value.message == (
        "Hierover loopt al een zaak bij het comité. Er kan er maar één tegelijk lopen."
    )
    assert Zaak.objects.count() == 1


def test_only_the_employee_files_and_the_statement_is_required(org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.AFGEWEZEN)
    with pytest.raises(PermissionDenied):
        services.zaak_aanmelden(actor=org["leider"], afspraak=afspraak, verklaring=VERKLARING)
    with pytest.raises(ValidationError) as error:
        services.zaak_aanmelden(actor=org["eigenaar"], afspraak=afspraak, verklaring="nee")
    assert list(error.value.message_dict) == ["verklaring"]
    assert not Zaak.objects.exists()


def test_intake_asks_the_leidinggevende_for_a_response_with_a_deadline(org, zaak):
    services.zaak_accepteren(actor=org["secretaris"], zaak=zaak)
    zaak.refresh_from_db()
    # 23 Nov + 10 working days = 7 Dec; the zitting within 20 = 21 Dec.
    assert (zaak.status, zaak.reactie_termijn.isoformat(), zaak.termijn.isoformat()) == (
        "in_behandeling",
        "2026-12-07",
        "2026-12-21",
    )
    assert org["leider"].notificaties.filter(onderwerp__startswith="Reactie gevraagd").exists()
    with pytest.raises(PermissionDenied):
        services.zaak_accepteren(actor=org["voorzitter"], zaak=zaak)


def test_the_panel_refuses_a_member_with_a_conflict_of_interest(org, zaak):
    services.zaak_accepteren(actor=org["secretaris"], zaak=zaak)
    with pytest.raises(ValidationError) as error:
        services.zaak_panel(
            actor=org["secretaris"],
            zaak=zaak,
            voorzitter=org["conflict"],
            lid_werkgever=org["werkgeverslid"],
            lid_or=org["orlid_comite"],
        )
    assert error.value.message_dict == {
        "voorzitter": [
            f"{org['conflict'].naam} werkt in dezelfde afdeling als de medewerker "
            "(belangenconflict)."
        ]
    }
    assert not Panellid.objects.exists()
    services.zaak_panel(
        actor=org["secretaris"],
        zaak=zaak,
        voorzitter=org["voorzitter"],
        lid_werkgever=org["werkgeverslid"],
        lid_or=org["orlid_comite"],
    )
    assert zaak.panelleden.count() == 3


def test_the_leidinggevendes_afdeling_counts_too(org, zaak):
    from comite import panel
    from tests.factories import TeamFactory

    org["leider"].team = TeamFactory(afdeling=org["voorzitter"].team.afdeling)
    org["leider"].save()
    zaak.refresh_from_db()
    assert panel.conflict(zaak, org["voorzitter"]) == (
        f"{org['voorzitter'].naam} werkt in dezelfde afdeling als de leidinggevende "
        "(belangenconflict)."
    )


def _in_behandeling_met_panel(org, zaak):
    services.zaak_accepteren(actor=org["secretaris"], zaak=zaak)
    return seat_panel(zaak, org)


def test_a_zitting_in_the_past_is_refused(org, zaak):
    _in_behandeling_met_panel(org, zaak)
    with pytest.raises(ValidationError) as error:
        services.zitting_plannen(
            actor=org["secretaris"],
            zaak=zaak,
            begin=timezone.now() - timedelta(hours=1),
            einde=timezone.now(),
            locatie="Utrecht",
        )
    assert error.value.message_dict["begin"] == [
        "De zitting kan niet in het verleden liggen. Kies een latere datum."
    ]
    zaak.refresh_from_db()
    assert (zaak.status, Zitting.objects.count()) == ("in_behandeling", 0)


def test_the_ical_invitation_parses_and_a_new_date_keeps_the_uid(org, zaak, mailoutbox):
    zaak.bijstand_naam, zaak.bijstand_email = "Bea Bond", "bea@fnv.example"
    zaak.save()
    _in_behandeling_met_panel(org, zaak)
    begin = timezone.now() + timedelta(days=7)
    services.zitting_plannen(
        actor=org["secretaris"],
        zaak=zaak,
        begin=begin,
        einde=begin + timedelta(hours=1),
        locatie="Utrecht",
    )
    services.uitnodiging_versturen(zaak.zitting.pk)
    services.uitnodiging_versturen(zaak.zitting.pk)  # idempotent: nothing sent twice
    invites = [m for m in mail.outbox if m.attachments]
    assert len(invites) == 1
    event = Calendar.from_ical(invites[0].attachments[0][1]).walk("VEVENT")[0]
    attendees = sorted(str(a).removeprefix("mailto:") for a in event.get("attendee"))
    assert attendees == sorted(
        [
            org["eigenaar"].email,
            org["leider"].email,
            org["voorzitter"].email,
            org["werkgeverslid"].email,
            org["orlid_comite"].email,
            "bea@fnv.example",
        ]
    )
    assert event.get("sequence") == 0
    assert event.decoded("dtstart") == begin
    uid = str(event.get("uid"))
    later = begin + timedelta(days=1)
    services.zitting_plannen(
        actor=org["secretaris"],
        zaak=zaak,
        begin=later,
        einde=later + timedelta(hours=1),
        locatie="Utrecht",
    )
    services.uitnodiging_versturen(zaak.zitting.pk)
    update = Calendar.from_ical(
        [m for m in mail.outbox if m.attachments][-1].attachments[0][1]
    ).walk("VEVENT")[0]
    assert (str(update.get("uid")), update.get("sequence")) == (uid, 1)


def _met_advies(org, zaak):
    _in_behandeling_met_panel(org, zaak)
    ZittingFactory(zaak=zaak)
    Zaak.objects.filter(pk=zaak.pk).update(status="zitting_gepland")
    zaak.refresh_from_db()
    return zaak


def test_an_advice_without_text_is_refused(org, zaak):
    _met_advies(org, zaak)
    with pytest.raises(ValidationError) as error:
        services.advies_uitbrengen(
            actor=org["voorzitter"], zaak=zaak, tekst="  ", kantoordagen=Decimal(2)
        )
    assert error.value.message_dict == {
        "tekst": ["Schrijf het advies uit: een advies zonder tekst kan niet."]
    }
    zaak.refresh_from_db()
    assert (zaak.status, hasattr(zaak, "advies")) == ("zitting_gepland", False)


def test_no_advice_before_the_zitting(org, zaak):
    _met_advies(org, zaak)
    Zitting.objects.filter(zaak=zaak).update(
        begin=timezone.now() + timedelta(days=1), einde=timezone.now() + timedelta(days=2)
    )
    zaak.refresh_from_db()
    with pytest.raises(TransitionNotAllowed):
        services.advies_uitbrengen(
            actor=org["voorzitter"], zaak=zaak, tekst="Advies", kantoordagen=Decimal(2)
        )


def test_an_advice_accepted_by_both_becomes_a_new_agreement_version(org, zaak):
    huidig = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.AKKOORD,
        kantoordagen=Decimal(3),
        versie=1,
        ingangsdatum=timezone.localdate() - timedelta(days=30),
    )
    _met_advies(org, zaak)
    services.advies_uitbrengen(
        actor=org["voorzitter"],
        zaak=zaak,
        tekst="Twee dagen, op dinsdag en donderdag.",
        kantoordagen=Decimal("1.5"),
        voorkeursdagen=[4, 2],
    )
    services.advies_aanvaarden(actor=org["eigenaar"], zaak=zaak)
    zaak.refresh_from_db()
    assert zaak.status == "advies_uitgebracht"
    with pytest.raises(TransitionNotAllowed):
        services.advies_aanvaarden(actor=org["eigenaar"], zaak=zaak)
    services.advies_aanvaarden(actor=org["leider"], zaak=zaak)
    zaak.refresh_from_db()
    nieuw = zaak.advies.afspraak
    assert zaak.status == "opgelost"
    assert (nieuw.status, nieuw.kantoordagen, nieuw.voorkeursdagen, nieuw.bron) == (
        "akkoord",
        Decimal("1.5"),
        [2, 4],
        "advies_comite",
    )
    assert (nieuw.ingangsdatum.isoformat(), nieuw.vorige) == ("2026-11-23", huidig)
    huidig.refresh_from_db()
    assert huidig.einddatum.isoformat() == "2026-11-22"
    assert AuditEvent.objects.filter(actie="afspraak.vastleggen", object_id=str(nieuw.pk)).exists()


def test_one_rejection_ends_the_case_unsolved(org, zaak):
    _met_advies(org, zaak)
    AdviesFactory(zaak=zaak)
    Zaak.objects.filter(pk=zaak.pk).update(status="advies_uitgebracht")
    zaak.refresh_from_db()
    services.advies_afwijzen(actor=org["leider"], zaak=zaak, toelichting="Te weinig.")
    zaak.refresh_from_db()
    assert (zaak.status, zaak.advies.leidinggevende_aanvaard) == ("niet_opgelost", False)
    assert Afspraak.objects.filter(bron="advies_comite").count() == 0


def _niet_opgelost(org):
    zaak = ZaakFactory(afspraak__medewerker=org["eigenaar"], status="niet_opgelost")
    zaak.afgesloten_op = timezone.now()
    zaak.save()
    return zaak


def test_a_geschil_after_six_weeks_is_refused(org):
    zaak = _niet_opgelost(org)
    te_laat = time_machine.travel(timezone.now() + timedelta(weeks=6, days=1), tick=False)
    with te_laat, pytest.raises(TransitionNotAllowed) as error:
        services.geschil_indienen(
            actor=org["eigenaar"], zaak=zaak, toelichting="Ik wil een bindende uitspraak."
        )
    assert "uiterlijk 4 januari 2027" in error.value.message
    assert not Geschil.objects.exists()
    with time_machine.travel(timezone.now() + timedelta(weeks=6), tick=False):
        geschil = services.geschil_indienen(
            actor=org["eigenaar"], zaak=zaak, toelichting="Ik wil een bindende uitspraak."
        )
    assert (geschil.status, geschil.uitspraak_termijn.isoformat()) == ("ingediend", "2027-02-04")


def test_a_binding_ruling_is_applied_as_a_new_version(org):
    zaak = _niet_opgelost(org)
    geschil = services.geschil_indienen(
        actor=org["eigenaar"], zaak=zaak, toelichting="Ik wil een bindende uitspraak."
    )
    with pytest.raises(TransitionNotAllowed):
        services.geschil_uitspraak(
            actor=org["secretaris"], geschil=geschil, uitkomst="x", bindend=True
        )
    services.geschil_in_behandeling(actor=org["secretaris"], geschil=geschil)
    with pytest.raises(ValidationError) as error:
        services.geschil_uitspraak(
            actor=org["secretaris"], geschil=geschil, uitkomst="Twee dagen.", bindend=True
        )
    assert list(error.value.message_dict) == ["kantoordagen"]
    geschil = services.geschil_uitspraak(
        actor=org["secretaris"],
        geschil=geschil,
        uitkomst="Twee dagen.",
        bindend=True,
        kantoordagen=Decimal(2),
        voorkeursdagen=[1],
    )
    assert (geschil.status, geschil.afspraak.bron, geschil.afspraak.kantoordagen) == (
        "uitspraak",
        "uitspraak_geschil",
        Decimal(2),
    )


def test_a_non_binding_ruling_leaves_the_agreement(org):
    zaak = _niet_opgelost(org)
    geschil = services.geschil_indienen(
        actor=org["eigenaar"], zaak=zaak, toelichting="Ik wil een bindende uitspraak."
    )
    services.geschil_in_behandeling(actor=org["secretaris"], geschil=geschil)
    geschil = services.geschil_uitspraak(
        actor=org["secretaris"], geschil=geschil, uitkomst="Advies aan beide.", bindend=False
    )
    assert (geschil.bindend, geschil.afspraak) == (False, None)


def test_the_employee_withdraws_before_the_advice_only(org, zaak):
    services.zaak_intrekken(actor=org["eigenaar"], zaak=zaak)
    zaak.refresh_from_db()
    assert zaak.status == "ingetrokken"
    with pytest.raises(TransitionNotAllowed):
        services.zaak_intrekken(actor=org["eigenaar"], zaak=zaak)


def test_niet_ontvankelijk_needs_a_reason(org, zaak):
    with pytest.raises(ValidationError):
        services.zaak_niet_ontvankelijk(actor=org["secretaris"], zaak=zaak, reden="")
    services.zaak_niet_ontvankelijk(
        actor=org["secretaris"], zaak=zaak, reden="Eerst samen het gesprek afmaken, graag."
    )
    zaak.refresh_from_db()
    assert zaak.status == "niet_ontvankelijk"


def test_reminders_go_out_once_per_deadline(org, zaak):
    Zaak.objects.filter(pk=zaak.pk).update(termijn=timezone.localdate() - timedelta(days=1))
    assert services.termijnen_herinneren() == 1
    assert services.termijnen_herinneren() == 0
    assert (
        org["secretaris"].notificaties.filter(onderwerp__startswith="Termijn verstreken").count()
        == 1
    )
