"""Reserving, checking in, cancelling and releasing desks: one transaction per use case.

The desk row is locked before its half days are read, so concurrent requests for one desk
queue up and each sees what the one before it committed; the unique constraints on
`Dagdeelbezetting` are the backstop that holds even if a code path forgot the lock.

A seat at a location without a particular desk counts against the location's free bookable
desks. Every booking at a location — desk or seat — first locks the location row, then
counts: so seats and desk bookings on one day and dagdeel never add up to more than the
bookable desks, also when they race. (Always location before desk: no deadlocks.)
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from convenant.models import Afspraak
from pilot.dates import in_sentence
from pilot.permissions import managed_team_ids
from pilot.werkdagen import werkdagen
from pilot.workflow import Party
from werkplekken.models import (
    ACTIEVE_STATUSSEN,
    HALVE_DAGEN,
    Aanwezigheid,
    Dagdeel,
    Dagdeelbezetting,
    Locatie,
    Reservering,
    ReserveringStatus,
    Soort,
    Werkplek,
)
from werkplekken.permissions import reservering_partij
from werkplekken.rules import datum_fout, incheckvenster, laatste_boekdag
from werkplekken.selectors.reserveringen import vrije_plekken
from werkplekken.workflow import EIGENAAR, LEIDINGGEVENDE, WORKFLOW, ReserveringActie


def bezet_fout(werkplek: Werkplek, datum: date) -> ValidationError:
    return ValidationError(
        {
            "werkplek": _("Werkplek %(code)s is op %(datum)s in dit dagdeel al bezet.")
            % {"code": werkplek.code, "datum": in_sentence(datum)}
        },
        code="bezet",
    )


def _dubbel_fout(datum: date) -> ValidationError:
    return ValidationError(
        {
            "dagdeel": _("U hebt op %(datum)s in dit dagdeel al een werkplek.")
            % {"datum": in_sentence(datum)}
        },
        code="dubbel",
    )


def _vol_fout(locatie: Locatie, datum: date) -> ValidationError:
    return ValidationError(
        {
            "locatie": _(
                "%(locatie)s is op %(datum)s in dit dagdeel vol: er is geen werkplek meer vrij."
            )
            % {"locatie": locatie.naam, "datum": datum.strftime("%d-%m-%Y")}
        },
        code="vol",
    )


def _partij_voor_nieuw(actor, medewerker) -> Party:
    if medewerker.pk == actor.pk:
        return Party(user=actor, roles=frozenset({EIGENAAR}))
    if medewerker.team_id is not None and medewerker.team_id in managed_team_ids(actor):
        return Party(user=actor, roles=frozenset({LEIDINGGEVENDE}))
    return Party(user=actor)


def reservering_aanmaken(
    *, actor, werkplek_id: int, datum: date, dagdeel: str, medewerker=None, teamdag: bool = False
) -> Reservering:
    """Book a desk for `medewerker` (default: the actor) — or a clear Dutch refusal."""
    medewerker = medewerker or actor
    step = WORKFLOW.begin(None, ReserveringActie.AANMAKEN, _partij_voor_nieuw(actor, medewerker))
    if dagdeel not in Dagdeel.values:
        raise ValidationError({"dagdeel": _("Kies ochtend, middag of hele dag.")})
    with transaction.atomic():
        # The location, then the desk: see the module docstring.
        Locatie.objects.select_for_update().filter(
            pk__in=Werkplek.objects.filter(pk=werkplek_id).values("zone__locatie_id")
        ).exists()
        werkplek = (
            Werkplek.objects.select_for_update(of=("self",))
            .select_related("zone__locatie")
            .filter(pk=werkplek_id)
            .first()
        )
        if werkplek is None or not werkplek.reserveerbaar:
            raise ValidationError(
                {"werkplek": _("Deze werkplek bestaat niet of is niet te reserveren.")}
            )
        fout = datum_fout(datum, werkplek.zone.locatie, timezone.localdate())
        if fout:
            raise ValidationError({"datum": fout})
        halve_dagen = HALVE_DAGEN[Dagdeel(dagdeel)]
        bezet = Dagdeelbezetting.objects.filter(datum=datum, halve_dag__in=halve_dagen)
        if bezet.filter(medewerker=medewerker).exists():
            raise _dubbel_fout(datum)
        if bezet.filter(werkplek=werkplek).exists():
            raise bezet_fout(werkplek, datum)
        if vrije_plekken(werkplek.zone.locatie_id, datum, halve_dagen) < 1:
            # The desk is free, but location-level seats hold every free desk.
            raise _vol_fout(werkplek.zone.locatie, datum)
        try:
            with transaction.atomic():
                reservering = Reservering.objects.create(
                    medewerker=medewerker,
                    werkplek=werkplek,
                    datum=datum,
                    dagdeel=dagdeel,
                    status=step.target,
                    geboekt_door=actor,
                    teamdag=teamdag,
                )
                Dagdeelbezetting.objects.bulk_create(
                    Dagdeelbezetting(
                        reservering=reservering,
                        werkplek=werkplek,
                        locatie_id=werkplek.zone.locatie_id,
                        medewerker=medewerker,
                        datum=datum,
                        halve_dag=halve_dag,
                    )
                    for halve_dag in halve_dagen
                )
        except IntegrityError:
            # Only the same person booking two desks at once gets here (the desk is locked).
            raise _dubbel_fout(datum) from None
        step.record(reservering)
    return reservering


def locatieplek_reserveren(*, actor, locatie_id: int, datum: date, dagdeel: str) -> Reservering:
    """Book a seat at a location without choosing a desk, while a bookable desk is free."""
    step = WORKFLOW.begin(None, ReserveringActie.AANMAKEN, _partij_voor_nieuw(actor, actor))
    if dagdeel not in Dagdeel.values:
        raise ValidationError({"dagdeel": _("Kies ochtend, middag of hele dag.")})
    with transaction.atomic():
        # Serialises every booking at this location: see the module docstring.
        locatie = Locatie.objects.select_for_update().filter(pk=locatie_id).first()
        if locatie is None:
            raise ValidationError({"locatie": _("Deze locatie bestaat niet.")})
        fout = datum_fout(datum, locatie, timezone.localdate())
        if fout:
            raise ValidationError({"datum": fout})
        halve_dagen = HALVE_DAGEN[Dagdeel(dagdeel)]
        if Dagdeelbezetting.objects.filter(
            datum=datum, halve_dag__in=halve_dagen, medewerker=actor
        ).exists():
            raise _dubbel_fout(datum)
        if vrije_plekken(locatie.pk, datum, halve_dagen) < 1:
            raise _vol_fout(locatie, datum)
        try:
            with transaction.atomic():
                reservering = Reservering.objects.create(
                    medewerker=actor,
                    locatie=locatie,
                    datum=datum,
                    dagdeel=dagdeel,
                    status=step.target,
                    geboekt_door=actor,
                )
                Dagdeelbezetting.objects.bulk_create(
                    Dagdeelbezetting(
                        reservering=reservering,
                        locatie=locatie,
                        medewerker=actor,
                        datum=datum,
                        halve_dag=halve_dag,
                    )
                    for halve_dag in halve_dagen
                )
        except IntegrityError:
            # The same person booking at two locations at once (each location is locked).
            raise _dubbel_fout(datum) from None
        step.record(reservering)
    return reservering


def _vergrendeld(reservering: Reservering) -> Reservering:
    return (
        Reservering.objects.select_for_update(of=("self",))
        .select_related("werkplek__zone__locatie", "locatie", "medewerker")
        .get(pk=reservering.pk)
    )


def reservering_annuleren(*, actor, reservering: Reservering, note: str = "") -> Reservering:
    with transaction.atomic():
        reservering = _vergrendeld(reservering)
        step = WORKFLOW.begin(
            reservering, ReserveringActie.ANNULEREN, reservering_partij(actor, reservering)
        )
        reservering.bezettingen.all().delete()
        return step.finish(reservering, note=note)


def reservering_inchecken(*, actor, reservering: Reservering) -> Reservering:
    """Check in; the day is then registered as an office day (source: check-in)."""
    with transaction.atomic():
        reservering = _vergrendeld(reservering)
        step = WORKFLOW.begin(
            reservering, ReserveringActie.INCHECKEN, reservering_partij(actor, reservering)
        )
        reservering.ingecheckt_op = timezone.now()
        step.finish(reservering, update_fields=["ingecheckt_op"])
        Aanwezigheid.objects.update_or_create(
            medewerker_id=reservering.medewerker_id,
            datum=reservering.datum,
            defaults={
                "soort": Soort.KANTOOR,
                "reden": "",
                "bron": Aanwezigheid.Bron.INCHECKEN,
                "locatie": reservering.plek_locatie,
            },
        )
    return reservering


def reservering_laten_vervallen(*, reservering_id: int) -> bool:
    """Release one no-show. Idempotent: a reservation already handled is left alone."""
    with transaction.atomic():
        reservering = (
            Reservering.objects.select_for_update()
            .filter(pk=reservering_id, status=ReserveringStatus.GERESERVEERD)
            .first()
        )
        if reservering is None:
            return False
        party = Party.system()
        if not WORKFLOW.allows(reservering, ReserveringActie.VERVALLEN, party):
            return False
        step = WORKFLOW.begin(reservering, ReserveringActie.VERVALLEN, party)
        reservering.bezettingen.all().delete()
        step.finish(reservering)
    return True


def no_shows_vrijgeven(*, nu: datetime | None = None) -> int:
    """Release every reservation whose check-in window has passed; returns how many."""
    nu = nu or timezone.localtime()
    kandidaten = Reservering.objects.filter(
        status=ReserveringStatus.GERESERVEERD, datum__lte=nu.date()
    ).values_list("pk", "datum", "dagdeel")
    vrijgegeven = 0
    for pk, datum, dagdeel in kandidaten.iterator():
        if incheckvenster(datum, dagdeel)[1] < nu and reservering_laten_vervallen(
            reservering_id=pk
        ):
            vrijgegeven += 1
    return vrijgegeven


@dataclass(frozen=True)
class Daguitkomst:
    datum: date
    reservering: Reservering | None
    fout: str = ""


def _vrije_plekken(locatie_id: int, team_id: int | None, datum: date) -> list[int]:
    """Free bookable desks for a whole day, the team's home zone first."""
    bezet = Dagdeelbezetting.objects.filter(datum=datum, werkplek_id=OuterRef("pk"))
    rows = list(
        Werkplek.objects.filter(zone__locatie_id=locatie_id, reserveerbaar=True)
        .exclude(Exists(bezet))
        .values_list("pk", "zone__thuisteam_id")
        .order_by("zone__naam", "code")
    )
    return [pk for pk, thuis in rows if thuis == team_id and team_id] + [
        pk for pk, thuis in rows if not (thuis == team_id and team_id)
    ]


