from django import forms
from django.utils.translation import gettext_lazy as _

from convenant.forms.base import DatumInput, helper


class DelegatieForm(forms.Form):
    vervanger = forms.ModelChoiceField(
        label=_("Vervanger"),
        queryset=None,
        error_messages={"required": _("Kies wie tijdens uw afwezigheid voor u beslist.")},
    )
    startdatum = forms.DateField(
        label=_("Van"),
        widget=DatumInput(),
        error_messages={"required": _("Vul in vanaf welke dag de vervanging geldt.")},
    )
    einddatum = forms.DateField(
        label=_("Tot en met"),
        widget=DatumInput(),
        error_messages={"required": _("Vul in tot en met welke dag de vervanging geldt.")},
    )

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vervanger"].queryset = kandidaten
        self.fields["vervanger"].label_from_instance = lambda m: f"{m.naam} ({m.team or '-'})"
        self.helper = helper("vervanger", "startdatum", "einddatum")
