"""Forms of the comité pages. They parse; the services decide (and their errors land here)."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models.utils import get_blank_choice_label
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from comite import panel
from comite.models import Panelrol
from convenant.models import WEEKDAG_NAMEN
from convenant.validators import MAX_TEKST

TEKST = forms.Textarea(attrs={"rows": 5})
DATUMTIJD = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MeerdereBestanden(forms.ClearableFileInput):
    allow_multiple_selected = True


class DocumentenField(forms.FileField):
    """Several optional files; the service checks each one by its content."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MeerdereBestanden(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(DocumentenField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class AanmeldForm(forms.Form):
    verklaring = forms.CharField(
        label=_("Uw verklaring"),
        help_text=_("Waar bent u het niet mee eens, en wat stelt u voor? Minstens 20 tekens."),
        widget=TEKST,
        max_length=MAX_TEKST,
        error_messages={"required": _("Schrijf waar u het niet mee eens bent en wat u voorstelt.")},
    )
    bijstand_naam = forms.CharField(
        label=_("Naam van uw vakbondsconsulent (optioneel)"), required=False, max_length=200
    )
    bijstand_email = forms.EmailField(
        label=_("E-mailadres van uw vakbondsconsulent (optioneel)"),
        required=False,
        help_text=_("Hij of zij krijgt de uitnodiging voor de zitting."),
    )
    documenten = DocumentenField(
        label=_("Documenten (optioneel)"),
        help_text=_("PDF, JPEG of PNG, elk hoogstens 10 MB; hoogstens 5."),
    )


class ReactieForm(forms.Form):
    reactie = forms.CharField(
        label=_("Uw schriftelijke reactie"),
        help_text=_("Hoe ziet u de zaak, en waarom? Minstens 20 tekens."),
        widget=TEKST,
        max_length=MAX_TEKST,
        error_messages={"required": _("Schrijf hoe u de zaak ziet.")},
    )
    documenten = DocumentenField(label=_("Documenten (optioneel)"))


class RedenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden"),
        widget=TEKST,
        max_length=MAX_TEKST,
        error_messages={"required": _("Schrijf de reden op.")},
    )


class ToelichtingForm(forms.Form):
    toelichting = forms.CharField(
        label=_("Toelichting (optioneel)"), widget=TEKST, required=False, max_length=MAX_TEKST
    )


class NotitieForm(forms.Form):
    tekst = forms.CharField(
        label=_("Interne notitie"),
        widget=TEKST,
        max_length=MAX_TEKST,
        error_messages={"required": _("Schrijf de notitie.")},
    )


class GeschilForm(forms.Form):
    toelichting = forms.CharField(
        label=_("Waarom legt u het geschil voor?"),
        widget=TEKST,
        max_length=MAX_TEKST,
        error_messages={"required": _("Schrijf waarom u het geschil voorlegt.")},
    )


class LidChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, redenen=None, **kwargs):
        self.redenen = redenen or {}
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        reden = self.redenen.get(obj.pk)
        team = obj.team.naam if obj.team_id else ""
        if reden:
            return _("%(naam)s (%(team)s) — kan niet: %(reden)s") % {
                "naam": obj.naam,
                "team": team,
                "reden": reden,
            }
        return f"{obj.naam} ({team})"


class PanelForm(forms.Form):
    """Every comité member is listed; a conflicted one says why they cannot be chosen."""

    def __init__(self, *args, zaak, kandidaten=None, **kwargs):
        super().__init__(*args, **kwargs)
        kandidaten = kandidaten if kandidaten is not None else panel.kandidaten(zaak)
        redenen = {lid.pk: reden for lid, reden in kandidaten if reden}
        ids = [lid.pk for lid, _reden in kandidaten]
        queryset = get_user_model().objects.filter(pk__in=ids).select_related("team")
        huidig = {p.rol: p.lid_id for p in zaak.panelleden.all()}
        for rol, label in Panelrol.choices:
            self.fields[rol] = LidChoiceField(
                queryset=queryset.order_by("last_name", "first_name", "pk"),
                label=label,
                redenen=redenen,
                initial=huidig.get(rol),
                error_messages={
                    "required": _("Kies wie in het panel %(rol)s is.") % {"rol": str(label).lower()}
                },
            )
        # The choices are read from the list above, not queried once per field.
        keuzes = [("", get_blank_choice_label())] + [
            (lid.pk, self.fields[Panelrol.VOORZITTER].label_from_instance(lid))
            for lid, _reden in kandidaten
        ]
        for rol in Panelrol.values:
            self.fields[rol].choices = keuzes


class ZittingForm(forms.Form):
    begin = forms.DateTimeField(
        label=_("Begin"),
        widget=DATUMTIJD,
        error_messages={"required": _("Vul de dag en het begintijdstip van de zitting in.")},
    )
    einde = forms.DateTimeField(
        label=_("Einde"),
        widget=DATUMTIJD,
        error_messages={"required": _("Vul de dag en het eindtijdstip van de zitting in.")},
    )
    locatie = forms.CharField(label=_("Plaats"), required=False, max_length=200)
    online_link = forms.URLField(label=_("Link voor online deelname"), required=False)

    def clean(self):
        data = super().clean()
        for veld in ("begin", "einde"):
            if data.get(veld) and timezone.is_naive(data[veld]):
                data[veld] = timezone.make_aware(data[veld])
        return data


def weekdag_keuzes():
    return [(str(dag), naam) for dag, naam in WEEKDAG_NAMEN.items()]


class AdviesForm(forms.Form):
    tekst = forms.CharField(label=_("Advies"), widget=TEKST, required=False)
    kantoordagen = forms.DecimalField(
        label=_("Geadviseerde kantoordagen per week"),
        min_value=0,
        max_value=5,
        decimal_places=1,
        required=False,
    )
    voorkeursdagen = forms.MultipleChoiceField(
        label=_("Geadviseerde weekdagen"),
        choices=weekdag_keuzes,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean_voorkeursdagen(self):
        return [int(dag) for dag in self.cleaned_data["voorkeursdagen"]]


class UitspraakForm(AdviesForm):
    bindend = forms.TypedChoiceField(
        label=_("Is de uitspraak bindend?"),
        choices=[("ja", _("ja")), ("nee", _("nee"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of de uitspraak bindend is.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tekst"].label = _("Uitkomst")
        self.fields["kantoordagen"].label = _("Kantoordagen per week volgens de uitspraak")
        self.fields["voorkeursdagen"].label = _("Weekdagen volgens de uitspraak")
