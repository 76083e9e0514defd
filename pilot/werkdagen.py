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
    """Working days after start up to and including end: how long something has waited."""
    if end <= start:
        return 0
    return len(werkdagen(start + timedelta(days=1), end))


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
