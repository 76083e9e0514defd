"""The zitting invitation as an iCalendar (RFC 5545) REQUEST, built with `icalendar`.

One UID per zitting for its whole life: a calendar replaces the earlier invitation when an
update with the same UID and a higher SEQUENCE arrives.
"""

from datetime import UTC

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText


def deelnemers(zaak) -> list[tuple[str, str]]:
    """(name, e-mail) of everyone invited: employee, leidinggevende, panel, bijstand."""
    people = [zaak.medewerker, zaak.leidinggevende, *(p.lid for p in zaak.panelleden.all())]
    result = [(person.naam, person.email) for person in people if person and person.email]
    if zaak.bijstand_email:
        result.append((zaak.bijstand_naam, zaak.bijstand_email))
    seen, unique = set(), []
    for naam, email in result:
        if email.lower() not in seen:
            seen.add(email.lower())
            unique.append((naam, email))
    return unique


def uitnodiging(zitting) -> bytes:
    zaak = zitting.zaak
    calendar = Calendar()
    calendar.add("prodid", "-//UWV//Kantoordagen-portaal//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add("uid", zitting.uid)
    event.add("sequence", zitting.volgnummer)
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", zitting.begin.astimezone(UTC))
    event.add("dtend", zitting.einde.astimezone(UTC))
    event.add("summary", _("Zitting adviserend comité: zaak %(nummer)s") % {"nummer": zaak.pk})
    if zitting.locatie:
        event.add("location", zitting.locatie)
    if zitting.online_link:
        event.add("url", zitting.online_link)
    event.add(
        "description",
        _("Zitting van het adviserend comité over %(onderwerp)s.%(link)s")
        % {
            "onderwerp": zaak.onderwerp,
            "link": f"\n{zitting.online_link}" if zitting.online_link else "",
        },
    )
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = vText(_("Secretariaat adviserend comité"))
    event.add("organizer", organizer)
    for naam, email in deelnemers(zaak):
        attendee = vCalAddress(f"mailto:{email}")
        attendee.params["cn"] = vText(naam)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("NEEDS-ACTION")
        attendee.params["rsvp"] = vText("TRUE")
        event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    return calendar.to_ical()
