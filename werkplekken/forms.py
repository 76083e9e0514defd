"""Forms parse what people type; the rules themselves live in the services."""

from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from werkplekken.models import Dagdeel, Reden, Soort, WieZietMij, Zone
from werkplekken.rules import horizon_dagen
from werkplekken.selectors.loonadministratie import vergoeding_per_dag
from werkplekken.selectors.reserveringen import kenmerk_labels, verdieping_naam


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ZoekForm(forms.Form):
    """Location, date, dagdeel and features: what the booking page shows."""

    locatie = forms.TypedChoiceField(
        label=_("Locatie"), coerce=int, error_messages={"required": _("Kies een locatie.")}
    )
    datum = forms.DateField(
        label=_("Datum"), widget=DatumInput(), error_messages={"required": _("Vul een datum in.")}
    )
    dagdeel = forms.ChoiceField(
        label=_("Dagdeel"),
        choices=Dagdeel.choices,
        error_messages={"required": _("Kies een dagdeel.")},
    )
    kenmerken = forms.MultipleChoiceField(
        label=_("Alleen werkplekken met"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, locaties, **kwargs):
        super().__init__(*args, **kwargs)
        # The locations the view has already read: no second query to validate or render.
        self.locaties = {locatie.pk: locatie for locatie in locaties}
        self.fields["locatie"].choices = [(loc.pk, loc.naam) for loc in locaties]
        self.fields["kenmerken"].choices = list(kenmerk_labels().items())

    def clean_locatie(self):
        return self.locaties[self.cleaned_data["locatie"]]

    @classmethod
    def standaard(cls, data, locaties):
        """Today, a whole day and the first location unless the query string says otherwise."""
        waarden = {
            "locatie": locaties[0].pk if locaties else None,
            "datum": timezone.localdate().isoformat(),
            "dagdeel": Dagdeel.HELE_DAG,
        }
        waarden.update({k: v for k, v in data.items() if k in ("locatie", "datum", "dagdeel")})
        waarden["kenmerken"] = data.getlist("kenmerken")
        return cls(waarden, locaties=locaties)


class ReserveerForm(forms.Form):
    """A desk, or (`locatie`) a seat at the location without a particular desk."""

    werkplek = forms.IntegerField(min_value=1, max_value=2**62, required=False)
    locatie = forms.IntegerField(min_value=1, max_value=2**62, required=False)
    datum = forms.DateField(error_messages={"required": _("Kies een datum.")})
    dagdeel = forms.ChoiceField(
        choices=Dagdeel.choices, error_messages={"required": _("Kies een dagdeel.")}
    )

    def clean(self):
        data = super().clean()
        if (data.get("werkplek") is None) == (data.get("locatie") is None):
            raise forms.ValidationError(_("Kies een werkplek of een plek op de locatie."))
        return data


class AfwezigForm(forms.Form):
    van = forms.DateField(
        label=_("Afwezig van"),
        widget=DatumInput(),
        error_messages={"required": _("Vul de eerste dag in dat u afwezig bent.")},
    )
    tot = forms.DateField(
        label=_("tot en met"),
        widget=DatumInput(),
        error_messages={"required": _("Vul de laatste dag in dat u afwezig bent.")},
    )


SOORT_KEUZES = [("", _("— niet opgegeven —")), *Soort.choices]
REDEN_KEUZES = [("", _("— geen reden —")), *Reden.choices]


class WeekForm(forms.Form):
    """Mon–Fri of one week: where one worked (or will work), and a reason when not at the office."""

    def __init__(self, *args, dagen, **kwargs):
        super().__init__(*args, **kwargs)
        self.dagen = dagen
        for dag in dagen:
            self.fields[f"soort_{dag:%Y%m%d}"] = forms.ChoiceField(
                label=_("Waar"), choices=SOORT_KEUZES, required=False
            )
            self.fields[f"reden_{dag:%Y%m%d}"] = forms.ChoiceField(
                label=_("Reden als u niet op kantoor was"), choices=REDEN_KEUZES, required=False
            )

    def registraties(self):
        """(date, soort, reden) for each day that has a choice."""
        for dag in self.dagen:
            soort = self.cleaned_data.get(f"soort_{dag:%Y%m%d}")
            if soort:
                yield dag, soort, self.cleaned_data.get(f"reden_{dag:%Y%m%d}", "")


def maandag_van(dag):
    return dag - timedelta(days=dag.weekday())


class TeamdagForm(forms.Form):
    team = forms.TypedChoiceField(
        label=_("Team"), coerce=int, error_messages={"required": _("Kies het team.")}
    )
    datum = forms.DateField(
        label=_("Teamdag"),
        widget=DatumInput(),
        error_messages={"required": _("Vul de datum van de teamdag in.")},
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.teams = {team.pk: team for team in teams}
        self.fields["team"].choices = [(team.pk, team.naam) for team in teams]

    def clean_team(self):
        return self.teams[self.cleaned_data["team"]]


# Facilitair beheer. The forms parse; the services check the rules and name the field.

WEEKDAG_KEUZES = [
    (1, _("maandag")),
    (2, _("dinsdag")),
    (3, _("woensdag")),
    (4, _("donderdag")),
    (5, _("vrijdag")),
]


class BeheerForm(forms.Form):
    """Shows a service's ValidationError next to the fields it names."""

    def fouten_van(self, error) -> None:
        if hasattr(error, "error_dict"):
            for veld, fouten in error.message_dict.items():
                self.add_error(veld if veld in self.fields else None, fouten)
        else:
            self.add_error(None, error.messages)


class LocatieForm(BeheerForm):
    naam = forms.CharField(
        label=_("Naam"),
        max_length=100,
        error_messages={"required": _("Vul de naam van de locatie in.")},
    )
    adres = forms.CharField(label=_("Adres"), max_length=200, required=False)
    plaats = forms.CharField(
        label=_("Plaats"), max_length=100, error_messages={"required": _("Vul de plaats in.")}
    )
    openingsdagen = forms.TypedMultipleChoiceField(
        label=_("Openingsdagen"),
        choices=WEEKDAG_KEUZES,
        coerce=int,
        required=False,  # the service says "kies minstens één" in its own words
        widget=forms.CheckboxSelectMultiple,
    )
    bezettingsnorm = forms.IntegerField(
        label=_("Bezettingsnorm (%)"),
        initial=75,
        min_value=1,
        max_value=100,
        error_messages={
            "required": _("Vul de bezettingsnorm in, een percentage van 1 tot en met 100.")
        },
        help_text=_("Boven deze bezetting is het krap. De norm voor rijkskantoren is 75 %."),
    )


class ZoneForm(BeheerForm):
    naam = forms.CharField(
        label=_("Naam"),
        max_length=100,
        error_messages={"required": _("Vul de naam van de zone in.")},
    )
    soort = forms.ChoiceField(
        label=_("Soort"),
        choices=Zone.Soort.choices,
        error_messages={"required": _("Kies het soort zone.")},
    )
    verdieping = forms.IntegerField(
        label=_("Verdieping"),
        initial=0,
        min_value=-5,
        max_value=99,
        error_messages={"required": _("Vul de verdieping in (0 is de begane grond).")},
    )
    thuisteam = forms.ModelChoiceField(
        label=_("Thuisteam (vast honk)"),
        queryset=None,
        required=False,
        empty_label=_("— geen thuisteam —"),
    )
    x = forms.IntegerField(
        label=_("x op de plattegrond"),
        initial=0,
        min_value=0,
        error_messages={"required": _("Vul de x-positie van de zone op de plattegrond in.")},
    )
    y = forms.IntegerField(
        label=_("y op de plattegrond"),
        initial=0,
        min_value=0,
        error_messages={"required": _("Vul de y-positie van de zone op de plattegrond in.")},
    )
    breedte = forms.IntegerField(
        label=_("Breedte"),
        initial=400,
        min_value=1,
        error_messages={"required": _("Vul de breedte van de zone in.")},
    )
    hoogte = forms.IntegerField(
        label=_("Hoogte"),
        initial=200,
        min_value=1,
        error_messages={"required": _("Vul de hoogte van de zone in.")},
    )

    def __init__(self, *args, teams, locaties=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thuisteam"].queryset = teams
        self.fields["thuisteam"].label_from_instance = lambda team: f"{team.naam} ({team.code})"
        if locaties is not None:
            # Only when a zone is made: afterwards it stays in its location.
            self.locaties = {locatie.pk: locatie for locatie in locaties}
            self.fields = {
                "locatie": forms.TypedChoiceField(
                    label=_("Locatie"),
                    coerce=int,
                    choices=[(loc.pk, loc.naam) for loc in locaties],
                ),
                **self.fields,
            }

    def clean_locatie(self):
        return self.locaties[self.cleaned_data["locatie"]]


class WerkplekForm(BeheerForm):
    zone = forms.TypedChoiceField(
        label=_("Zone"), coerce=int, error_messages={"required": _("Kies de zone van de werkplek.")}
    )
    code = forms.CharField(
        label=_("Code"),
        max_length=30,
        error_messages={"required": _("Vul de code van de werkplek in, bijvoorbeeld A-01.")},
    )
    hoog_laag = forms.BooleanField(label=_("Hoog-laagbureau"), required=False)
    toegankelijk = forms.BooleanField(label=_("Toegankelijk"), required=False)
    dubbel_scherm = forms.BooleanField(label=_("Twee schermen"), required=False)
    reserveerbaar = forms.BooleanField(
        label=_("Reserveerbaar"),
        required=False,
        initial=True,
        help_text=_(
            "Niet meer reserveerbaar: er kunnen geen nieuwe reserveringen bij. Reserveringen "
            "die al gemaakt zijn, blijven gelden. Werkplekken worden niet verwijderd."
        ),
    )
    x = forms.IntegerField(
        label=_("x op de plattegrond"),
        min_value=0,
        max_value=65535,
        error_messages={"required": _("Vul de x-positie van de werkplek op de plattegrond in.")},
    )
    y = forms.IntegerField(
        label=_("y op de plattegrond"),
        min_value=0,
        max_value=65535,
        error_messages={"required": _("Vul de y-positie van de werkplek op de plattegrond in.")},
    )

    def __init__(self, *args, zones, **kwargs):
        super().__init__(*args, **kwargs)
        self.zones = {zone.pk: zone for zone in zones}
        self.fields["zone"].choices = [
            (
                zone.pk,
                f"{zone.naam} ({zone.x}–{zone.x + zone.breedte}, {zone.y}–{zone.y + zone.hoogte})",
            )
            for zone in zones
        ]

    def clean_zone(self):
        return self.zones[self.cleaned_data["zone"]]


class LoonexportForm(forms.Form):
    """A month (up to this one) and a file format; the month's year needs an allowance."""

    maand = forms.RegexField(
        label=_("Maand"),
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        error_messages={
            "required": _("Kies de maand van de export."),
            "invalid": _("Kies een maand, bijvoorbeeld 2026-11."),
        },
        widget=forms.TextInput(attrs={"type": "month"}),
    )
    formaat = forms.ChoiceField(
        label=_("Bestand"),
        choices=[("csv", _("CSV (voor het salarissysteem)")), ("xlsx", _("Excel (XLSX)"))],
        initial="csv",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies CSV of Excel.")},
    )

    def clean_maand(self):
        tekst = self.cleaned_data["maand"]
        eerste = date(int(tekst[:4]), int(tekst[5:]), 1)
        if eerste > timezone.localdate():
            raise forms.ValidationError(_("Kies deze maand of een eerdere."))
        if vergoeding_per_dag(eerste.year) is None:
            raise forms.ValidationError(
                _(
                    "Voor %(jaar)s is nog geen thuiswerkvergoeding per dag ingesteld. Vraag "
                    "functioneel beheer om het bedrag toe te voegen "
                    "(THUISWERKVERGOEDING_PER_DAG)."
                )
                % {"jaar": eerste.year}
            )
        return eerste


class WieIsErForm(forms.Form):
    """The day to look at: a working day of the booking horizon."""

    datum = forms.TypedChoiceField(
        label=_("Dag"), coerce=date.fromisoformat, error_messages={"required": _("Kies een dag.")}
    )

    def __init__(self, *args, dagen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].choices = [
            (dag.isoformat(), date_format(dag, "l j F Y")) for dag in dagen
        ]
        self.fields["datum"].error_messages["invalid_choice"] = _(
            "Kies een werkdag in de komende %(dagen)s dagen."
        ) % {"dagen": horizon_dagen()}


class ZichtbaarheidForm(forms.Form):
    wie = forms.ChoiceField(
        label=_("Wie mag zien op welke dag ik op kantoor ben?"),
        choices=WieZietMij.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wie u mag zien.")},
    )
    werkplek_tonen = forms.BooleanField(
        label=_("Laat ook zien op welke werkplek ik zit"), required=False
    )


class TeamVolgenForm(forms.Form):
    team = forms.IntegerField(
        min_value=1, max_value=2**62, error_messages={"required": _("Kies een team.")}
    )


class LabelsForm(forms.Form):
    """Which desks to print: a location, one of its floors (the lowest unless another or all
    are asked for) or one of its zones (the zones of the location asked for; the view reads
    them before the form is built)."""

    locatie = forms.TypedChoiceField(
        label=_("Locatie"),
        coerce=int,
        error_messages={
            "required": _("Kies een locatie."),
            "invalid_choice": _("Deze locatie bestaat niet. Kies een locatie."),
        },
    )
    verdieping = forms.TypedChoiceField(
        label=_("Verdieping"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Kies een verdieping van deze locatie.")},
    )
    zone = forms.TypedChoiceField(
        label=_("Zone"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Een gekozen zone gaat voor de verdieping."),
        error_messages={"invalid_choice": _("Kies een zone van deze locatie.")},
    )

    def __init__(self, *args, locaties, zones, **kwargs):
        super().__init__(*args, **kwargs)
        self.locaties = {locatie.pk: locatie for locatie in locaties}
        self.zones = {zone.pk: zone for zone in zones}
        self.fields["locatie"].choices = [(loc.pk, loc.naam) for loc in locaties]
        self.fields["verdieping"].choices = [("", _("Alle verdiepingen"))] + [
            (nummer, verdieping_naam(nummer))
            for nummer in sorted({zone.verdieping for zone in zones})
        ]
        self.fields["zone"].choices = [("", _("Alle zones"))] + [
            (zone.pk, zone.naam) for zone in zones
        ]

    def clean_locatie(self):
        return self.locaties[self.cleaned_data["locatie"]]

    def clean_zone(self):
        zone_id = self.cleaned_data["zone"]
        return self.zones[zone_id] if zone_id else None

    @staticmethod
    def initial_for(locatie, zones) -> dict:
        """Unasked, the sheet shows the lowest floor: a building's desks (180 at UWV) make a
        long sheet, and labels are stuck floor by floor."""
        verdiepingen = [zone.verdieping for zone in zones]
        return {"locatie": locatie.pk, "verdieping": min(verdiepingen, default=None)}
