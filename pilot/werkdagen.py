"""Working days: Monday to Friday, minus Dutch public holidays."""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _feestdagen(year: int) -> frozenset[date]:
    return frozenset(holidays.Netherlands(years=year).keys())


def is_werkdag(day: date) -> bool:
    return day.weekday() < 5 and day not in _feestdagen(day.year)


def werkdagen(start: date, end: date) -> list[date]:
    """Working days from start up to and including end."""
    days = []
    day = start
    while day <= end:
        if is_werkdag(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def werkdagen_tussen(start: date, end: date) -> int:
    """Working days after start up to and including end: how long something has waited.

    Counted, not walked day by day: a list of proposals waiting since the start of the pilot
    would otherwise step through a year per row."""
    if end <= start:
        return 0
    first = start + timedelta(days=1)
    weeks, rest = divmod((end - first).days + 1, 7)
    tail = first + timedelta(weeks=weeks)
    count = weeks * 5 + sum((tail + timedelta(days=n)).weekday() < 5 for n in range(rest))
    for year in range(first.year, end.year + 1):
        count -= sum(1 for day in _feestdagen(year) if first <= day <= end and day.weekday() < 5)
    return count


def plus_werkdagen(start: date, count: int) -> date:
    """The date `count` working days after start."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_werkdag(day):
            remaining -= 1
    return day


def werkdagen_terug(end: date, count: int) -> date:
    """The latest start from which `count` working days have passed by `end`: anything that
    started on or before it has waited at least that long (so a database can count it)."""
    day = end
    counted = 0
    while counted < count:
        if is_werkdag(day):
            counted += 1
        day -= timedelta(days=1)
    return day
