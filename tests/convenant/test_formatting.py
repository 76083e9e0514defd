from decimal import Decimal

import pytest

from convenant.formatting import getal


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
