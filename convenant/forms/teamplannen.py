from django import forms
from django.utils.translation import gettext_lazy as _

from convenant.forms.base import WEEKDAG_KEUZES, helper
from convenant.validators import MAX_TEKST


class TeamplanForm(forms.Form):
    teamdagen = forms.TypedMultipleChoiceField(
        label=_("Teamdag(en)"),
        choices=WEEKDAG_KEUZES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        max_length=MAX_TEKST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper("teamdagen", "toelichting")
