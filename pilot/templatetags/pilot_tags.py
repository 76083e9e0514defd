"""The timeline every app's pages show (labels come from what the apps registered), and the
notification list."""

from functools import lru_cache

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pilot import registry
from pilot.dates import moment_in_timeline
from pilot.rows import address_format

register = template.Library()


@register.simple_tag
def tijdlijn(events, alleen_overgangen: bool = False) -> str:
    """The events oldest first, or a line saying there are none. A row names the state it
    moved from and to; with `alleen_overgangen` only when the state changed (the comité: a note
    or an opening leaves the case where it was).

    Written in Python, not as an included template (see docs/architecture.md, "Rendering van
    lange lijsten"): a case's dossier shows up to eleven timelines; eleven of three events took
    the included template about 3 ms, and take this tag under 1 ms."""
    if not events:
        return format_html('<p class="mb-0">{}</p>', _("Nog geen gebeurtenissen."))
    taal = get_language()
    rows = "".join(_rij(event, taal, alleen_overgangen) for event in events)
    # Every text in a row is escaped (the note by linebreaksbr); the rest is fixed markup.
    return mark_safe(f'<ol class="list-unstyled border-start ps-3 mb-0">{rows}</ol>')  # noqa: S308


def _rij(event, taal: str, alleen_overgangen: bool) -> str:
    teksten = _teksten(taal)
    door = (
        teksten["door"] % {"naam": escape(event.actor.naam)} if event.actor else teksten["portaal"]
    )
    namens = " " + teksten["namens"] % {"naam": escape(event.namens.naam)} if event.namens else ""
    van, naar = event.van_status, event.naar_status
    toon_status = (naar and van != naar) if alleen_overgangen else (van or naar)
    status = ""
    if toon_status:
        vanaf = f"{_status(event.object_type, van, taal)} → " if van else ""
        status = f' <span class="small">({vanaf}{_status(event.object_type, naar, taal)})</span>'
    notitie = ""
    if event.notitie:
        notitie = f'<br><span class="small">{linebreaksbr(event.notitie)}</span>'
    return (
        f'<li class="mb-2"><span class="text-body-secondary small">'
        f"{moment_in_timeline(event.tijdstip)}</span><br>"
        f"<strong>{_actie(event.actie, taal)}</strong> "
        f"{door}{namens}{status}{notitie}</li>"
    )


# The labels and fixed texts per language (the argument `taal` keys the caches), escaped. The
# apps register their labels when they start, before any page is rendered.
@lru_cache(maxsize=8)
def _teksten(taal: str) -> dict[str, str]:
    return {
        "door": _("door %(naam)s"),
        "namens": _("namens %(naam)s"),
        "portaal": escape(_("door het portaal")),
    }


@lru_cache(maxsize=1024)
def _actie(actie: str, taal: str) -> str:
    return escape(registry.timeline_label(actie))


@lru_cache(maxsize=1024)
def _status(object_type: str, state: str, taal: str) -> str:
    return escape(registry.state_label(object_type, state))


@register.simple_tag(takes_context=True)
def notificatie_rijen(context, notificaties) -> str:
    """The notification list's rows, each with a form to mark it read or open its link. A
    page of 25 through the template language (a form, an address and a date per row) cost
    a person with a full page a third more than one with a few (see "Rendering van lange
    lijsten"); here the address is reversed once and the texts read once per language."""
    teksten = _notificatie_teksten(get_language())
    adres = address_format("notificatie_gelezen")
    token = context.get("csrf_token")
    csrf = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)
    if not token:  # as {% csrf_token %}: nothing without one
        csrf = ""
    rijen = []
    for n in notificaties:
        onderwerp = escape(n.onderwerp)
        licht, gewicht, ongelezen = "", "normal", ""
        if not n.gelezen_op:
            licht, gewicht = " list-group-item-light", "bold"
            ongelezen = f'<span class="visually-hidden">{teksten["ongelezen"]} </span>'
        tekst = f'<p class="mb-1">{linebreaksbr(n.tekst)}</p>' if n.tekst else ""
        knop = ""
        if not n.gelezen_op or n.link:
            label = teksten["openen"] if n.link else teksten["gelezen"]
            knop = (
                f'<form method="post" action="{adres.format(n.pk)}">{csrf}'
                f'<button class="btn btn-sm btn-outline-secondary" type="submit">{label}'
                f'<span class="visually-hidden">: {onderwerp}</span></button></form>'
            )
        rijen.append(
            '<li class="list-group-item d-flex justify-content-between align-items-start '
            f'gap-3{licht}"><div><p class="mb-1 fw-{gewicht}">{ongelezen}{onderwerp}</p>{tekst}'
            f'<small class="text-body-secondary">{moment_in_timeline(n.aangemaakt_op)}</small>'
            f"</div>{knop}</li>"
        )
    # The subject is escaped, the text by linebreaksbr; the rest is fixed markup.
    return mark_safe("".join(rijen))  # noqa: S308


@lru_cache(maxsize=8)
def _notificatie_teksten(taal: str) -> dict[str, str]:
    return {
        "ongelezen": escape(_("Ongelezen:")),
        "openen": escape(_("Openen")),
        "gelezen": escape(_("Gelezen")),
    }
