"""Motivation, below-norm reason, overlap, period and input rules, through the services."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convenant import services
from convenant.models import Afspraak, Status
from convenant.services.afspraken import Voorstel
from pilot.models import AuditEvent
from tests.convenant.factories import AfspraakFactory

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


def test_a_new_akkoord_version_moves_the_overlapping_old_one_to_vervallen(org):
    old = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.AKKOORD,
        versie=1,
        ingangsdatum=date(2026, 7, 1),
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
