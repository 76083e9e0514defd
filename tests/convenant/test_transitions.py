"""Every allowed and every forbidden transition of the agreement, driven by one table."""

from decimal import Decimal

import pytest

from convenant import services
from convenant.exceptions import TransitionNotAllowed
from convenant.models import OVERGANGEN, Actie, Afspraak, Status
from convenant.services.afspraken import Voorstel
from pilot.models import AuditEvent, Notificatie
from tests.convenant.factories import AfspraakFactory

MOTIVATIE = "Het team heeft u op dinsdag nodig voor het werkoverleg."


def _perform(actie: str, afspraak: Afspraak, org: dict) -> Afspraak:
    eigenaar, leider = org["eigenaar"], org["leider"]
    if actie == Actie.INDIENEN:
        return services.afspraak_indienen(actor=eigenaar, afspraak=afspraak)
    if actie == Actie.AKKOORD:
        return services.afspraak_akkoord(actor=leider, afspraak=afspraak)
    if actie == Actie.TEGENVOORSTEL:
        return services.afspraak_tegenvoorstel(
            actor=leider, afspraak=afspraak, kantoordagen=Decimal("2.5"), motivatie=MOTIVATIE
        )
    if actie == Actie.AFWIJZEN:
        return services.afspraak_afwijzen(actor=leider, afspraak=afspraak, motivatie=MOTIVATIE)
    if actie == Actie.ACCEPTEREN:
        return services.afspraak_accepteren(actor=eigenaar, afspraak=afspraak)
    if actie == Actie.WEIGEREN:
        return services.afspraak_weigeren(actor=eigenaar, afspraak=afspraak)
    if actie == Actie.LATEN_VERVALLEN:
        return services.afspraak_laten_vervallen(afspraak=afspraak, reden="Test")
    raise AssertionError(actie)


ACTIES_OP_BESTAANDE_VERSIE = [a for a in OVERGANGEN if None not in OVERGANGEN[a].van]
CASES = [
    (actie, status, status in OVERGANGEN[actie].van)
    for actie in ACTIES_OP_BESTAANDE_VERSIE
    for status in Status.values
]


@pytest.mark.parametrize(
    ("actie", "status", "toegestaan"),
    CASES,
    ids=[f"{a}-vanuit-{s}-{'mag' if ok else 'mag-niet'}" for a, s, ok in CASES],
)
def test_transition_table_is_enforced_by_the_services(org, actie, status, toegestaan):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=status)
    events_before = AuditEvent.objects.count()
    if toegestaan:
        result = _perform(actie, afspraak, org)
        assert result.status == OVERGANGEN[actie].naar
        afspraak.refresh_from_db()
        assert afspraak.status == OVERGANGEN[actie].naar
        event = AuditEvent.objects.filter(object_id=str(afspraak.pk)).first()
        assert (event.actie, event.van_status, event.naar_status) == (
            f"afspraak.{actie}",
            status,
            OVERGANGEN[actie].naar,
        )
    else:
        with pytest.raises(TransitionNotAllowed) as excinfo:
            _perform(actie, afspraak, org)
        assert str(Status(status).label) in excinfo.value.message
        afspraak.refresh_from_db()
        assert afspraak.status == status
        assert AuditEvent.objects.count() == events_before


def _voorstel(**overrides) -> Voorstel:
    from datetime import date

    values = {
        "kantoordagen": Decimal(2),
        "ingangsdatum": date(2026, 12, 1),
        "einddatum": date(2027, 6, 30),
        "voorkeursdagen": [2, 4],
        "overwegingen": {"vitaliteit": "Fietsen naar kantoor houdt me fit."},
    }
    values.update(overrides)
    return Voorstel(**values)


@pytest.mark.parametrize("status", Status.values)
def test_a_new_proposal_is_refused_while_one_waits_for_an_answer(org, status):
    existing = AfspraakFactory(medewerker=org["eigenaar"], status=status, versie=1)
    if status in (Status.INGEDIEND, Status.TEGENVOORSTEL):
        with pytest.raises(TransitionNotAllowed):
            services.afspraak_opslaan(actor=org["eigenaar"], voorstel=_voorstel(), indienen=True)
        assert Afspraak.objects.count() == 1
    else:
        afspraak = services.afspraak_opslaan(
            actor=org["eigenaar"], voorstel=_voorstel(), indienen=True
        )
        assert afspraak.status == Status.INGEDIEND
        # A concept is the employee's draft: it is updated in place, not versioned.
        expected_version = 1 if status == Status.CONCEPT else 2
        assert afspraak.versie == expected_version
        assert (afspraak.pk == existing.pk) == (status == Status.CONCEPT)


@pytest.mark.parametrize("status", Status.values)
def test_leidinggevende_may_start_a_proposal_only_when_nothing_is_open(org, status):
    AfspraakFactory(medewerker=org["eigenaar"], status=status, versie=1)
    if status in (Status.CONCEPT, Status.INGEDIEND, Status.TEGENVOORSTEL):
        with pytest.raises(TransitionNotAllowed):
            services.afspraak_voorstellen(
                actor=org["leider"], medewerker=org["eigenaar"], voorstel=_voorstel()
            )
    else:
        afspraak = services.afspraak_voorstellen(
            actor=org["leider"], medewerker=org["eigenaar"], voorstel=_voorstel()
        )
        assert afspraak.status == Status.TEGENVOORSTEL
        assert afspraak.opgesteld_door == org["leider"]
        assert afspraak.versie == 2


def test_full_happy_path_notifies_the_other_party_at_every_step(org):
    eigenaar, leider = org["eigenaar"], org["leider"]
    afspraak = services.afspraak_opslaan(actor=eigenaar, voorstel=_voorstel(), indienen=True)
    assert Notificatie.objects.filter(ontvanger=leider).count() == 1
    services.afspraak_tegenvoorstel(
        actor=leider, afspraak=afspraak, kantoordagen=Decimal("2.5"), motivatie=MOTIVATIE
    )
    assert Notificatie.objects.filter(ontvanger=eigenaar).count() == 1
    services.afspraak_accepteren(actor=eigenaar, afspraak=afspraak)
    assert Notificatie.objects.filter(ontvanger=leider).count() == 2
    afspraak.refresh_from_db()
    assert afspraak.status == Status.AKKOORD
    assert afspraak.kantoordagen == Decimal("2.5")
    notes = list(
        AuditEvent.objects.filter(object_id=str(afspraak.pk))
        .order_by("pk")
        .values_list("actie", flat=True)
    )
    assert notes == [
        "afspraak.aanmaken",
        "afspraak.indienen",
        "afspraak.tegenvoorstel",
        "afspraak.accepteren",
    ]


def test_refusing_a_counter_proposal_means_no_agreement_and_tells_the_manager(org):
    afspraak = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.TEGENVOORSTEL,
        tegenvoorstel_kantoordagen=Decimal(3),
    )
    services.afspraak_weigeren(actor=org["eigenaar"], afspraak=afspraak, toelichting="Te veel.")
    afspraak.refresh_from_db()
    assert afspraak.status == Status.GEEN_OVEREENSTEMMING
    assert afspraak.kantoordagen == Decimal(2)
    assert Notificatie.objects.get(ontvanger=org["leider"]).onderwerp.endswith(
        "geen overeenstemming"
    )
