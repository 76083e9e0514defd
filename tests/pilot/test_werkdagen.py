from datetime import date, timedelta

import pytest

from pilot.werkdagen import is_werkdag, plus_werkdagen, werkdagen, werkdagen_terug, werkdagen_tussen


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 10, 1), True),  # Wednesday
        (date(2025, 10, 4), False),  # Saturday
        (date(2025, 12, 25), False),  # Eerste Kerstdag
        (date(2026, 4, 27), False),  # Koningsdag
        (date(2026, 5, 14), False),  # Hemelvaartsdag
        (date(2026, 5, 25), False),  # Tweede Pinksterdag
        (date(2026, 5, 15), True),  # the Friday after Ascension is a normal working day
    ],
)
def test_is_werkdag_knows_weekends_and_dutch_holidays(day, expected):
    assert is_werkdag(day) is expected


def test_the_pilot_has_the_expected_number_of_working_days():
    # 195 weekdays from 1 Oct 2025 to 30 Jun 2026, minus the 8 holidays that fall on one:
    # 25 and 26 Dec, 1 Jan, Goede Vrijdag, Tweede Paasdag, Koningsdag, Hemelvaart, 2e Pinksterdag.
    assert len(werkdagen(date(2025, 10, 1), date(2026, 6, 30))) == 187


def test_ten_working_days_after_a_proposal_skip_weekends_and_christmas():
    assert plus_werkdagen(date(2025, 12, 19), 10) == date(2026, 1, 7)
    assert werkdagen_tussen(date(2025, 12, 19), date(2026, 1, 7)) == 10
    assert werkdagen_tussen(date(2026, 1, 7), date(2025, 12, 19)) == 0


@pytest.mark.parametrize(
    ("end", "count", "expected"),
    [
        # After Sunday 28 Dec 2025 up to Monday 12 Jan 2026: 29, 30, 31 Dec, 2, 5, 6, 7, 8, 9 and
        # 12 Jan are ten working days (1 Jan is a holiday); from the 29th there are nine.
        (date(2026, 1, 12), 10, date(2025, 12, 28)),
        (date(2026, 11, 23), 1, date(2026, 11, 22)),  # a Monday: since Sunday
        (date(2026, 11, 24), 1, date(2026, 11, 23)),
    ],
)
def test_werkdagen_terug_is_the_latest_start_that_has_waited_long_enough(end, count, expected):
    assert werkdagen_terug(end, count) == expected
    assert werkdagen_tussen(expected, end) == count
    assert werkdagen_tussen(expected + timedelta(days=1), end) < count


def test_waiting_across_christmas_and_new_year_skips_weekends_and_holidays():
    # After Friday 19 December 2025: 22–24 December, 29–31 December, Friday 2 January and
    # 5–9 January; Christmas (25, 26) and New Year's Day fall out.
    assert werkdagen_tussen(date(2025, 12, 19), date(2026, 1, 9)) == 12


def test_a_wait_of_a_year_counts_every_working_day():
    # 2026 has 261 weekdays, of which 7 are public holidays on a weekday: 254. Starting on
    # 31 December 2025 counts all of 2026.
    assert werkdagen_tussen(date(2025, 12, 31), date(2026, 12, 31)) == 254
