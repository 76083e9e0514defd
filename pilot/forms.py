from django import forms
from django.utils.translation import gettext_lazy as _


class OrganisatieImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_("UTF-8, met of zonder BOM; scheidingsteken ';' of ','. Maximaal 5 MB."),
        error_messages={"required": _("Kies het CSV-bestand met de organisatie.")},
    )
    proefdraai = forms.BooleanField(
        label=_("Alleen controleren (proefdraai): niets opslaan"), required=False, initial=True
    )
