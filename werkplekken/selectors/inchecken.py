"""QR check-in: the desk labels facilitair prints, and what a scan of one label means for the
person who opens it."""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import segno
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from werkplekken.models import ACTIEVE_STATUSSEN, Locatie, Reservering, Werkplek, Zone
from werkplekken.permissions import reservering_partij
from werkplekken.workflow import WORKFLOW, ReserveringActie


@dataclass(frozen=True)
class Label:
    werkplek: Werkplek
    url: str
    qr_svg: str


def labels(
    locatie: Locatie, zone: Zone | None, url_voor, verdieping: int | None = None
) -> list[Label]:
    """Every desk of the location, of one zone, or (without a zone) of one floor, with a QR
    code of its check-in address: one query. `url_voor(werkplek)` gives the absolute address."""
    werkplekken = Werkplek.objects.filter(zone__locatie=locatie).select_related("zone")
    if zone is not None:
        werkplekken = werkplekken.filter(zone=zone)
    elif verdieping is not None:
        werkplekken = werkplekken.filter(zone__verdieping=verdieping)
    result = []
    for werkplek in werkplekken.order_by("zone__verdieping", "zone__naam", "code"):
        url = url_voor(werkplek)
        result.append(Label(werkplek, url, mark_safe(qr_svg(url))))  # noqa: S308 - segno's own
    return result


# A code depends only on its address, and drawing one takes about 5 ms: a building's sheet
# (180 desks) would take a second each time it is opened. Kept per process, a few MB at most.
@lru_cache(maxsize=4096)
def qr_svg(url: str) -> str:
    """Inline SVG: prints sharp and needs no image request; segno writes only attributes, no
    style, so the strict CSP holds."""
    return segno.make(url, error="m").svg_inline(scale=4, border=2, omitsize=True)


def zones_van(locatie: Locatie) -> list[Zone]:
    return list(Zone.objects.filter(locatie=locatie).order_by("verdieping", "naam"))


@dataclass(frozen=True)
class Incheckstand:
    """A scanned desk for one person: the reservation to check in on, or why there is none."""

    reservering: Reservering | None
    melding: str = ""
    # Whether the check-in is open now; if not, `melding` says why (too early, already in).
    kan_inchecken: bool = False


def _dag(datum: date) -> str:
    return date_format(datum, "j F Y")


def incheckstand(user, werkplek: Werkplek, vandaag: date) -> Incheckstand:
    """One query: the person's active reservations today (any desk) and on this desk later."""
    rows = list(
        Reservering.objects.filter(medewerker=user, status__in=ACTIEVE_STATUSSEN)
        .filter(Q(datum=vandaag) | Q(werkplek=werkplek, datum__gt=vandaag))
        .select_related("werkplek__zone__locatie", "locatie")
        .order_by("datum", "dagdeel")
    )
    hier = [r for r in rows if r.datum == vandaag and r.werkplek_id == werkplek.pk]
    if hier:
        # A morning and an afternoon on one desk: the one whose check-in is open comes first.
        weigeringen = [
            (WORKFLOW.refusal(r, ReserveringActie.INCHECKEN, reservering_partij(user, r)), r)
            for r in hier
        ]
        for weigering, reservering in weigeringen:
            if weigering is None:
                return Incheckstand(reservering, kan_inchecken=True)
        weigering, reservering = weigeringen[0]
        return Incheckstand(reservering, getattr(weigering, "message", str(weigering)))
    locatie = werkplek.zone.locatie
    vandaag_elders = [r for r in rows if r.datum == vandaag]
    if vandaag_elders:
        ander = vandaag_elders[0].werkplek
        if ander is None:
            return Incheckstand(
                None,
                _(
                    "U hebt vandaag een plek in %(andere)s zonder vaste werkplek. Check in via "
                    "Mijn reserveringen. Er is niets veranderd."
                )
                % {"andere": vandaag_elders[0].locatie.naam},
            )
        if ander.zone.locatie_id != locatie.pk:
            return Incheckstand(
                None,
                _(
                    "Werkplek %(code)s is in %(locatie)s. Uw reservering van vandaag is in "
                    "%(andere)s (werkplek %(ander)s). Er is niets veranderd."
                )
                % {
                    "code": werkplek.code,
                    "locatie": locatie.naam,
                    "andere": ander.zone.locatie.naam,
                    "ander": ander.code,
                },
            )
        return Incheckstand(
            None,
            _(
                "U hebt vandaag werkplek %(ander)s gereserveerd, niet werkplek %(code)s. "
                "Scan de code op uw eigen werkplek. Er is niets veranderd."
            )
            % {"ander": ander.code, "code": werkplek.code},
        )
    later = [r for r in rows if r.datum > vandaag]
    if later:
        return Incheckstand(
            None,
            _(
                "U hebt werkplek %(code)s gereserveerd voor %(datum)s, niet voor vandaag. "
                "Inchecken kan alleen op de dag zelf. Er is niets veranderd."
            )
            % {"code": werkplek.code, "datum": _dag(later[0].datum)},
        )
    return Incheckstand(
        None,
        _(
            "U hebt vandaag geen reservering voor werkplek %(code)s. Reserveer eerst een "
            "werkplek. Er is niets veranderd."
        )
        % {"code": werkplek.code},
    )
