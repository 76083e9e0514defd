"""Forms parse what people type; the rules themselves live in the services."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkplekken.models import Dagdeel, Reden, Soort
from werkplekken.selectors.reserveringen import kenmerk_labels


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
    werkplek = forms.IntegerField(
        min_value=1, max_value=2**62, error_messages={"required": _("Kies een werkplek.")}
    )
    datum = forms.DateField(error_messages={"required": _("Kies een datum.")})
    dagdeel = forms.ChoiceField(
        choices=Dagdeel.choices, error_messages={"required": _("Kies een dagdeel.")}
    )


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
