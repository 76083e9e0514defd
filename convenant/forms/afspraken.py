"""Forms for agreements. Domain rules live in the services; these parse input."""

from datetime import date
from decimal import Decimal

from crispy_forms.layout import HTML, Fieldset
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from convenant.forms.base import (
    LEIDINGGEVENDE_LEEST_MEE,
    MEDEWERKER_LEEST_MEE,
    WEEKDAG_KEUZES,
    DatumInput,
    helper,
    kantoordagen_veld,
)
from convenant.models import Overweging
from convenant.overwegingen import MEDISCH_NIET_HIER
from convenant.selectors.afspraken import MijnAfspraak, standaard_voorstel
from convenant.services.afspraak_basis import Voorstel
from convenant.validators import MAX_TEKST, MAX_TOELICHTING_OVERWEGING, check_motivatie
from werkplekken.models import Locatie

OVERWEGING_VELDEN = {f"overweging_{code}": code for code in Overweging.values}


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
        help_text=LEIDINGGEVENDE_LEEST_MEE,
        max_length=MAX_TEKST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, code in OVERWEGING_VELDEN.items():
            if code == Overweging.MEDISCH_SOCIAAL:
                self.fields[name] = forms.BooleanField(
                    label=_("Medische en/of sociale aandachtspunten spelen een rol"),
                    help_text=MEDISCH_NIET_HIER,
                    required=False,
                )
                continue
            self.fields[name] = forms.CharField(
                label=Overweging(code).label,
                help_text=LEIDINGGEVENDE_LEEST_MEE,
                max_length=MAX_TOELICHTING_OVERWEGING,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.helper = helper(
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
            overwegingen=self._overwegingen(),
            toelichting=data["toelichting"].strip(),
            onder_norm_overweging=data.get("onder_norm_overweging", ""),
            onder_norm_toelichting=data.get("onder_norm_toelichting", ""),
        )

    def _overwegingen(self) -> dict:
        result = {}
        for name, code in OVERWEGING_VELDEN.items():
            value = self.cleaned_data.get(name)
            if code == Overweging.MEDISCH_SOCIAAL:
                if value:
                    result[code] = True
            elif value and value.strip():
                result[code] = value.strip()
        return result

    @staticmethod
    def initial_from(afspraak) -> dict:
        initial = {
            "onder_norm_overweging": afspraak.onder_norm_overweging,
            "onder_norm_toelichting": afspraak.onder_norm_toelichting,
            "kantoordagen": afspraak.kantoordagen,
            "voorkeursdagen": afspraak.voorkeursdagen,
            "locatie": afspraak.locatie_id,
            "ingangsdatum": afspraak.ingangsdatum,
            "einddatum": afspraak.einddatum,
            "toelichting": afspraak.toelichting,
        }
        for name, code in OVERWEGING_VELDEN.items():
            initial[name] = afspraak.overwegingen.get(code, "")
        initial[f"overweging_{Overweging.MEDISCH_SOCIAAL}"] = (
            afspraak.overwegingen.get(Overweging.MEDISCH_SOCIAAL) is True
        )
        return initial


def onder_norm_velden(lezer=MEDEWERKER_LEEST_MEE) -> dict[str, forms.Field]:
    return {
        "onder_norm_overweging": forms.ChoiceField(
            label=_("Reden om onder de streefnorm af te spreken"),
            choices=[("", _("— niet van toepassing —")), *Overweging.choices],
            required=False,
        ),
        "onder_norm_toelichting": forms.CharField(
            label=_("Toelichting op die reden"),
            help_text=format_lazy(
                "{} {}",
                _("Verplicht bij minder kantoordagen dan de streefnorm (minstens 20 tekens)."),
                lezer,
            ),
            max_length=MAX_TEKST,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        ),
    }


# The fields whose values the live norm check reads: the days and the span they run over.
TOETS_VELDEN = ("kantoordagen", "ingangsdatum", "einddatum")


def live_normtoets(form: forms.Form, medewerker_pk: int | None = None) -> None:
    """Let the days and dates ask the server how they compare with the norm, as you type."""
    url = reverse("afspraak_toets")
    if medewerker_pk is not None:
        url += f"?medewerker={medewerker_pk}"
    for name in TOETS_VELDEN:
        form.fields[name].widget.attrs.update(
            {
                "hx-get": url,
                "hx-trigger": "input changed delay:300ms, change",
                "hx-target": "#toets-streefnorm",
                "hx-include": ",".join(f"[name='{other}']" for other in TOETS_VELDEN),
                "aria-describedby": "toets-streefnorm",
            }
        )


class NormtoetsForm(forms.Form):
    """The live check's input: read with the proposal form's own field rules."""

    kantoordagen = kantoordagen_veld(label=_("Kantoordagen per week"), required=False)
    ingangsdatum = forms.DateField(label=_("Ingangsdatum"), required=False)
    einddatum = forms.DateField(label=_("Einddatum"), required=False)

    def clean(self):
        cleaned = super().clean()
        van, tot = cleaned.get("ingangsdatum"), cleaned.get("einddatum")
        if van and tot and tot < van:
            self.add_error("einddatum", _("De einddatum ligt voor de ingangsdatum."))
        return cleaned


class EigenVoorstelForm(VoorstelForm):
    """The employee's own proposal: the days are checked live against the norm over the whole
    span; below it, the reason is asked when the proposal is submitted."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(onder_norm_velden(LEIDINGGEVENDE_LEEST_MEE))
        live_normtoets(self)
        self.helper.layout.append(
            Fieldset(_("Onder de streefnorm"), "onder_norm_overweging", "onder_norm_toelichting")
        )


class LeidinggevendeVoorstelForm(VoorstelForm):
    """The same proposal, started by the leidinggevende, with the below-norm reason."""

    def __init__(self, *args, medewerker_pk: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(onder_norm_velden())
        if medewerker_pk is not None:
            live_normtoets(self, medewerker_pk)
        self.fields["toelichting"].label = _("Toelichting voor de medewerker")
        for name, field in self.fields.items():
            if name == "toelichting" or isinstance(field.widget, forms.Textarea):
                field.help_text = MEDEWERKER_LEEST_MEE
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
    voorkeursdagen = forms.TypedMultipleChoiceField(
        label=_("Voorkeursdagen in uw tegenvoorstel"),
        choices=WEEKDAG_KEUZES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen bij een tegenvoorstel. Eerst staan de dagen uit het voorstel aan."),
    )
    locatie = forms.ModelChoiceField(
        label=_("Kantoorlocatie in uw tegenvoorstel"),
        queryset=Locatie.objects.order_by("naam"),
        required=False,
        empty_label=_("— zoals in het voorstel —"),
        help_text=_("Alleen bij een tegenvoorstel."),
    )
    motivatie = forms.CharField(
        label=_("Motivering"),
        help_text=format_lazy(
            "{} {}",
            _("Verplicht bij een tegenvoorstel of afwijzing (minstens 20 tekens)."),
            MEDEWERKER_LEEST_MEE,
        ),
        max_length=MAX_TEKST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(onder_norm_velden())
        self.helper = helper(
            "besluit",
            "kantoordagen",
            "voorkeursdagen",
            "locatie",
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
        if cleaned.get("besluit") in ("tegenvoorstel", "afwijzen"):
            # The shared field rule, checked here too so that every problem shows at once and
            # before the confirmation step.
            try:
                check_motivatie(cleaned.get("motivatie", ""))
            except ValidationError as error:
                for field, messages_ in error.message_dict.items():
                    self.add_error(field, messages_)
        return cleaned

    @property
    def kantoordagen_value(self) -> Decimal | None:
        return self.cleaned_data.get("kantoordagen")

    @staticmethod
    def initial_from(afspraak) -> dict:
        """A counter-proposal starts from what the employee proposed."""
        return {"voorkeursdagen": afspraak.voorkeursdagen, "locatie": afspraak.locatie_id}


class AntwoordForm(forms.Form):
    antwoord = forms.ChoiceField(
        choices=[("accepteren", _("Accepteren")), ("weigeren", _("Weigeren"))],
        widget=forms.HiddenInput,
    )
    toelichting = forms.CharField(
        label=_("Toelichting (bij weigeren)"),
        help_text=LEIDINGGEVENDE_LEEST_MEE,
        max_length=MAX_TEKST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper("toelichting")


def eigen_voorstel_initial(user, data: MijnAfspraak, today: date | None = None) -> dict:
    """What the employee's proposal form starts with: the concept, the current agreement
    (starting today, not on its old start date), or the streefnorm for the running period."""
    today = today or timezone.localdate()
    if data.open and "concept_bijwerken" in data.acties:
        return VoorstelForm.initial_from(data.open)
    if data.huidige:
        initial = VoorstelForm.initial_from(data.huidige)
        initial["ingangsdatum"] = max(today, data.huidige.ingangsdatum)
        return initial
    return standaard_voorstel(user, today)
