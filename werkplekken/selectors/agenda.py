"""One's own reservations as an iCalendar feed (RFC 5545), built with `icalendar` as the
comité's zitting invitation is; read through a secret token instead of a login.

Times are local (TZID Europe/Amsterdam with its VTIMEZONE), so a calendar shows 08:30 in
winter and in summer alike.
"""

from datetime import UTC, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from werkplekken.models import ACTIEVE_STATUSSEN, Agendakoppeling, Reservering
from werkplekken.rules import dagdeel_tijden
from werkplekken.services.agenda import token_digest

# How far back the feed reaches: recent office days stay in the calendar, old ones drop off.
TERUG = timedelta(days=28)


def koppeling_van(user) -> Agendakoppeling | None:
    return Agendakoppeling.objects.filter(medewerker=user).first()


def medewerker_voor_token(token: str):
    """The owner of an active feed token, or None (unknown or revoked): one query."""
    koppeling = (
        Agendakoppeling.objects.filter(digest=token_digest(token), medewerker__is_active=True)
        .select_related("medewerker")
        .first()
    )
    return koppeling.medewerker if koppeling else None


def agenda_ics(medewerker) -> bytes:
    """The person's active reservations from four weeks ago on: one query."""
    vandaag = timezone.localdate()
    reserveringen = (
        Reservering.objects.filter(
            medewerker=medewerker, status__in=ACTIEVE_STATUSSEN, datum__gte=vandaag - TERUG
        )
        .select_related("werkplek__zone__locatie", "locatie")
        .order_by("datum", "dagdeel")
    )
    calendar = Calendar()
    calendar.add("prodid", "-//UWV//Kantoordagen-portaal//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Mijn werkplekken"))
    nu = timezone.now().astimezone(UTC)
    for reservering in reserveringen:
        werkplek = reservering.werkplek
        locatie = reservering.plek_locatie
        begin, einde = dagdeel_tijden(reservering.datum, reservering.dagdeel)
        event = Event()
        event.add("uid", f"reservering-{reservering.pk}@kantoordagen-portaal")
        event.add("dtstamp", nu)
        event.add("dtstart", begin)
        event.add("dtend", einde)
        if werkplek is not None:
            summary = _("Kantoor %(locatie)s, werkplek %(code)s") % {
                "locatie": locatie.naam,
                "code": werkplek.code,
            }
            plek = _("zone %(zone)s") % {"zone": werkplek.zone.naam}
        else:
            summary = _("Kantoor %(locatie)s") % {"locatie": locatie.naam}
            plek = _("een plek zonder vaste werkplek")
        event.add("summary", summary)
        event.add(
            "location", ", ".join(filter(None, [locatie.naam, locatie.adres, locatie.plaats]))
        )
        event.add(
            "description",
            _("%(dagdeel)s, %(plek)s. Status: %(status)s.")
            % {
                "dagdeel": reservering.get_dagdeel_display().capitalize(),
                "plek": plek,
                "status": reservering.get_status_display(),
            },
        )
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
