"""Serializer fields shared by the convenant endpoints."""

from decimal import Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from convenant.validators import MAX_TEKST, validate_halve_dagen


def _melding_halve_dagen() -> list[str]:
    """The form's message for a value that is no whole or half day: one rule, one text."""
    try:
        validate_halve_dagen(Decimal("0.25"))
    except DjangoValidationError as error:
        return error.messages
    raise AssertionError("0,25 is geen halve dag")  # pragma: no cover


class KantoordagenField(serializers.DecimalField):
    """0–5 office days in whole or half days.

    DRF counts digits before any validator runs, so 1.25 would read 'niet meer dan 2 cijfers'
    and 1.50 would be refused; here the rules people know come first, with the form's words.
    """

    def __init__(self, **kwargs):
        super().__init__(max_digits=2, decimal_places=1, min_value=0, max_value=5, **kwargs)

    def validate_precision(self, value: Decimal) -> Decimal:
        if value < 0:
            self.fail("min_value", min_value=0)
        if value > 5:
            self.fail("max_value", max_value=5)
        tiende = value.quantize(Decimal("0.1"))  # exact in 0–5; compared exactly below
        if tiende != value or (tiende * 2) % 1:
            raise ValidationError(_melding_halve_dagen(), code="halve_dagen")
        return tiende


def kantoordagen_field(**kwargs):
    return KantoordagenField(**kwargs)


def weekdagen_field(**kwargs):
    return serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=5), max_length=5, **kwargs
    )


class MotivatieSerializer(serializers.Serializer):
    motivatie = serializers.CharField(max_length=MAX_TEKST)
