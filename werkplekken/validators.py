from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def validate_weekdagen(value) -> None:
    """A list of distinct weekdays 1–5 (Monday = 1)."""
    if not isinstance(value, list) or any(
        isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 5 for day in value
    ):
        raise ValidationError(_("Kies weekdagen van 1 (maandag) tot en met 5 (vrijdag)."))
    if len(set(value)) != len(value):
        raise ValidationError(_("Elke weekdag mag maar één keer voorkomen."))
