"""Template tags of the workplace pages."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.translation import gettext as _

from werkplekken.selectors.capaciteit import Capaciteit

register = template.Library()


@register.simple_tag
def heatmap_cel(cel: Capaciteit) -> str:
    """One cell of the heatmap, built here: 250 cells (50 locations × 5 days) through the
    template language took a third of the dashboard's time."""
    if not cel.open:
        return format_html('<td class="niveau-gesloten">{}</td>', _("gesloten"))
    percentage = "—" if cel.percentage is None else f"{cel.percentage} %"
    return format_html(
        '<td class="niveau-{}"><strong>{} · {}</strong><br><span class="small">{} / {}</span></td>',
        cel.niveau,
        percentage,
        cel.niveau_label,
        floatformat(cel.vraag, "-1"),
        cel.aanbod,
    )
