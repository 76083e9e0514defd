"""How numbers of days and dates read in Dutch: '1,5' not '1.5', '2' not '2.0'; a date in a
sentence is '23 november 2026' (templates write '23-11-2026' in a table with date:"d-m-Y")."""

from datetime import date
from decimal import Decimal

from django.utils import dateformat
from django.utils.translation import gettext as _


def getal(value) -> str:
    if value is None:
        return ""
    value = Decimal(value)
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def dagen(value) -> str:
    """'0 dagen', '0,5 dag', '1 dag', '2 dagen' (Dutch: a dag up to below 2)."""
    if value is None:
        return ""
    if 0 < value < 2:
        return _("%(n)s dag") % {"n": getal(value)}
    return _("%(n)s dagen") % {"n": getal(value)}


def dagen_per_week(value) -> str:
    """'1 dag per week', '1,5 dag per week', '2 dagen per week' (Dutch: a dag up to below 2)."""
    if value is None:
        return ""
    if 0 < value < 2:
        return _("%(n)s dag per week") % {"n": getal(value)}
    return _("%(n)s dagen per week") % {"n": getal(value)}


def datum_zin(value: date) -> str:
    """A date inside a sentence: '23 november 2026' (month names from the active language)."""
    return dateformat.format(value, "j F Y")
