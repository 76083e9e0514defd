from django import template
from django.utils.translation import gettext_lazy as _

from convenant.formatting import getal
from convenant.models import Overweging, Status, UitzonderingStatus

register = template.Library()

ACTIE_LABELS = {
    "afspraak.aanmaken": _("Concept opgesteld"),
    "afspraak.concept_bijwerken": _("Concept bijgewerkt"),
    "afspraak.voorstellen": _("Voorstel van de leidinggevende"),
    "afspraak.indienen": _("Voorstel ingediend"),
    "afspraak.akkoord": _("Akkoord gegeven"),
    "afspraak.tegenvoorstel": _("Tegenvoorstel gedaan"),
    "afspraak.afwijzen": _("Afgewezen"),
    "afspraak.accepteren": _("Voorstel geaccepteerd"),
    "afspraak.weigeren": _("Voorstel geweigerd"),
    "afspraak.laten_vervallen": _("Vervallen"),
    "afspraak.einddatum_vervroegd": _("Einddatum vervroegd"),
    "afspraak.vastleggen": _("Vastgelegd na advies of uitspraak"),
    "teamplan.vaststellen": _("Teamplan vastgesteld"),
    "uitzondering.aanvragen": _("Uitzondering aangevraagd"),
    "uitzondering.toekennen": _("Uitzondering toegekend"),
    "uitzondering.afwijzen": _("Uitzondering afgewezen"),
    "uitzondering.verifieren": _("Eerdere afspraak geverifieerd door HR"),
    "uitzondering.laten_verlopen": _("Uitzondering verlopen"),
    "uitzondering.bewijsstuk_openen": _("Bewijsstuk geopend"),
}


@register.filter
def actie_label(value: str) -> str:
    return str(ACTIE_LABELS.get(value, value))


@register.filter
def status_label(value: str) -> str:
    if value in Status.values:
        return str(Status(value).label)
    if value in UitzonderingStatus.values:
        return str(UitzonderingStatus(value).label)
    return value


@register.filter
def overweging_label(value: str) -> str:
    return str(Overweging(value).label) if value in Overweging.values else value


@register.filter
def dagen(value) -> str:
    """1.5 → '1,5'; 2.0 → '2'."""
    return getal(value)


@register.filter
def dagen_per_week(value) -> str:
    """'1 dag per week', '1,5 dag per week', '2 dagen per week' (Dutch: a dag up to below 2)."""
    if value is None:
        return ""
    if 0 < value < 2:
        return _("%(n)s dag per week") % {"n": dagen(value)}
    return _("%(n)s dagen per week") % {"n": dagen(value)}


@register.filter
def get_item(mapping, key):
    return mapping.get(key, [])