def afgesproken_dagen_reserveren(*, actor) -> list[Daguitkomst]:
    """Book a whole day on every agreed weekday in the horizon, at the agreement's location,
    in the team's home zone where there is one; per day what succeeded and what was full.
    Days already booked are left as they are."""
    vandaag = timezone.localdate()
    afspraak = (
        Afspraak.objects.akkoord_op(vandaag)
        .filter(medewerker=actor, locatie__isnull=False)
        .select_related("locatie")
        .order_by("-versie")
        .first()
    )
    if afspraak is None or not afspraak.voorkeursdagen:
        raise ValidationError(
            _("U hebt geen geldende afspraak met een kantoorlocatie en voorkeursdagen.")
        )
    geboekt = set(
        Reservering.objects.filter(
            medewerker=actor, status__in=ACTIEVE_STATUSSEN, datum__gte=vandaag
        ).values_list("datum", flat=True)
    )
    uitkomsten = []
    for datum in werkdagen(vandaag, laatste_boekdag(vandaag)):
        if datum.isoweekday() not in afspraak.voorkeursdagen or datum in geboekt:
            continue
        if datum_fout(datum, afspraak.locatie, vandaag):
            continue
        uitkomsten.append(_boek_een_plek(actor, afspraak.locatie_id, datum))
    return uitkomsten


