from django import template

from convenant import formatting
from convenant.models import Overweging

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
