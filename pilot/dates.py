"""Dates in a sentence: "23 november 2026" (tables use the "d-m-Y" filter: "23-11-2026").

Both follow the active language (English: "23 November 2026"), so text built for someone in
their language (a notification) must call these while that language is active.
"""

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import pgettext

SENTENCE = "j F Y"


def in_sentence(value: date) -> str:
    return date_format(value, SENTENCE)


def moment_in_sentence(value: datetime) -> str:
    # "25 november 2026 om 10:00": the word between date and time is the language's own.
    return date_format(timezone.localtime(value), pgettext("datumnotatie", "j F Y \\o\\m H:i"))