def _boek_een_plek(actor, locatie_id: int, datum: date) -> Daguitkomst:
    # A desk can be taken between reading and booking: then the next free one is tried.
    for werkplek_id in _vrije_plekken(locatie_id, actor.team_id, datum)[:5]:
        try:
            reservering = reservering_aanmaken(
                actor=actor, werkplek_id=werkplek_id, datum=datum, dagdeel=Dagdeel.HELE_DAG
            )
        except ValidationError as error:
            if "werkplek" in error.message_dict:
                continue
            return Daguitkomst(datum, None, error.messages[0])
        return Daguitkomst(datum, reservering)
    return Daguitkomst(datum, None, _("Vol: er is geen werkplek meer vrij."))


def reserveringen_annuleren_van_tot(*, actor, van: date, tot: date) -> list[Reservering]:
    """Afwezig van … t/m …: cancel one's own open reservations in the range, in one step."""
    if tot < van:
        raise ValidationError({"tot": _("De einddatum ligt voor de begindatum.")})
    van = max(van, timezone.localdate())
    with transaction.atomic():
        ids = list(
            Reservering.objects.filter(
                medewerker=actor,
                status=ReserveringStatus.GERESERVEERD,
                datum__gte=van,
                datum__lte=tot,
            ).values_list("pk", flat=True)
        )
        return [reservering_annuleren(actor=actor, reservering=Reservering(pk=pk)) for pk in ids]


