"""Crispy forms for the convenant pages. Domain rules live in the services; these parse input."""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from convenant.models import WEEKDAG_NAMEN, Overweging
from convenant.services.afspraken import Voorstel
from convenant.validators import MAX_TEKST, MAX_TOELICHTING_OVERWEGING, validate_halve_dagen
from werkplekken.models import Locatie

WEEKDAG_KEUZES = [(day, str(name).capitalize()) for day, name in WEEKDAG_NAMEN.items()]
OVERWEGING_VELDEN = {f"overweging_{code}": code for code in Overweging.values}


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


def _helper(*layout) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*layout)
    return helper


class VoorstelForm(forms.Form):
    kantoordagen = kantoordagen_veld(
        label=_("Kantoordagen per week"),
        help_text=_("Van 0 tot en met 5, in hele of halve dagen (een ochtend is 0,5)."),
    )
    voorkeursdagen = forms.TypedMultipleChoiceField(
        label=_("Voorkeursdagen"),
        choices=WEEKDAG_KEUZES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    locatie = forms.ModelChoiceField(
        label=_("Kantoorlocatie"),
        queryset=Locatie.objects.order_by("naam"),
        required=False,
        empty_label=_("— nog geen locatie —"),
    )
    ingangsdatum = forms.DateField(label=_("Ingangsdatum"), widget=DatumInput())
    einddatum = forms.DateField(
        label=_("Einddatum"),
        widget=DatumInput(),
        help_text=_("Uiterlijk het einde van de periode."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        max_length=MAX_TEKST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, code in OVERWEGING_VELDEN.items():
            self.fields[name] = forms.CharField(
                label=Overweging(code).label,
                max_length=MAX_TOELICHTING_OVERWEGING,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.helper = _helper(
            "kantoordagen",
            # Filled by htmx as the number changes: how it compares with the streefnorm.
            HTML('<div id="toets-streefnorm" class="mb-3" aria-live="polite"></div>'),
            "voorkeursdagen",
            "locatie",
            "ingangsdatum",
            "einddatum",
            Fieldset(
                _("Overwegingen in het gesprek"),
                HTML(
                    "<p class='form-text'>"
                    + str(
                        _(
                            "Licht toe welke overwegingen meespelen. Laat een veld leeg als "
                            "die overweging geen rol speelt."
                        )
                    )
                    + "</p>"
                ),
                *OVERWEGING_VELDEN,
            ),
            "toelichting",
        )

    def voorstel(self) -> Voorstel:
        data = self.cleaned_data
        return Voorstel(
            kantoordagen=data["kantoordagen"],
            voorkeursdagen=sorted(data["voorkeursdagen"]),
            locatie=data["locatie"],
            ingangsdatum=data["ingangsdatum"],
            einddatum=data["einddatum"],
            overwegingen={
                code: data[name].strip()
                for name, code in OVERWEGING_VELDEN.items()
                if data.get(name, "").strip()
            },
            toelichting=data["toelichting"].strip(),
            onder_norm_overweging=data.get("onder_norm_overweging", ""),
            onder_norm_toelichting=data.get("onder_norm_toelichting", ""),
        )

    @staticmethod
    def initial_from(afspraak) -> dict:
        initial = {
            "kantoordagen": afspraak.kantoordagen,
            "voorkeursdagen": afspraak.voorkeursdagen,
            "locatie": afspraak.locatie_id,
            "ingangsdatum": afspraak.ingangsdatum,
            "einddatum": afspraak.einddatum,
            "toelichting": afspraak.toelichting,
        }
        for name, code in OVERWEGING_VELDEN.items():
            initial[name] = afspraak.overwegingen.get(code, "")
        return initial


def onder_norm_velden() -> dict[str, forms.Field]:
    return {
        "onder_norm_overweging": forms.ChoiceField(
            label=_("Reden om onder de streefnorm af te spreken"),
            choices=[("", _("— niet van toepassing —")), *Overweging.choices],
            required=False,
        ),
        "onder_norm_toelichting": forms.CharField(
            label=_("Toelichting op die reden"),
            help_text=_(
                "Verplicht bij minder kantoordagen dan de streefnorm (minstens 20 tekens)."
            ),
            max_length=MAX_TEKST,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        ),
    }


class EigenVoorstelForm(VoorstelForm):
    """The employee's own proposal: the number of days is checked live against the norm."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kantoordagen"].widget.attrs.update(
            {
                "hx-get": reverse("afspraak_toets"),
                "hx-trigger": "input changed delay:300ms, change",
                "hx-target": "#toets-streefnorm",
                "aria-describedby": "toets-streefnorm",
            }
        )


class LeidinggevendeVoorstelForm(VoorstelForm):
    """The same proposal, started by the leidinggevende, with the below-norm reason."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(onder_norm_velden())
        self.fields["toelichting"].label = _("Toelichting voor de medewerker")
        self.helper.layout.append(
            Fieldset(_("Onder de streefnorm"), "onder_norm_overweging", "onder_norm_toelichting")
        )


class BesluitForm(forms.Form):
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[
            ("akkoord", _("Akkoord")),
            ("tegenvoorstel", _("Tegenvoorstel")),
            ("afwijzen", _("Afwijzen")),
        ],
        widget=forms.RadioSelect,
    )
    kantoordagen = kantoordagen_veld(
        label=_("Kantoordagen in uw tegenvoorstel"),
        required=False,
        help_text=_("Alleen bij een tegenvoorstel."),
    )
    motivatie = forms.CharField(
        label=_("Motivering"),
        help_text=_("Verplicht bij een tegenvoorstel of afwijzing (minstens 20 tekens)."),
        max_length=MAX_TEKST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(onder_norm_velden())
        self.helper = _helper(
            "besluit",
            "kantoordagen",
            "motivatie",
            Fieldset(_("Onder de streefnorm"), "onder_norm_overweging", "onder_norm_toelichting"),
        )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("besluit") == "tegenvoorstel"
            and cleaned.get("kantoordagen") is None
            and "kantoordagen" not in self.errors
        ):
            self.add_error("kantoordagen", _("Geef aan hoeveel kantoordagen u voorstelt."))
        return cleaned

    @property
    def kantoordagen_value(self) -> Decimal | None:
        return self.cleaned_data.get("kantoordagen")


class AntwoordForm(forms.Form):
    antwoord = forms.ChoiceField(
        choices=[("accepteren", _("Accepteren")), ("weigeren", _("Weigeren"))],
        widget=forms.HiddenInput,
    )
    toelichting = forms.CharField(
        label=_("Toelichting (bij weigeren)"),
        max_length=MAX_TEKST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("toelichting")


class DelegatieForm(forms.Form):
    vervanger = forms.ModelChoiceField(label=_("Vervanger"), queryset=None)
    startdatum = forms.DateField(label=_("Van"), widget=DatumInput())
    einddatum = forms.DateField(label=_("Tot en met"), widget=DatumInput())

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vervanger"].queryset = kandidaten
        self.fields["vervanger"].label_from_instance = lambda m: f"{m.naam} ({m.team or '-'})"
        self.helper = _helper("vervanger", "startdatum", "einddatum")


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
        self.helper = _helper("teamdagen", "toelichting")


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's validation errors on the form fields (or on the form as a whole)."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)
