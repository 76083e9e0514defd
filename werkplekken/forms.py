"""Forms parse what people type; the rules themselves live in the services."""

from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from werkplekken.models import Dagdeel, Reden, Soort, WieZietMij
from werkplekken.rules import horizon_dagen
from werkplekken.selectors.reserveringen import kenmerk_labels


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ZoekForm(forms.Form):
    """Location, date, dagdeel and features: what the booking page shows."""

    locatie = forms.TypedChoiceField(label=_("Locatie"), coerce=int)
    datum = forms.DateField(label=_("Datum"), widget=DatumInput())
    dagdeel = forms.ChoiceField(label=_("Dagdeel"), choices=Dagdeel.choices)
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
    werkplek = forms.IntegerField(min_value=1, max_value=2**62)
    datum = forms.DateField()
    dagdeel = forms.ChoiceField(choices=Dagdeel.choices)


class AfwezigForm(forms.Form):
    van = forms.DateField(label=_("Afwezig van"), widget=DatumInput())
    tot = forms.DateField(label=_("tot en met"), widget=DatumInput())


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
    team = forms.TypedChoiceField(label=_("Team"), coerce=int)
    datum = forms.DateField(label=_("Teamdag"), widget=DatumInput())

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.teams = {team.pk: team for team in teams}
        self.fields["team"].choices = [(team.pk, team.naam) for team in teams]

    def clean_team(self):
        return self.teams[self.cleaned_data["team"]]


class WieIsErForm(forms.Form):
    """The day to look at: a working day of the booking horizon."""

    datum = forms.TypedChoiceField(label=_("Dag"), coerce=date.fromisoformat)

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
    team = forms.IntegerField(min_value=1, max_value=2**62)


class LabelsForm(forms.Form):
    """Which desks to print: a location, optionally one of its zones (those of the location
    asked for; the view reads them before the form is built)."""

    locatie = forms.TypedChoiceField(
        label=_("Locatie"),
        coerce=int,
        error_messages={"invalid_choice": _("Deze locatie bestaat niet. Kies een locatie.")},
    )
    zone = forms.TypedChoiceField(
        label=_("Zone"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Kies een zone van deze locatie.")},
    )

    def __init__(self, *args, locaties, zones, **kwargs):
        super().__init__(*args, **kwargs)
        self.locaties = {locatie.pk: locatie for locatie in locaties}
        self.zones = {zone.pk: zone for zone in zones}
        self.fields["locatie"].choices = [(loc.pk, loc.naam) for loc in locaties]
        self.fields["zone"].choices = [("", _("Alle zones"))] + [
            (zone.pk, zone.naam) for zone in zones
        ]

    def clean_locatie(self):
        return self.locaties[self.cleaned_data["locatie"]]

    def clean_zone(self):
        zone_id = self.cleaned_data["zone"]
        return self.zones[zone_id] if zone_id else None
