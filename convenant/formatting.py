"""How numbers of days read: '1,5' in Dutch and '1.5' in English, '2' not '2.0'. Dates in a
sentence: `pilot.dates.in_sentence`."""

from decimal import Decimal

from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _


def getal(value) -> str:
    if value is None:
        return ""
    value = Decimal(value)
    text = f"{value.normalize():f}"
    return text if (get_language() or "nl").startswith("en") else text.replace(".", ",")


def dagen(value) -> str:
    """'0 dagen', '0,5 dag', '1 dag', '2 dagen' (Dutch: a dag up to below 2)."""
    if value is None:
        return ""
    if value == 1:
        return _("%(n)s dag") % {"n": getal(value)}
    if 0 < value < 2:
        # As in dagen_per_week: Dutch "1,5 dag", English "1.5 days".
        return pgettext("0,5 of 1,5", "%(n)s dag") % {"n": getal(value)}
    return _("%(n)s dagen") % {"n": getal(value)}


def dagen_per_week(value) -> str:
    """'1 dag per week', '1,5 dag per week', '2 dagen per week' (Dutch: a dag up to below 2)."""
    if value is None:
        return ""
    if value == 1:
        return _("%(n)s dag per week") % {"n": getal(value)}
    if 0 < value < 2:
        # Dutch says "1,5 dag", English "1.5 days": an entry of its own lets each language choose.
        return pgettext("0,5 of 1,5", "%(n)s dag per week") % {"n": getal(value)}
    return _("%(n)s dagen per week") % {"n": getal(value)}
