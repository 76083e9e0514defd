from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
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
def uitzondering_rij(uitzondering, namens=None) -> str:
    """An exemption in the team's and HR's lists; `namens`: per exemption the leidinggevende
    the user decides for (a delegation), if any. Built here for the reason above."""
    persoon = uitzondering.medewerker
    bewijs = "—"
    if uitzondering.heeft_bewijsstuk:
        bewijs = _("bewijs aanwezig")
        if uitzondering.categorie == "eerdere_afspraak":
            verificatie = _("geverifieerd") if uitzondering.geverifieerd else _("niet geverifieerd")
            bewijs = f"{bewijs}, {verificatie}"
    return format_html(
        "<tr>{}<td>{}</td><td>{}</td><td>{}</td><td>{} – {}</td><td>{}</td><td>{}</td></tr>",
        _kopcel(
            reverse("uitzondering_detail", args=[uitzondering.pk]),
            persoon,
            namens.get(uitzondering.pk) if namens else None,
        ),
        _team(persoon),
        # The labels straight from the choices: get_FOO_display rebuilds a dict of every
        # choice on each call, a tenth of a millisecond twice a row.
        capfirst(Categorie(uitzondering.categorie).label),
        formatting.getal(uitzondering.kantoordagen),
        date_format(uitzondering.ingangsdatum, "d-m-Y"),
        date_format(uitzondering.einddatum, "d-m-Y"),
        bewijs,
        UitzonderingStatus(uitzondering.status).label,
    )


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
