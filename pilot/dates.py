"""Dates in a sentence: "23 november 2026"; in a table: "23-11-2026" (templates use the "d-m-Y"
filter, tags that build a list's rows `in_table`).

The sentence forms follow the active language (English: "23 November 2026"), so text built for
someone in their language (a notification) must call them while that language is active.
"""

from datetime import date, datetime
from functools import lru_cache

from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext

SENTENCE = "j F Y"


def in_sentence(value: date) -> str:
    return date_format(value, SENTENCE)


def moment_in_sentence(value: datetime) -> str:
    # "25 november 2026 om 10:00": the word between date and time is the language's own.
    return date_format(timezone.localtime(value), pgettext("datumnotatie", "j F Y \\o\\m H:i"))


def in_table(value: date) -> str:
    """As the "d-m-Y" filter writes a date (a moment: its local date), without its per-call
    format lookup: the row tags write hundreds of them."""
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return f"{value:%d-%m-%Y}"


def moment_in_timeline(value: datetime) -> str:
    """As the "j F Y H:i" filter writes a moment in its local time ("23 november 2026 09:05"),
    with the month's name looked up once per language: a dossier shows dozens of events."""
    value = timezone.localtime(value)
    return f"{value.day} {_month_names(get_language())[value.month]} {value:%Y %H:%M}"


@lru_cache(maxsize=8)
def _month_names(language: str) -> dict[int, str]:
    # `language` keys the cache: the names are read in the language active at the first call.
    return {number: str(name) for number, name in MONTHS.items()}
