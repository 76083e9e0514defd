"""The comité's deadlines (DESIGN §3.3), in working days without weekends and public holidays.

The lengths are settings (COMITE_TERMIJNEN, read at call time); the dates are computed here and
stored on the case by the step that starts them, so lists can sort and flag them in SQL.
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from pilot.werkdagen import plus_werkdagen

STANDAARD = {
    # working days
    "intake": 5,
    "reactie": 10,
    "zitting": 20,
    "advies": 10,
    # calendar: a geschil may start within this many weeks of `niet_opgelost` …
    "geschil_weken": 6,
    # … and its ruling is due this many months after it was filed (extendable once).
    "uitspraak_maanden": 1,
}


def lengte(soort: str) -> int:
    return int(getattr(settings, "COMITE_TERMIJNEN", {}).get(soort, STANDAARD[soort]))


def dag(moment) -> date:
    return timezone.localdate(moment) if moment is not None else timezone.localdate()


def intake(aangemeld_op) -> date:
    return plus_werkdagen(dag(aangemeld_op), lengte("intake"))


def reactie(geaccepteerd_op) -> date:
    return plus_werkdagen(dag(geaccepteerd_op), lengte("reactie"))


def zitting(geaccepteerd_op) -> date:
    """The zitting takes place within this many working days of the intake."""
    return plus_werkdagen(dag(geaccepteerd_op), lengte("zitting"))


def advies(zitting_begin) -> date:
    return plus_werkdagen(dag(zitting_begin), lengte("advies"))


def geschil_uiterlijk(zaak) -> date | None:
    """The last day on which a geschil may be filed, or None when the case was not closed."""
    if zaak.afgesloten_op is None:
        return None
    return dag(zaak.afgesloten_op) + timedelta(weeks=lengte("geschil_weken"))


def uitspraak(ingediend_op) -> date:
    return dag(ingediend_op) + relativedelta(months=lengte("uitspraak_maanden"))


def verlengd(termijn: date) -> date:
    return termijn + relativedelta(months=lengte("uitspraak_maanden"))
