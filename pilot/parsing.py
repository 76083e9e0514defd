"""Parsing what comes in through URLs and query strings, so that junk is a 404, never a 500."""

from datetime import date

MAX_ID_CIJFERS = 18  # a bigint has 19 digits; no id in this portal comes near 18


def parse_id(value) -> int | None:
    """An id from a URL or query string, or None for anything that is not one.

    Only ASCII digits count ('²' and '١' pass `str.isdigit()` but are no id), and at most
    18 of them, so a 5 000-digit number is refused before `int()` or the database sees it.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not 0 < len(value) <= MAX_ID_CIJFERS:
        return None
    if not (value.isascii() and value.isdigit()):
        return None
    return int(value)


def parse_date(value: str) -> date | None:
    """A date in the form's own format (YYYY-MM-DD), or None: `fromisoformat` alone would also
    take '20261123'."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
