"""How numbers of days read in Dutch: '1,5' not '1.5', '2' not '2.0'."""

from decimal import Decimal

from django.utils.translation import gettext as _


def getal(value) -> str:
    if value is None:
        return ""
    value = Decimal(value)
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def dagen_per_week(value) -> str:
    """'1 dag per week', '1,5 dag per week', '2 dagen per week' (Dutch: a dag up to below 2)."""
    if value is None:
        return ""
    if 0 < value < 2:
        return _("%(n)s dag per week") % {"n": getal(value)}
    return _("%(n)s dagen per week") % {"n": getal(value)}
