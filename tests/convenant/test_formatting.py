from decimal import Decimal

import pytest
from django.utils import translation

from convenant.formatting import dagen_per_week, getal


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("2.0"), "2"),
        (Decimal("1.5"), "1,5"),
        (Decimal("0"), "0"),
        (Decimal("0.50"), "0,5"),
        (Decimal("10"), "10"),
        (None, ""),
    ],
)
def test_days_are_written_the_dutch_way(value, text):
    assert getal(value) == text


@pytest.mark.parametrize(
    ("language", "value", "text"),
    [
        ("nl", Decimal("1"), "1 dag per week"),
        ("nl", Decimal("1.5"), "1,5 dag per week"),
        ("nl", Decimal("2"), "2 dagen per week"),
        ("en", Decimal("1"), "1 day per week"),
        ("en", Decimal("1.5"), "1.5 days per week"),
        ("en", Decimal("0.5"), "0.5 days per week"),
        ("en", Decimal("2"), "2 days per week"),
    ],
)
def test_days_per_week_read_right_in_each_language(language, value, text):
    with translation.override(language):
        assert dagen_per_week(value) == text
