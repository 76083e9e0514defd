"""The capacity check: expected demand per location and weekday against bookable desks.

Demand on a date = the agreements in `akkoord` that name the location (each counts its share
of a desk on its preferred weekdays, or its office days spread evenly over the opening days
when it names none) + the reservations on that date of people without such an agreement
(a half day counts half). People with an agreement are counted once, by their agreement.

Computing it reads a location's agreements and half days, which grow with the location; so
Celery computes every location for the booking horizon (services.capaciteit) and the pages
read the stored result, one row per cell. A cell not stored yet (before the first run) is
computed on the spot.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from convenant.models import Afspraak, Status
from werkplekken.models import (
    WEEKDAGEN,
    Aanwezigheid,
    Capaciteitsstand,
    Dagdeelbezetting,
    Locatie,
    Reden,
    Redenstand,
    Werkplek,
)

OK, KRAP, TEKORT = "ok", "krap", "tekort"
NIVEAU_LABELS = {OK: _("ok"), KRAP: _("krap"), TEKORT: _("tekort")}
WEEKDAG_KORT = {1: _("ma"), 2: _("di"), 3: _("wo"), 4: _("do"), 5: _("vr")}


def niveau(vraag: Decimal, aanbod: int, norm: int) -> str:
    """`ok` below the norm, `krap` from the norm up to 100 %, `tekort` above 100 %."""
    if aanbod == 0:
        return TEKORT if vraag > 0 else OK
    percentage = vraag * 100 / aanbod
    if percentage < norm:
        return OK
    return KRAP if percentage <= 100 else TEKORT


@dataclass(frozen=True)
class Capaciteit:
    locatie: Locatie
    datum: date
    vraag: Decimal
    aanbod: int
    # When the stored computation ran; None: computed just now.
    berekend_op: datetime | None = None

    @property
    def weekdag(self) -> int:
        return self.datum.isoweekday()

    @property
    def weekdag_kort(self) -> str:
        return str(WEEKDAG_KORT[self.weekdag])

    @property
    def open(self) -> bool:
        return self.locatie.is_open_op(self.weekdag)

    @property
    def norm(self) -> int:
        return self.locatie.bezettingsnorm

    @property
    def percentage(self) -> int | None:
        if not self.aanbod:
            return None
        return int((self.vraag * 100 / self.aanbod).quantize(Decimal(1), ROUND_HALF_UP))

    @property
    def niveau(self) -> str:
        return niveau(self.vraag, self.aanbod, self.norm)

    @property
    def niveau_label(self) -> str:
        return str(NIVEAU_LABELS[self.niveau])

    @property
    def voldoende(self) -> bool:
        return self.vraag <= self.aanbod


def volgende_werkweek(peildatum: date) -> list[date]:
    """Monday to Friday from `peildatum` on: each weekday's next occurrence (today included)."""
    return sorted(
        peildatum + timedelta(days=(dag - peildatum.isoweekday()) % 7) for dag in WEEKDAGEN
    )


def _aanbod(locatie_ids) -> dict[int, int]:
    rows = (
        Werkplek.objects.filter(reserveerbaar=True, zone__locatie_id__in=locatie_ids)
        .values("zone__locatie_id")
        .annotate(n=Count("id"))
    )
    return {row["zone__locatie_id"]: row["n"] for row in rows}


def _vraag_uit_afspraken(locaties: dict[int, Locatie], peildatum: date) -> dict:
    vraag: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    # Grouped in the database: tens of thousands of agreements are a few hundred patterns.
    rows = (
        Afspraak.objects.akkoord_op(peildatum)
        .filter(locatie_id__in=locaties)
        .values("locatie_id", "kantoordagen", "voorkeursdagen")
        # COUNT(*), not COUNT(id): the index holds every column this reads, not the id.
        .annotate(aantal=Count("*"))
        .order_by()
    )
    for row in rows:
        open_dagen = locaties[row["locatie_id"]].openingsdagen
        dagen = [d for d in row["voorkeursdagen"] if d in open_dagen] or list(open_dagen)
        if not dagen or not row["kantoordagen"]:
            continue
        aandeel = min(Decimal(1), Decimal(row["kantoordagen"]) / len(dagen)) * row["aantal"]
        for dag in dagen:
            vraag[(row["locatie_id"], dag)] += aandeel
    return vraag


def _vraag_uit_reserveringen(locatie_ids, datums: list[date]) -> dict:
    met_afspraak = Afspraak.objects.filter(
        medewerker_id=OuterRef("medewerker_id"),
        locatie_id=OuterRef("locatie_id"),
        status=Status.AKKOORD,
        ingangsdatum__lte=OuterRef("datum"),
        einddatum__gte=OuterRef("datum"),
    )
    rows = (
        Dagdeelbezetting.objects.filter(datum__in=datums, locatie_id__in=locatie_ids)
        .filter(~Exists(met_afspraak))
        .values("locatie_id", "datum")
        .annotate(halve_dagen=Count("id"))
    )
    return {(row["locatie_id"], row["datum"]): Decimal(row["halve_dagen"]) / 2 for row in rows}


