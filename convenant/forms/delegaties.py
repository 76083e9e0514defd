from django import forms
from django.utils.translation import gettext_lazy as _

from convenant.forms.base import DatumInput, helper


class DelegatieForm(forms.Form):
    vervanger = forms.ModelChoiceField(label=_("Vervanger"), queryset=None)
    startdatum = forms.DateField(label=_("Van"), widget=DatumInput())
    einddatum = forms.DateField(label=_("Tot en met"), widget=DatumInput())

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vervanger"].queryset = kandidaten
        self.fields["vervanger"].label_from_instance = lambda m: f"{m.naam} ({m.team or '-'})"
        self.helper = helper("vervanger", "startdatum", "einddatum")
