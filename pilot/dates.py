"""One date style: "23 november 2026" in a sentence, "23-11-2026" in a table.

Both follow the active language (English: "23 November 2026"), so text built for someone in
their language (a notification) must call these while that language is active.
"""

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format

SENTENCE = "j F Y"
SENTENCE_WITH_TIME = "j F Y, H:i"
TABLE = "d-m-Y"


def in_sentence(value: date) -> str:
    return date_format(value, SENTENCE)


def moment_in_sentence(value: datetime) -> str:
    return date_format(timezone.localtime(value), SENTENCE_WITH_TIME)


def in_table(value: date) -> str:
    return date_format(value, TABLE)
