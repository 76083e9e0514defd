from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pilot.csv_import import MAX_BYTES


class CsvImportForm(forms.Form):
    """The upload of every CSV import: the file and whether to only check it (dry run)."""

    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_("UTF-8, met of zonder BOM; scheidingsteken ';' of ','. Maximaal 5 MB."),
    )
    proefdraai = forms.BooleanField(
        label=_("Alleen controleren (proefdraai): niets opslaan"), required=False, initial=True
    )

    def clean_bestand(self):
        # On the size the upload states, before anything reads the file into memory.
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_BYTES:
            raise ValidationError(_("Het bestand is groter dan 5 MB."))
        return bestand
