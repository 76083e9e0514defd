"""Pieces every convenant form uses."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from convenant.models import WEEKDAG_NAMEN
from convenant.overwegingen import MEDISCH_NIET_HIER
from convenant.validators import validate_halve_dagen

# On every free-text field another person reads, before the person types.
LEIDINGGEVENDE_LEEST_MEE = format_lazy(
    "{} {}", _("Uw leidinggevende leest dit."), MEDISCH_NIET_HIER
)

MEDEWERKER_LEEST_MEE = _("De medewerker leest dit. Schrijf geen medische details.")

WEEKDAG_KEUZES = [(day, str(name).capitalize()) for day, name in WEEKDAG_NAMEN.items()]


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def kantoordagen_veld(**kwargs) -> forms.DecimalField:
    return forms.DecimalField(
        min_value=0,
        max_value=5,
        max_digits=2,
        decimal_places=1,
        validators=[validate_halve_dagen],
        widget=forms.NumberInput(attrs={"step": "0.5", "min": "0", "max": "5"}),
        **kwargs,
    )


def helper(*layout) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*layout)
    return helper


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's validation errors on the form fields (or on the form as a whole)."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)
