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
from werkplekken.selectors.capaciteit import NIVEAU_LABELS, WEEKDAG_KORT, Capaciteit
from werkplekken.selectors.reserveringen import Plek

register = template.Library()


@register.simple_tag
def heatmap_rijen(rijen) -> str:
    """The heatmap's rows: per location its cells for the week (selectors.capaciteit.heatmap).
    50 locations × 5 days through the template language took a third of the dashboard's time,
    a tag per cell with format_html and floatformat still a quarter, and a tag per row (with
    the level's label and the decimal mark looked up per cell) made the dashboard grow with
    the number of locations. The cells' parts are numbers and the level's code; the
    location's name and the texts are escaped."""
    teksten = _heatmap_teksten(get_language())
    html = []
    for locatie, cellen in rijen:
        html.append(f'<tr><th scope="row">{escape(locatie.naam)} ({locatie.bezettingsnorm} %)</th>')
        html.extend(_cel(cel, teksten) for cel in cellen)
        html.append("</tr>")
    return mark_safe("".join(html))  # noqa: S308 - texts escaped, the rest numbers and codes


def _cel(cel: Capaciteit, teksten: dict) -> str:
    if not cel.open:
        return f'<td class="niveau-gesloten">{teksten["gesloten"]}</td>'
    percentage = cel.percentage
    percentage = "—" if percentage is None else f"{percentage} %"
    niveau = cel.niveau
    vraag = _een_decimaal(cel.vraag, teksten["decimaalteken"])
    return (
        f'<td class="niveau-{niveau}"><strong>{percentage} · {teksten[niveau]}</strong>'
        f'<br><span class="small">{vraag} / {cel.aanbod}</span></td>'
    )


@lru_cache(maxsize=8)
def _heatmap_teksten(taal: str) -> dict[str, str]:
    """The levels' labels, 'gesloten' and the decimal mark in one language (`taal` keys the
    cache), escaped."""
    return {
        **{niveau: escape(str(label)) for niveau, label in NIVEAU_LABELS.items()},
        "gesloten": escape(_("gesloten")),
        "decimaalteken": get_format("DECIMAL_SEPARATOR"),
    }


def _een_decimaal(waarde: Decimal, decimaalteken: str) -> str:
    """As floatformat(waarde, -1): a whole number without decimals, any other rounded to one
    decimal (so 154.03 is 154,0), with the language's decimal mark."""
    if waarde == waarde.to_integral_value():
        return str(int(waarde))
    return str(waarde.quantize(Decimal("0.1"), ROUND_HALF_UP)).replace(".", decimaalteken)


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
    """The rows of location management: per location its opening days and three links (its
    form, its zones, its desks), each with the location's name. Through the template language
    25 rows cost 10 ms (75 reversed addresses among them) where the small organisation's three
    cost one: the addresses are reversed once and the names escaped once."""
    bewerken = address_format("beheer_locatie_bewerken")
    zones = reverse("beheer_zones")
    werkplekken = reverse("beheer_werkplekken")
    zones_van, werkplekken_van = escape(_("zones van")), escape(_("werkplekken van"))
    kort = {dag: escape(str(naam)) for dag, naam in WEEKDAG_KORT.items()}
    rijen = []
    for locatie in locaties:
        naam = escape(locatie.naam)
        adres = escape(locatie.adres) + (", " if locatie.adres else "") + escape(locatie.plaats)
        dagen = ", ".join(kort[dag] for dag in locatie.openingsdagen)
        rijen.append(
            f'<tr><th scope="row"><a href="{bewerken.format(locatie.pk)}">{naam}</a></th>'
            f"<td>{adres}</td><td>{dagen}</td>"
            f"<td>{locatie.bezettingsnorm} %</td>"
            f'<td><a href="{zones}?locatie={locatie.pk}">{locatie.aantal_zones}'
            f'<span class="visually-hidden"> {zones_van} {naam}</span></a></td>'
            f'<td><a href="{werkplekken}?locatie={locatie.pk}">{locatie.aantal_werkplekken} '
            f"({locatie.aantal_reserveerbaar})"
            f'<span class="visually-hidden"> {werkplekken_van} {naam}</span></a></td></tr>'
        )
    return mark_safe("".join(rijen))  # noqa: S308 - names and texts escaped, the rest numbers
