from datetime import date

import pytest

from pilot.werkdagen import is_werkdag, plus_werkdagen, werkdagen, werkdagen_tussen


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