def bereken(locaties: list[Locatie], datums: list[date]) -> dict[tuple[int, date], Capaciteit]:
    """The check for every location × date, computed now: four queries."""
    if not locaties or not datums:
        return {}
    per_id = {locatie.pk: locatie for locatie in locaties}
    aanbod = _aanbod(per_id)
    uit_afspraken = _vraag_uit_afspraken(per_id, min(datums))
    uit_reserveringen = _vraag_uit_reserveringen(per_id, datums)
    result = {}
    for locatie in locaties:
        for datum in datums:
            open_dag = locatie.is_open_op(datum.isoweekday())
            vraag = uit_afspraken.get((locatie.pk, datum.isoweekday()), Decimal(0))
            vraag += uit_reserveringen.get((locatie.pk, datum), Decimal(0))
            result[(locatie.pk, datum)] = Capaciteit(
                locatie=locatie,
                datum=datum,
                vraag=vraag,
                aanbod=aanbod.get(locatie.pk, 0) if open_dag else 0,
            )
    return result


def capaciteit(locaties: list[Locatie], datums: list[date]) -> dict[tuple[int, date], Capaciteit]:
    """The check for every location × date as last stored: one query. Locations with a cell
    not stored yet are computed now (four queries more)."""
    if not settings.WERKPLEKKEN_CAPACITEIT_OPGESLAGEN:
        return bereken(locaties, datums)
    if not locaties or not datums:
        return {}
    per_id = {locatie.pk: locatie for locatie in locaties}
    # Plain rows: a heatmap reads 250 of them, and model instances cost a fifth of its time.
    stand = Capaciteitsstand.objects.filter(locatie__in=per_id, datum__in=datums).values_list(
        "locatie_id", "datum", "vraag", "aanbod", "berekend_op"
    )
    result = {
        (locatie_id, datum): Capaciteit(
            locatie=per_id[locatie_id],
            datum=datum,
            vraag=vraag,
            aanbod=aanbod,
            berekend_op=berekend_op,
        )
        for locatie_id, datum, vraag, aanbod, berekend_op in stand
    }
    ontbreekt = [loc for loc in locaties if any((loc.pk, d) not in result for d in datums)]
    for cel, waarde in bereken(ontbreekt, datums).items():
        result.setdefault(cel, waarde)
    return result


@dataclass(frozen=True)
class Heatmap:
    datums: list[date]
    rijen: list[tuple[Locatie, list[Capaciteit]]]
    voldoende_aandeel: int | None  # % of open location-days where demand ≤ supply
    berekend_op: datetime | None  # the oldest stored cell shown; None: computed just now
    # % of the reason codes given in the last REDENEN_DAGEN days that were `geen_werkplek`
    geen_werkplek_aandeel: int | None
    redenen: int


def _procent(deel: int, geheel: int) -> int | None:
    return round(deel * 100 / geheel) if geheel else None


REDENEN_DAGEN = 28


def bereken_redenen(peildatum: date) -> dict[str, int]:
    """The reasons of the last four weeks: the current state of "enough workplaces", and a read
    that follows the organisation's size, not the length of the pilot."""
    return (
        Aanwezigheid.objects.filter(
            datum__gt=peildatum - timedelta(days=REDENEN_DAGEN), datum__lte=peildatum
        )
        .exclude(reden="")
        .aggregate(
            redenen=Count("id"), geen_werkplek=Count("id", filter=Q(reden=Reden.GEEN_WERKPLEK))
        )
    )


def redenen_tellen(peildatum: date) -> dict[str, int]:
    """As stored by the capacity run (one row), or counted now (see `capaciteit`)."""
    if settings.WERKPLEKKEN_CAPACITEIT_OPGESLAGEN:
        stand = Redenstand.objects.filter(datum=peildatum).first()
        if stand is not None:
            return {"redenen": stand.redenen, "geen_werkplek": stand.geen_werkplek}
    return bereken_redenen(peildatum)


def heatmap(peildatum: date) -> Heatmap:
    """Location × weekday for the coming working week, with the two measures of "enough"."""
    locaties = list(Locatie.objects.order_by("naam"))
    datums = volgende_werkweek(peildatum)
    cellen = capaciteit(locaties, datums)
    rijen = [(locatie, [cellen[(locatie.pk, d)] for d in datums]) for locatie in locaties]
    open_cellen = [c for c in cellen.values() if c.open]
    redenen = redenen_tellen(peildatum)
    return Heatmap(
        datums=datums,
        rijen=rijen,
        voldoende_aandeel=_procent(sum(c.voldoende for c in open_cellen), len(open_cellen)),
        berekend_op=min((c.berekend_op for c in cellen.values() if c.berekend_op), default=None),
        geen_werkplek_aandeel=_procent(redenen["geen_werkplek"], redenen["redenen"]),
        redenen=redenen["redenen"],
    )


def capaciteit_voor_weekdagen(locatie: Locatie | None, weekdagen: list[int], peildatum: date):
    """For the agreement form: the check on each picked weekday at the chosen location."""
    if locatie is None or not weekdagen:
        return []
    datums = [d for d in volgende_werkweek(peildatum) if d.isoweekday() in weekdagen]
    cellen = capaciteit([locatie], datums)
    return [cellen[(locatie.pk, d)] for d in datums]


def capaciteit_voor_team(team_id: int, peildatum: date):
    """For the team plan: per location the team works from, the check on each weekday.

    The team's locations: its home zones and the locations in its members' agreements.
    """
    locatie_ids = set(
        Afspraak.objects.akkoord_op(peildatum)
        .filter(medewerker__team_id=team_id, locatie__isnull=False)
        .values_list("locatie_id", flat=True)
    )
    locaties = list(
        Locatie.objects.filter(Q(pk__in=locatie_ids) | Q(zones__thuisteam_id=team_id))
        .distinct()
        .order_by("naam")
    )
    datums = volgende_werkweek(peildatum)
    cellen = capaciteit(locaties, datums)
    return datums, [(locatie, [cellen[(locatie.pk, d)] for d in datums]) for locatie in locaties]
