from functools import lru_cache

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from convenant import formatting
from convenant.models import Categorie, Overweging, UitzonderingStatus
from pilot.dates import in_table
from pilot.rows import address_format

register = template.Library()


@register.filter
def overweging_label(value: str) -> str:
    return str(Overweging(value).label) if value in Overweging.values else value


@register.filter
def dagen(value) -> str:
    """1.5 → '1,5'; 2.0 → '2'."""
    return formatting.getal(value)


@register.filter
def dagen_tekst(value) -> str:
    """0 → '0 dagen'; 1 → '1 dag'; 1.5 → '1,5 dag'."""
    return formatting.dagen(value)


@register.filter
def dagen_per_week(value) -> str:
    return formatting.dagen_per_week(value)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, [])


# The rows of the long lists (Mijn team's members and proposals, the exemption lists) are
# built here, a list per tag: through the template language, and still through a tag per row
# with format_html, reverse, date_format and lazy labels, each row cost a sixth of a
# millisecond, and an afdelingshoofd's pages (45 rows on Mijn team, up to 150 exemptions)
# grew with his span. Each list reverses its addresses once (pilot.rows), reads its fixed
# texts once per language, and escapes what people type (names) and every translated text.


@register.simple_tag
def teamlid_rijen(regels) -> str:
    """The members and where their agreement stands (selectors.team_leden)."""
    teksten = _teksten(get_language())
    afspraak_adres = address_format("afspraak_detail")
    voorstel_adres = reverse("afspraak_voorstel_lid")
    rijen = []
    for regel in regels:
        lid = regel.lid
        naam = lid.naam
        stand = escape(regel.stand_label)
        if regel.uitzondering:
            stand = f'{stand}<br><span class="small">{teksten["met_uitzondering"]}</span>'
        links = []
        if regel.afspraak:
            tekst = escape(teksten["afspraak_van"] % {"naam": naam})
            links.append(f'<a href="{afspraak_adres.format(regel.afspraak.pk)}">{tekst}</a>')
        if regel.mag_voorstellen:
            tekst = escape(teksten["voorstel_voor"] % {"naam": naam})
            links.append(f'<a href="{voorstel_adres}?medewerker={lid.pk}">{tekst}</a>')
        dagen = formatting.getal(regel.afspraak.kantoordagen) if regel.afspraak else "—"
        rijen.append(
            f'<tr><th scope="row">{escape(naam)}<br><span class="small fw-normal">'
            f"{escape(_team(lid))}</span></th><td>{stand}</td><td>{dagen}</td>"
            f"<td>{formatting.getal(regel.norm)}</td><td>{regel.wachttijd or '—'}</td>"
            f"<td>{'<br>'.join(links)}</td></tr>"
        )
    return mark_safe("".join(rijen))  # noqa: S308 - see the comment above the tags


@register.simple_tag
def inbox_rijen(regels) -> str:
    """The proposals waiting for the user's decision (selectors.inbox)."""
    teksten = _teksten(get_language())
    adres = address_format("afspraak_detail")
    rijen = []
    for regel in regels:
        afspraak = regel.afspraak
        persoon = afspraak.medewerker
        termijn = teksten["op_tijd"]
        if regel.te_laat:
            termijn = f'<span class="badge text-bg-danger">{teksten["te_laat"]}</span>'
        ingediend = ""
        if afspraak.ingediend_op:
            ingediend = in_table(afspraak.ingediend_op)
        rijen.append(
            f"<tr>{_kopcel(adres.format(afspraak.pk), persoon, regel.namens, teksten)}"
            f"<td>{escape(_team(persoon))}</td>"
            f"<td>{formatting.getal(afspraak.kantoordagen)}</td><td>{ingediend}</td>"
            f"<td>{regel.wachttijd}</td><td>{termijn}</td></tr>"
        )
    return mark_safe("".join(rijen))  # noqa: S308 - see the comment above the tags


@register.simple_tag
def tegenvoorstel_regels(regels) -> str:
    """The counter-proposals waiting for the member's answer (selectors.inbox)."""
    teksten = _teksten(get_language())
    adres = address_format("afspraak_detail")
    return mark_safe(  # noqa: S308 - see the comment above the tags
        "".join(
            f'<li><a href="{adres.format(regel.afspraak.pk)}">'
            f"{escape(regel.afspraak.medewerker.naam)}</a>: "
            + escape(
                teksten["voorstel_van"]
                % {"dagen": formatting.getal(regel.afspraak.tegenvoorstel_kantoordagen)}
            )
            + "</li>"
            for regel in regels
        )
    )


@register.simple_tag
def uitzondering_rijen(rijen, namens=None) -> str:
    """The rows of an exemption list (the team's and HR's); `namens`: per exemption the
    leidinggevende the user decides for (a delegation), if any."""
    teksten = _teksten(get_language())
    adres = address_format("uitzondering_detail")
    namens = namens or {}
    rijen_html = []
    for uitzondering in rijen:
        persoon = uitzondering.medewerker
        bewijs = "—"
        if uitzondering.heeft_bewijsstuk:
            bewijs = teksten["bewijs"]
            if uitzondering.categorie == Categorie.EERDERE_AFSPRAAK:
                verificatie = "geverifieerd" if uitzondering.geverifieerd else "niet_geverifieerd"
                bewijs = f"{bewijs}, {teksten[verificatie]}"
        kop = _kopcel(adres.format(uitzondering.pk), persoon, namens.get(uitzondering.pk), teksten)
        rijen_html.append(
            f"<tr>{kop}<td>{escape(_team(persoon))}</td>"
            f"<td>{teksten['categorie'][uitzondering.categorie]}</td>"
            f"<td>{formatting.getal(uitzondering.kantoordagen)}</td>"
            f"<td>{in_table(uitzondering.ingangsdatum)} – {in_table(uitzondering.einddatum)}</td>"
            f"<td>{bewijs}</td><td>{teksten['status'][uitzondering.status]}</td></tr>"
        )
    return mark_safe("".join(rijen_html))  # noqa: S308 - names escaped, the rest fixed texts


@lru_cache(maxsize=8)
def _teksten(taal: str) -> dict:
    """The fixed texts of the rows in one language (`taal` keys the cache), escaped where they
    go into the page as they are; the %-texts are escaped once filled in."""
    return {
        "categorie": {value: escape(capfirst(str(label))) for value, label in Categorie.choices},
        "status": {value: escape(str(label)) for value, label in UitzonderingStatus.choices},
        "bewijs": escape(_("bewijs aanwezig")),
        "geverifieerd": escape(_("geverifieerd")),
        "niet_geverifieerd": escape(_("niet geverifieerd")),
        "met_uitzondering": escape(_("met uitzondering")),
        "te_laat": escape(_("Te laat")),
        "op_tijd": escape(_("Op tijd")),
        "namens": _("namens %(naam)s"),
        "afspraak_van": _("Afspraak van %(naam)s"),
        "voorstel_voor": _("Voorstel doen voor %(naam)s"),
        "voorstel_van": _("voorstel van %(dagen)s dagen"),
    }


def _kopcel(url: str, persoon, namens, teksten: dict) -> str:
    """A row's header cell: the person, linking to the record, and on whose behalf the user
    decides (a delegation), if so."""
    namens_tekst = ""
    if namens:
        namens_tekst = (
            f'<br><span class="small">{escape(teksten["namens"] % {"naam": namens.naam})}</span>'
        )
    return f'<th scope="row"><a href="{url}">{escape(persoon.naam)}</a>{namens_tekst}</th>'


def _team(persoon) -> str:
    return persoon.team.naam if persoon.team_id else ""
