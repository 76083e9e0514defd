"""Forms for the exemption pages. They parse input; the rules live in the services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from convenant.forms.base import DatumInput, helper, kantoordagen_veld
from convenant.models import (
    AANVRAAGBARE_CATEGORIEEN,
    MAX_MANTELZORG_UREN,
    MAX_TOELICHTING_UITZONDERING,
    Categorie,
)
from convenant.services.uitzonderingen import Aanvraag
from convenant.validators import MAX_TEKST, check_motivatie

CATEGORIE_KEUZES = [(c.value, str(c.label).capitalize()) for c in AANVRAAGBARE_CATEGORIEEN]
JA_NEE = [("nee", _("Nee")), ("ja", _("Ja"))]
BESTANDSSOORTEN = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
# Shown above the explanation, before one types: the portal stores no medical data. Who reads
# the explanation: permissions.mag_details_zien.
PRIVACY_WAARSCHUWING = _(
    "Schrijf hier geen medische gegevens: geen diagnose, klachten, medicijnen of behandeling, "
    "en niets over de persoon voor wie u zorgt; medische redenen horen bij de categorie "
    "medisch. U en HR lezen deze toelichting (en, als u het adviserend comité om advies vraagt, "
    "de commissie die uw zaak behandelt). Bij de categorie overig leest uw leidinggevende haar "
    "ook: die moet weten waarom u de uitzondering vraagt om erover te kunnen beslissen."
)


class AanvraagForm(forms.Form):
    categorie = forms.ChoiceField(
        label=_("Categorie"),
        choices=CATEGORIE_KEUZES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de categorie van de uitzondering.")},
    )
    kantoordagen = kantoordagen_veld(
        label=_("Kantoordagen per week tijdens de uitzondering"),
        help_text=_("Minder dan uw streefnorm, in hele of halve dagen (0 kan ook)."),
        error_messages={
            "required": _(
                "Vul in hoeveel dagen per week u tijdens de uitzondering op kantoor werkt."
            )
        },
    )
    ingangsdatum = forms.DateField(
        label=_("Ingangsdatum"),
        widget=DatumInput(),
        error_messages={"required": _("Vul in vanaf welke dag de uitzondering geldt.")},
    )
    einddatum = forms.DateField(
        label=_("Einddatum (tot en met)"),
        widget=DatumInput(),
        error_messages={"required": _("Vul in tot en met welke dag de uitzondering geldt.")},
    )
    herbeoordelingsdatum = forms.DateField(
        label=_("Herbeoordelingsdatum (niet verplicht)"),
        help_text=_("Wanneer u en uw leidinggevende de uitzondering opnieuw bekijken."),
        required=False,
        widget=DatumInput(),
    )
    op_advies_bedrijfsarts = forms.ChoiceField(
        label=_("Alleen bij medisch: op advies van de bedrijfsarts?"),
        choices=JA_NEE,
        initial="nee",
        required=False,
        widget=forms.RadioSelect,
    )
    mantelzorg_uren = forms.DecimalField(
        label=_("Alleen bij mantelzorg: uren mantelzorg per week"),
        min_value=0,
        max_value=MAX_MANTELZORG_UREN,
        max_digits=3,
        decimal_places=1,
        required=False,
        widget=forms.NumberInput(attrs={"step": "0.5", "min": "0"}),
    )
    toelichting = forms.CharField(
        label=_("Korte toelichting"),
        max_length=MAX_TOELICHTING_UITZONDERING,
        required=False,
        help_text=_("Hoogstens 500 tekens. Verplicht bij de categorie overig."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    bewijsstuk = forms.FileField(
        label=_("Bewijsstuk (PDF, JPEG of PNG, hoogstens 10 MB)"),
        help_text=_(
            "Verplicht bij een eerdere schriftelijke afspraak. Alleen u en HR kunnen het "
            "bewijsstuk openen, uw leidinggevende niet."
        ),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": BESTANDSSOORTEN}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from crispy_forms.layout import HTML

        self.fields["toelichting"].widget.attrs["aria-describedby"] = "privacy-waarschuwing"
        self.helper = helper(
            "categorie",
            "kantoordagen",
            "ingangsdatum",
            "einddatum",
            "herbeoordelingsdatum",
            "op_advies_bedrijfsarts",
            "mantelzorg_uren",
            HTML(
                '<div class="alert alert-warning" id="privacy-waarschuwing"><strong>'
                + str(_("Let op:"))
                + "</strong> "
                + str(PRIVACY_WAARSCHUWING)
                + "</div>"
            ),
            "toelichting",
            "bewijsstuk",
        )

    def aanvraag(self) -> Aanvraag:
        data = self.cleaned_data
        categorie = data["categorie"]
        return Aanvraag(
            categorie=categorie,
            kantoordagen=data["kantoordagen"],
            ingangsdatum=data["ingangsdatum"],
            einddatum=data["einddatum"],
            herbeoordelingsdatum=data.get("herbeoordelingsdatum"),
            op_advies_bedrijfsarts=categorie == Categorie.MEDISCH
            and data.get("op_advies_bedrijfsarts") == "ja",
            mantelzorg_uren=data.get("mantelzorg_uren")
            if categorie == Categorie.MANTELZORG
            else None,
            toelichting=data.get("toelichting", ""),
        )


class UitzonderingBesluitForm(forms.Form):
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("toekennen", _("Toekennen")), ("afwijzen", _("Afwijzen"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies: toekennen of afwijzen.")},
    )
    motivatie = forms.CharField(
        label=_("Motivering"),
        help_text=_("Verplicht bij afwijzen (minstens 20 tekens)."),
        max_length=MAX_TEKST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, acties: frozenset[str] = frozenset({"afwijzen"}), **kwargs):
        super().__init__(*args, **kwargs)
        if "afwijzen" not in acties:
            # A verified earlier agreement is a right: the only decision left is to grant it.
            self.fields["besluit"].choices = [("toekennen", _("Toekennen"))]
            self.fields["besluit"].initial = "toekennen"
            del self.fields["motivatie"]
            self.helper = helper("besluit")
        else:
            self.helper = helper("besluit", "motivatie")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("besluit") == "afwijzen":
            # The shared field rule, here too so that it shows before the confirmation step.
            try:
                check_motivatie(cleaned.get("motivatie", ""))
            except ValidationError as error:
                for field, messages_ in error.message_dict.items():
                    self.add_error(field, messages_)
        return cleaned


class NietAantoonbaarForm(forms.Form):
    motivatie = forms.CharField(
        label=_("Motivering"),
        help_text=_(
            "Minstens 20 tekens. De medewerker en de leidinggevende lezen dit: schrijf geen "
            "medische details."
        ),
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Geef een motivering: waarom is de afspraak niet aantoonbaar?")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper("motivatie")