@dataclass(frozen=True)
class Teamdaguitkomst:
    medewerker: object
    reservering: Reservering | None
    fout: str = ""


def teamdag_blokboeken(*, actor, team, datum: date) -> list[Teamdaguitkomst]:
    """The leidinggevende books a desk in the team's home zone for every member on the team
    day. Members who already have a desk that day keep it; each member can release theirs."""
    if team.pk not in managed_team_ids(actor):
        raise PermissionDenied(_("Alleen de leidinggevende van het team boekt de teamdag."))
    zones = list(team.thuiszones.values_list("pk", flat=True))
    if not zones:
        raise ValidationError({"team": _("Dit team heeft geen vast honk (thuiszone).")})
    leden = list(team.leden.filter(is_active=True).order_by("last_name", "first_name", "pk"))
    al_geboekt = set(
        Dagdeelbezetting.objects.filter(datum=datum, medewerker__in=leden).values_list(
            "medewerker_id", flat=True
        )
    )
    bezet = Dagdeelbezetting.objects.filter(datum=datum, werkplek_id=OuterRef("pk"))
    vrij = list(
        Werkplek.objects.filter(zone_id__in=zones, reserveerbaar=True)
        .exclude(Exists(bezet))
        .order_by("zone__naam", "code")
        .values_list("pk", flat=True)
    )
    uitkomsten = []
    for lid in leden:
        if lid.pk in al_geboekt:
            continue
        if not vrij:
            uitkomsten.append(Teamdaguitkomst(lid, None, _("Vol: er is geen werkplek meer vrij.")))
            continue
        try:
            reservering = reservering_aanmaken(
                actor=actor,
                medewerker=lid,
                werkplek_id=vrij.pop(0),
                datum=datum,
                dagdeel=Dagdeel.HELE_DAG,
                teamdag=True,
            )
        except ValidationError as error:
            uitkomsten.append(Teamdaguitkomst(lid, None, error.messages[0]))
        else:
            uitkomsten.append(Teamdaguitkomst(lid, reservering))
    return uitkomsten
