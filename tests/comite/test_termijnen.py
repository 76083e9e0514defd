"""Deadlines in working days, hand-computed across Christmas 2026."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from comite import termijnen

AMS = ZoneInfo("Europe/Amsterdam")


def test_intake_skips_christmas_and_the_weekend():
    # Filed Monday 21 Dec: 22, 23, 24 (1–3), 25 Christmas, 26–27 weekend, 28 (4), 29 (5).
    assert termijnen.intake(datetime(2026, 12, 21, 9, tzinfo=AMS)) == date(2026, 12, 29)


def test_response_skips_christmas_and_new_year():
    # Accepted Monday 21 Dec: 22, 23, 24, 28, 29, 30, 31 (7), 1 Jan holiday, 2–3 weekend,
    # 4 (8), 5 (9), 6 (10).
    assert termijnen.reactie(datetime(2026, 12, 21, 9, tzinfo=AMS)) == date(2027, 1, 6)


def test_advice_within_ten_working_days_of_the_zitting():
    # Zitting Thursday 23 Apr 2026: 24 (1), 27 King's Day, 28, 29, 30 (2–4), 1 May (5),
    # 4, 5 (6, 7; 5 May is no holiday in 2026), 6, 7, 8 (8–10).
    assert termijnen.advies(datetime(2026, 4, 23, 14, tzinfo=AMS)) == date(2026, 5, 8)


def test_a_late_evening_counts_in_amsterdam_time():
    # 23:30 in Amsterdam on Friday 18 Dec is still Friday (22:30 UTC): 21, 22, 23, 24, 28.
    assert termijnen.intake(datetime(2026, 12, 18, 22, 30, tzinfo=ZoneInfo("UTC"))) == date(
        2026, 12, 28
    )


def test_the_ruling_is_due_one_month_after_filing():
    assert termijnen.uitspraak(datetime(2027, 1, 31, 12, tzinfo=AMS)) == date(2027, 2, 28)
