"""The reservation rules that depend on settings and the calendar, in one place.

Settings are read when a rule is applied, never at import time, so tests can change them.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from pilot.dates import in_sentence
from pilot.werkdagen import is_werkdag
from werkplekken.models import Dagdeel


def horizon_dagen() -> int:
    return settings.WERKPLEKKEN_HORIZON_DAGEN


def laatste_boekdag(vandaag: date) -> date:
    return vandaag + timedelta(days=horizon_dagen())


def _tijd(value: str) -> time:
    return time.fromisoformat(value)


def incheckvenster(datum: date, dagdeel: str) -> tuple[datetime, datetime]:
    """From when until when one may check in; after the end, a no-show is released."""
    tz = timezone.get_default_timezone()
    if dagdeel == Dagdeel.MIDDAG:
        begin, einde = settings.WERKPLEKKEN_MIDDAG_INCHECKEN, settings.WERKPLEKKEN_MIDDAG_VRIJGAVE
    else:
        begin, einde = settings.WERKPLEKKEN_OCHTEND_INCHECKEN, settings.WERKPLEKKEN_OCHTEND_VRIJGAVE
    return (
        datetime.combine(datum, _tijd(begin), tzinfo=tz),
        datetime.combine(datum, _tijd(einde), tzinfo=tz),
    )


def datum_fout(datum: date, locatie, vandaag: date) -> str | None:
    """Why `datum` cannot be booked at `locatie` (Dutch), or None when it can."""
    if datum < vandaag:
        return _("Deze dag is al voorbij.")
    if datum > laatste_boekdag(vandaag):
        return _("U kunt tot %(dagen)s dagen vooruit reserveren (uiterlijk %(datum)s).") % {
            "dagen": horizon_dagen(),
            "datum": in_sentence(laatste_boekdag(vandaag)),
        }
    if not is_werkdag(datum):
        return _("Dit is geen werkdag (weekend of feestdag).")
    if not locatie.is_open_op(datum.isoweekday()):
        return _("%(locatie)s is op deze weekdag gesloten.") % {"locatie": locatie.naam}
    return None


# The office hours a dagdeel stands for in a calendar (the iCal feed): a reservation has no
# clock times of its own, so the feed needs one plain convention.
DAGDEEL_UREN = {
    Dagdeel.OCHTEND: ("08:30", "12:30"),
    Dagdeel.MIDDAG: ("13:00", "17:00"),
    Dagdeel.HELE_DAG: ("08:30", "17:00"),
}


def dagdeel_tijden(datum: date, dagdeel: str) -> tuple[datetime, datetime]:
    """Start and end of a dagdeel on `datum`, aware, in the portal's zone (Europe/Amsterdam)."""
    tz = timezone.get_default_timezone()
    begin, einde = DAGDEEL_UREN[Dagdeel(dagdeel)]
    return (
        datetime.combine(datum, _tijd(begin), tzinfo=tz),
        datetime.combine(datum, _tijd(einde), tzinfo=tz),
    )
