"""How numbers of days read in Dutch: '1,5' not '1.5', '2' not '2.0'."""

from decimal import Decimal


def getal(value) -> str:
    if value is None:
        return ""
    value = Decimal(value)
    text = f"{value.normalize():f}"
    return text.replace(".", ",")
