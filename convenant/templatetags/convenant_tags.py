from functools import lru_cache

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from convenant import formatting
from convenant.models import Categorie, Overweging, UitzonderingStatus

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


# The rows of Mijn team's lists are built here: an afdelingshoofd's page shows 25 members and
# 20 proposals, and through the template language each row (two links, translated texts,
# numbers) cost a sixth of a millisecond, a fifth of the page.


@register.simple_tag
def teamlid_rij(regel, voorstel_url: str) -> str:
    """A member and where their agreement stands (selectors.team_leden); `voorstel_url` is
    the address for proposing for a member, reversed once for the list."""
    lid = regel.lid
    naam = lid.naam
    stand = regel.stand_label
    if regel.uitzondering:
        stand = format_html('{}<br><span class="small">{}</span>', stand, _("met uitzondering"))
    links = []
    if regel.afspraak:
        links.append(
            format_html(
                '<a href="{}">{}</a>',
                reverse("afspraak_detail", args=[regel.afspraak.pk]),
                _("Afspraak van %(naam)s") % {"naam": naam},
            )
        )
    if regel.mag_voorstellen:
        links.append(
            format_html(
                '<a href="{}?medewerker={}">{}</a>',
                voorstel_url,
                lid.pk,
                _("Voorstel doen voor %(naam)s") % {"naam": naam},
            )
        )
    return format_html(
        '<tr><th scope="row">{}<br><span class="small fw-normal">{}</span></th>'
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        naam,
        lid.team.naam if lid.team_id else "",
        stand,
        formatting.getal(regel.afspraak.kantoordagen) if regel.afspraak else "—",
        formatting.getal(regel.norm.dagen),
        regel.wachttijd or "—",
        mark_safe("<br>".join(links)),  # noqa: S308 - each link built by format_html
    )


@register.simple_tag
def inbox_rij(regel) -> str:
    """A proposal waiting for the user's decision (selectors.inbox)."""
    afspraak = regel.afspraak
    persoon = afspraak.medewerker
    if regel.te_laat:
        termijn = format_html('<span class="badge text-bg-danger">{}</span>', _("Te laat"))
    else:
        termijn = _("Op tijd")
    return format_html(
        "<tr>{}<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        _kopcel(reverse("afspraak_detail", args=[afspraak.pk]), persoon, regel.namens),
        _team(persoon),
        formatting.getal(afspraak.kantoordagen),
        date_format(timezone.localtime(afspraak.ingediend_op), "d-m-Y")
        if afspraak.ingediend_op
        else "",
        regel.wachttijd,
        termijn,
    )


@register.simple_tag
def tegenvoorstel_regel(regel) -> str:
    """A counter-proposal waiting for the member's answer (selectors.inbox)."""
    afspraak = regel.afspraak
    return format_html(
        '<li><a href="{}">{}</a>: {}</li>',
        reverse("afspraak_detail", args=[afspraak.pk]),
        afspraak.medewerker.naam,
        _("voorstel van %(dagen)s dagen")
        % {"dagen": formatting.getal(afspraak.tegenvoorstel_kantoordagen)},
    )


@register.simple_tag
def uitzondering_rijen(rijen, namens=None) -> str:
    """The rows of an exemption list (the team's and HR's); `namens`: per exemption the
    leidinggevende the user decides for (a delegation), if any. Up to 150 rows a page: the
    detail address is reversed once, the fixed texts are read once per language, and only
    the person's and team's names (which people type) are escaped; at a sixth of a millisecond
    a row through format_html, 26 rows made an afdelingshoofd's page grow with his span."""
    teksten = _rij_teksten(get_language())
    adres = reverse("uitzondering_detail", args=[_PK]).replace(str(_PK), "{}")
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
        namens_tekst = ""
        if leider := namens.get(uitzondering.pk):
            namens_tekst = '<br><span class="small">{}</span>'.format(
                escape(teksten["namens"] % {"naam": leider.naam})
            )
        rijen_html.append(
            f'<tr><th scope="row"><a href="{adres.format(uitzondering.pk)}">'
            f"{escape(persoon.naam)}</a>{namens_tekst}</th>"
            f"<td>{escape(_team(persoon))}</td>"
            f"<td>{teksten['categorie'][uitzondering.categorie]}</td>"
            f"<td>{formatting.getal(uitzondering.kantoordagen)}</td>"
            f"<td>{uitzondering.ingangsdatum:%d-%m-%Y} – {uitzondering.einddatum:%d-%m-%Y}</td>"
            f"<td>{bewijs}</td><td>{teksten['status'][uitzondering.status]}</td></tr>"
        )
    return mark_safe("".join(rijen_html))  # noqa: S308 - names escaped, the rest fixed texts


# A placeholder id: the detail address is reversed once with it and filled in per row.
_PK = 987654321


@lru_cache(maxsize=8)
def _rij_teksten(taal: str) -> dict:
    """The fixed texts of the exemption rows in one language (`taal` keys the cache), escaped:
    the category (capitalised, as the lists show it) and state labels by value, and the
    evidence words."""
    return {
        "categorie": {value: escape(capfirst(str(label))) for value, label in Categorie.choices},
        "status": {value: escape(str(label)) for value, label in UitzonderingStatus.choices},
        "bewijs": escape(_("bewijs aanwezig")),
        "geverifieerd": escape(_("geverifieerd")),
        "niet_geverifieerd": escape(_("niet geverifieerd")),
        "namens": _("namens %(naam)s"),
    }


def _kopcel(url: str, persoon, namens) -> str:
    """A row's header cell: the person, linking to the record, and on whose behalf the user
    decides (a delegation), if so."""
    namens_tekst = ""
    if namens:
        namens_tekst = format_html(
            '<br><span class="small">{}</span>', _("namens %(naam)s") % {"naam": namens.naam}
        )
    return format_html(
        '<th scope="row"><a href="{}">{}</a>{}</th>', url, persoon.naam, namens_tekst
    )


def _team(persoon) -> str:
    return persoon.team.naam if persoon.team_id else ""
