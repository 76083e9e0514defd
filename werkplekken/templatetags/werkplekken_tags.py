"""Template tags of the workplace pages."""

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from django import template
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pilot.rows import address_format
from werkplekken.selectors.capaciteit import NIVEAU_LABELS, Capaciteit
from werkplekken.selectors.reserveringen import Plek

register = template.Library()


@register.simple_tag
def heatmap_rij(locatie, cellen: list[Capaciteit]) -> str:
    """One location's row of the heatmap, built here: 50 locations × 5 days through the
    template language took a third of the dashboard's time, and a tag per cell with
    format_html and floatformat still a quarter. The cells' parts are numbers and the level's
    code; the location's name and the level's label are escaped."""
    return mark_safe(  # noqa: S308 - every text part is escaped, the rest are numbers and codes
        f'<tr><th scope="row">{escape(locatie.naam)} ({locatie.bezettingsnorm} %)</th>'
        + "".join(_cel(cel) for cel in cellen)
        + "</tr>"
    )


def _cel(cel: Capaciteit) -> str:
    if not cel.open:
        return f'<td class="niveau-gesloten">{escape(_("gesloten"))}</td>'
    percentage = cel.percentage
    percentage = "—" if percentage is None else f"{percentage} %"
    niveau = cel.niveau
    return (
        f'<td class="niveau-{niveau}"><strong>{percentage} · {_niveau_label(niveau)}</strong>'
        f'<br><span class="small">{_een_decimaal(cel.vraag)} / {cel.aanbod}</span></td>'
    )


@lru_cache(maxsize=16)
def _label(niveau: str, taal: str) -> str:
    return escape(str(NIVEAU_LABELS[niveau]))  # str: escape keeps a lazy text lazy


def _niveau_label(niveau: str) -> str:
    return _label(niveau, get_language())


def _een_decimaal(waarde: Decimal) -> str:
    """As floatformat(waarde, -1): a whole number without decimals, any other rounded to one
    decimal (so 154.03 is 154,0), with the language's decimal mark."""
    if waarde == waarde.to_integral_value():
        return str(int(waarde))
    tekst = str(waarde.quantize(Decimal("0.1"), ROUND_HALF_UP))
    return tekst.replace(".", get_format("DECIMAL_SEPARATOR"))


@register.simple_tag
def plattegrond_plek(plek: Plek, query: str, verdieping: int) -> str:
    """One desk of the floor plan, linking to the page's query with the floor and the desk. A
    floor holds up to a hundred desks: through the template language they took half the
    booking page's time."""
    werkplek = plek.werkplek
    tekst = format_html(
        '<rect x="{x}" y="{y}" width="34" height="30" rx="3"/>'
        '<text x="{tx}" y="{ty1}" aria-hidden="true">{kort}</text>'
        '<text x="{tx}" y="{ty2}" aria-hidden="true">{teken}</text>',
        x=werkplek.x,
        y=werkplek.y,
        tx=werkplek.x + 17,
        ty1=werkplek.y + 13,
        ty2=werkplek.y + 26,
        kort=werkplek.code[-3:],
        teken="\u2713" if plek.vrij else "\u2717",  # a tick, a cross
    )
    if not plek.vrij:
        label = _("Werkplek %(code)s, bezet") % {"code": werkplek.code}
        return format_html(
            '<g class="plek plek-bezet" role="img" aria-label="{}">{}</g>', label, tekst
        )
    titel = _("Werkplek %(code)s, vrij") % {"code": werkplek.code}
    if plek.kenmerken:
        titel += ": " + ", ".join(plek.kenmerken)
    return format_html(
        '<a href="?{}&amp;verdieping={}&amp;werkplek={}#keuze" class="plek plek-vrij">'
        "<title>{}</title>{}</a>",
        query,
        verdieping,
        werkplek.pk,
        titel,
        tekst,
    )


@register.simple_tag(takes_context=True)
def werkplek_rij(context, plek: Plek, aanbod, maken_url: str) -> str:
    """One desk of the list beside the plan, with its booking button when it is free;
    `maken_url` is the booking address, reversed once for the list."""
    werkplek = plek.werkplek
    if plek.vrij:
        beschikbaar = format_html(
            '<form method="post" action="{}">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<input type="hidden" name="werkplek" value="{}">'
            '<input type="hidden" name="datum" value="{}">'
            '<input type="hidden" name="dagdeel" value="{}">'
            '<button type="submit" class="btn btn-sm btn-primary">{}</button></form>',
            maken_url,
            context.get("csrf_token", ""),
            werkplek.pk,
            aanbod.datum.isoformat(),
            aanbod.dagdeel,
            _("Reserveer %(code)s") % {"code": werkplek.code},
        )
    else:
        beschikbaar = _("bezet")
    return format_html(
        '<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>',
        werkplek.code,
        ", ".join(plek.kenmerken) or "—",
        beschikbaar,
    )


@register.simple_tag
def locatie_rijen(locaties) -> str:
    """The rows of location management: per location three links (its form, its zones, its
    desks), each with the location's name. Through the template language 25 rows cost 10 ms
    (75 reversed addresses among them) where the small organisation's three cost one: the
    addresses are reversed once and the names escaped once."""
    bewerken = address_format("beheer_locatie_bewerken")
    zones = reverse("beheer_zones")
    werkplekken = reverse("beheer_werkplekken")
    zones_van, werkplekken_van = escape(_("zones van")), escape(_("werkplekken van"))
    rijen = []
    for locatie in locaties:
        naam = escape(locatie.naam)
        adres = escape(locatie.adres) + (", " if locatie.adres else "") + escape(locatie.plaats)
        rijen.append(
            f'<tr><th scope="row"><a href="{bewerken.format(locatie.pk)}">{naam}</a></th>'
            f"<td>{adres}</td><td>{escape(locatie.dagen)}</td>"
            f"<td>{locatie.bezettingsnorm} %</td>"
            f'<td><a href="{zones}?locatie={locatie.pk}">{locatie.aantal_zones}'
            f'<span class="visually-hidden"> {zones_van} {naam}</span></a></td>'
            f'<td><a href="{werkplekken}?locatie={locatie.pk}">{locatie.aantal_werkplekken} '
            f"({locatie.aantal_reserveerbaar})"
            f'<span class="visually-hidden"> {werkplekken_van} {naam}</span></a></td></tr>'
        )
    return mark_safe("".join(rijen))  # noqa: S308 - names and texts escaped, the rest numbers
