"""Field rules shared by the model, the forms and the API serializers."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from convenant.overwegingen import Overweging

WEEKDAGEN = (1, 2, 3, 4, 5)  # Monday = 1 … Friday = 5
MAX_TEKST = 2000
MAX_TOELICHTING_OVERWEGING = 1000
MIN_MOTIVATIE = 20


def validate_halve_dagen(value: Decimal) -> None:
    if value is None:
        return
    if (Decimal(value) * 2) % 1 != 0:
        raise ValidationError(
            _("Geef de kantoordagen op in hele of halve dagen, bijvoorbeeld 1 of 1,5."),
            code="halve_dagen",
        )


def validate_kantoordagen(value: Decimal) -> None:
    if value is None:
        return
    if not Decimal(0) <= Decimal(value) <= Decimal(5):
        raise ValidationError(
            _("Het aantal kantoordagen ligt tussen 0 en 5 per week."), code="bereik"
        )
    validate_halve_dagen(value)


def validate_weekdagen(value) -> None:
    if not isinstance(value, list | tuple):
        raise ValidationError(_("Geef de voorkeursdagen op als lijst."), code="type")
    for day in value:
        if isinstance(day, bool) or not isinstance(day, int) or day not in WEEKDAGEN:
            raise ValidationError(
                _("Voorkeursdagen zijn werkdagen: 1 (maandag) tot en met 5 (vrijdag)."),
                code="weekdag",
            )
    if len(set(value)) != len(value):
        raise ValidationError(_("Noem elke voorkeursdag maar één keer."), code="dubbel")


def validate_overwegingen(value) -> None:
    if not isinstance(value, dict):
        raise ValidationError(_("Geef de overwegingen op per onderwerp."), code="type")
    for key, text in value.items():
        if key not in Overweging.values:
            raise ValidationError(
                _("Onbekende overweging: %(key)s.") % {"key": str(key)[:50]}, code="onbekend"
            )
        if key == Overweging.MEDISCH_SOCIAAL:
            # Only whether it plays a part: no text that could hold medical details.
            if text is not True:
                raise ValidationError(
                    _(
                        "Bij ‘%(label)s’ legt u alleen vast dat die een rol spelen (true), "
                        "zonder toelichting."
                    )
                    % {"label": Overweging(key).label},
                    code="alleen_ja",
                )
            continue
        if not isinstance(text, str) or not text.strip():
            raise ValidationError(
                _("Licht de overweging ‘%(label)s’ toe.") % {"label": Overweging(key).label},
                code="toelichting",
            )
        if len(text) > MAX_TOELICHTING_OVERWEGING:
            raise ValidationError(
                _("De toelichting bij ‘%(label)s’ is te lang (maximaal %(max)s tekens).")
                % {"label": Overweging(key).label, "max": MAX_TOELICHTING_OVERWEGING},
                code="te_lang",
            )


def check_motivatie(value: str, field: str = "motivatie") -> str:
    text = (value or "").strip()
    if len(text) < MIN_MOTIVATIE:
        raise ValidationError(
            {
                field: _("Geef een schriftelijke motivering van minstens %(min)s tekens.")
                % {"min": MIN_MOTIVATIE}
            }
        )
    if len(text) > MAX_TEKST:
        raise ValidationError(
            {field: _("De tekst is te lang (maximaal %(max)s tekens).") % {"max": MAX_TEKST}}
        )
    return text
