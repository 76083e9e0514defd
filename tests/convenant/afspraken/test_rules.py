"""Motivation, below-norm reason, overlap, period and input rules, through the services."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from convenant import services
from convenant.models import Afspraak, Status
from convenant.selectors import afspraken as selectors
from convenant.services.afspraken import Voorstel
from pilot.models import AuditEvent, Notificatie
from tests.convenant.factories import AfspraakFactory, DelegatieFactory
from tests.factories import MedewerkerFactory

MOTIVATIE = "Het team heeft u op dinsdag nodig voor het werkoverleg."


def voorstel(**overrides) -> Voorstel:
    values = {
        "kantoordagen": Decimal(2),
        "ingangsdatum": date(2026, 12, 1),
        "einddatum": date(2027, 6, 30),
        "voorkeursdagen": [2, 4],
    }
    values.update(overrides)
    return Voorstel(**values)


@pytest.mark.parametrize("motivatie", ["", "   ", "Te kort gemotiveerd", "x" * 2001])
def test_rejection_needs_a_written_motivation_of_20_to_2000_characters(org, motivatie):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    with pytest.raises(ValidationError) as excinfo:
        services.afspraak_afwijzen(actor=org["leider"], afspraak=afspraak, motivatie=motivatie)
    assert "motivatie" in excinfo.value.message_dict
    afspraak.refresh_from_db()
    assert afspraak.status == Status.INGEDIEND


@pytest.mark.parametrize("motivatie", ["", "Zo is het beter."])
def test_counter_proposal_needs_a_written_motivation(org, motivatie):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    with pytest.raises(ValidationError) as excinfo:
        services.afspraak_tegenvoorstel(
            actor=org["leider"], afspraak=afspraak, kantoordagen=Decimal(2), motivatie=motivatie
        )
    assert "minstens 20 tekens" in excinfo.value.message_dict["motivatie"][0]
    afspraak.refresh_from_db()
    assert afspraak.status == Status.INGEDIEND


def test_agreeing_below_the_norm_needs_a_consideration_and_an_explanation(org):
    afspraak = AfspraakFactory(
        medewerker=org["eigenaar"], status=Status.INGEDIEND, kantoordagen=Decimal(1)
    )
    with pytest.raises(ValidationError) as excinfo:
        services.afspraak_akkoord(actor=org["leider"], afspraak=afspraak)
    assert set(excinfo.value.message_dict) == {"onder_norm_overweging", "onder_norm_toelichting"}
    afspraak.refresh_from_db()
    assert afspraak.status == Status.INGEDIEND

    services.afspraak_akkoord(
        actor=org["leider"],
        afspraak=afspraak,
        onder_norm_overweging="medisch_sociaal",
        onder_norm_toelichting="Reistijd van twee uur is bij deze situatie niet haalbaar.",
    )
    afspraak.refresh_from_db()
    assert afspraak.status == Status.AKKOORD
    assert afspraak.onder_norm_overweging == "medisch_sociaal"
    assert afspraak.streefnorm_dagen == 2


def test_agreeing_at_or_above_the_norm_needs_no_reason(org):
    org["eigenaar"].contracturen = 16  # norm 1
    org["eigenaar"].save()
    afspraak = AfspraakFactory(
        medewerker=org["eigenaar"], status=Status.INGEDIEND, kantoordagen=Decimal(1)
    )
    services.afspraak_akkoord(actor=org["leider"], afspraak=afspraak)
    afspraak.refresh_from_db()
    assert afspraak.status == Status.AKKOORD


def test_counter_proposal_below_the_norm_needs_the_reason_up_front(org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    with pytest.raises(ValidationError) as excinfo:
        services.afspraak_tegenvoorstel(
            actor=org["leider"], afspraak=afspraak, kantoordagen=Decimal("0.5"), motivatie=MOTIVATIE
        )
    assert "onder_norm_overweging" in excinfo.value.message_dict


def test_a_new_akkoord_version_from_the_same_start_moves_the_old_one_to_vervallen(org):
    old = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.AKKOORD,
        versie=1,
        ingangsdatum=date(2026, 12, 1),
        einddatum=date(2027, 6, 30),
    )
    not_overlapping = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.AKKOORD,
        versie=2,
        ingangsdatum=date(2026, 7, 1),
        einddatum=date(2026, 11, 30),
    )
    new = services.afspraak_opslaan(actor=org["eigenaar"], voorstel=voorstel(), indienen=True)
    assert new.vorige == not_overlapping  # the latest agreed version
    services.afspraak_akkoord(actor=org["leider"], afspraak=new)
    old.refresh_from_db()
    not_overlapping.refresh_from_db()
    assert old.status == Status.VERVALLEN
    assert old.vervallen_op is not None
    assert not_overlapping.status == Status.AKKOORD
    assert AuditEvent.objects.get(object_id=str(old.pk)).notitie == "Vervangen door versie 3."
    assert Afspraak.objects.filter(medewerker=org["eigenaar"], status=Status.AKKOORD).count() == 2
    told = Notificatie.objects.get(ontvanger=org["eigenaar"], onderwerp__contains="vervallen")
    assert told.onderwerp == "Versie 1 van uw afspraak is vervallen"
    assert told.tekst == "Versie 3 vervangt haar vanaf 1 december 2026."


def test_a_later_version_ends_the_current_one_the_day_before_it_starts(org, client):
    from convenant import tasks

    team_plan = reverse("teamplan") + f"?team={org['team'].pk}"
    v1 = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.AKKOORD,
        versie=1,
        voorkeursdagen=[2],
        ingangsdatum=date(2026, 7, 1),
        einddatum=date(2027, 6, 30),
    )
    v2 = services.afspraak_opslaan(
        actor=org["eigenaar"],
        voorstel=voorstel(ingangsdatum=date(2027, 1, 4), voorkeursdagen=[4]),
        indienen=True,
    )
    services.afspraak_akkoord(actor=org["leider"], afspraak=v2)  # today: 23-11-2026

    v1.refresh_from_db()
    assert (v1.status, v1.einddatum) == (Status.AKKOORD, date(2027, 1, 3))
    assert selectors.mijn_afspraak(org["eigenaar"]).huidige == v1
    client.force_login(org["leider"])
    dinsdag = client.get(team_plan).context["overzicht"].dagen[1]
    assert dinsdag.aanwezig == [org["eigenaar"].naam]  # still on the team plan
    client.force_login(org["eigenaar"])
    page = client.get(reverse("mijn_afspraak")).text
    assert "Einddatum vervroegd" in page
    assert "Loopt tot en met 3 januari 2027: vanaf 4 januari 2027 geldt versie 2." in page
    told = Notificatie.objects.get(ontvanger=org["eigenaar"], onderwerp__contains="loopt tot")
    assert told.onderwerp == "Uw huidige afspraak loopt tot en met 3 januari 2027"
    assert tasks.laat_verlopen_afspraken_vervallen.delay().get() == 0  # nothing ends yet

    with time_machine.travel(datetime(2027, 1, 4, 6, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        assert tasks.laat_verlopen_afspraken_vervallen.delay().get() == 1
        v1.refresh_from_db()
        assert v1.status == Status.VERVALLEN
        assert selectors.mijn_afspraak(org["eigenaar"]).huidige == v2
        client.force_login(org["leider"])
        dagen = client.get(team_plan).context["overzicht"].dagen
        assert (dagen[1].aanwezig, dagen[3].aanwezig) == ([], [org["eigenaar"].naam])
        lapsed = Notificatie.objects.filter(ontvanger=org["eigenaar"]).latest("pk")
        assert lapsed.tekst == "Nu geldt versie 2 van uw afspraak."


# --- who hears of a new proposal -----------------------------------------------------------


def _ontvangers() -> set:
    return {n.ontvanger for n in Notificatie.objects.filter(onderwerp__startswith="Nieuw voorstel")}


def _indienen(person):
    services.afspraak_opslaan(actor=person, voorstel=voorstel(), indienen=True)


def test_a_proposal_reaches_the_leader_and_their_active_vervanger_only(org):
    hoofd = MedewerkerFactory(username="hoofd")
    mt = org["leider"].team
    mt.leidinggevende = hoofd
    mt.save()
    org["team"].bovenliggend_team = mt
    org["team"].save()
    DelegatieFactory(leidinggevende=org["leider"], vervanger=org["vervanger"])
    hoofd_vervanger = MedewerkerFactory(username="hoofdvervanger")
    DelegatieFactory(leidinggevende=hoofd, vervanger=hoofd_vervanger)
    _indienen(org["eigenaar"])
    assert _ontvangers() == {org["leider"], org["vervanger"]}


def test_a_proposal_in_a_team_without_leader_reaches_the_afdelingshoofd_and_vervanger(org):
    hoofd = MedewerkerFactory(username="hoofd")
    mt = org["leider"].team
    mt.leidinggevende = hoofd
    mt.save()
    team = org["team"]
    team.bovenliggend_team = mt
    team.leidinggevende = None
    team.save()
    hoofd_vervanger = MedewerkerFactory(username="hoofdvervanger")
    DelegatieFactory(leidinggevende=hoofd, vervanger=hoofd_vervanger)
    DelegatieFactory(
        leidinggevende=hoofd,
        vervanger=MedewerkerFactory(username="later"),
        startdatum=date(2026, 12, 1),
        einddatum=date(2026, 12, 31),
    )
    org["eigenaar"].refresh_from_db()
    _indienen(org["eigenaar"])
    assert _ontvangers() == {hoofd, hoofd_vervanger}


def test_a_leaders_own_proposal_reaches_the_leader_above_not_their_own_vervanger(org):
    hoofd = MedewerkerFactory(username="hoofd")
    mt = org["leider"].team
    mt.leidinggevende = hoofd
    mt.save()
    leider_team = org["team"]  # the leider leads Team A; make them a member of it
    org["leider"].team = leider_team
    org["leider"].save()
    leider_team.bovenliggend_team = mt
    leider_team.save()
    DelegatieFactory(leidinggevende=org["leider"], vervanger=org["vervanger"])
    _indienen(org["leider"])
    assert _ontvangers() == {hoofd}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"kantoordagen": Decimal("5.5")}, "kantoordagen"),
        ({"kantoordagen": Decimal("-1")}, "kantoordagen"),
        ({"kantoordagen": Decimal("1.3")}, "kantoordagen"),
        ({"voorkeursdagen": [0, 6]}, "voorkeursdagen"),
        ({"voorkeursdagen": [2, 2]}, "voorkeursdagen"),
        ({"ingangsdatum": date(2030, 1, 1), "einddatum": date(2030, 2, 1)}, "ingangsdatum"),
        ({"einddatum": date(2027, 7, 31)}, "einddatum"),
        ({"einddatum": date(2026, 11, 30)}, "einddatum"),
        ({"toelichting": "x" * 10_000}, "toelichting"),
        ({"overwegingen": {"vitaliteit": "x" * 10_000}}, "overwegingen"),
        ({"overwegingen": {"onbekend": "iets"}}, "overwegingen"),
    ],
)
def test_bad_input_gives_a_message_on_the_field_and_changes_nothing(org, overrides, field):
    with pytest.raises(ValidationError) as excinfo:
        services.afspraak_opslaan(
            actor=org["eigenaar"], voorstel=voorstel(**overrides), indienen=True
        )
    assert field in excinfo.value.message_dict
    assert not Afspraak.objects.exists()
    assert not AuditEvent.objects.exists()


def test_nobody_decides_on_their_own_agreement_or_on_another_team(org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    for actor in (org["eigenaar"], org["collega"], org["ander_leider"], org["buitenstaander"]):
        with pytest.raises(PermissionDenied):
            services.afspraak_akkoord(actor=actor, afspraak=afspraak)
    with pytest.raises(PermissionDenied):
        services.afspraak_accepteren(actor=org["leider"], afspraak=afspraak)
    afspraak.refresh_from_db()
    assert afspraak.status == Status.INGEDIEND
