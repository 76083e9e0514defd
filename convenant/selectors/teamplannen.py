"""Reads for the team plan: the week pattern from the members' agreed agreements."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from convenant.models import WEEKDAG_NAMEN, Afspraak, Teamplan
from convenant.permissions import beslis_scope, team_for_plan
from convenant.streefnorm import streefnorm_dagen
from pilot.models import Team


@dataclass
class Dag:
    weekdag: int
    naam: str
    aanwezig: list[str]
    percentage: int
    # Only on a team day: fewer than half of the members with office days are in. An ordinary
    # day with few people is normal (two days of five), so it raises no signal.
    weinig: bool
    teamdag: bool
    # Members whose agreement has office days: whom a team day could bring together.
    met_kantoordagen: int = 0

    @property
    def aantal(self) -> int:
        return len(self.aanwezig)

    @property
    def dekking(self) -> str:
        """'op de teamdag dinsdag: 1 van 10 op kantoor' (only for a team day)."""
        if not self.teamdag:
            return ""
        return _("op de teamdag %(dag)s: %(aantal)s van %(van)s op kantoor") % {
            "dag": self.naam,
            "aantal": self.aantal,
            "van": self.met_kantoordagen,
        }


@dataclass
class LidRegel:
    naam: str
    afspraak: Afspraak | None
    norm: Decimal  # the streefnorm in days


@dataclass
class TeamplanOverzicht:
    team: Team
    datum: date
    teamgrootte: int
    dagen: list[Dag]
    # Agreed office days but no weekdays chosen: on no day above, so named apart.
    zonder_vaste_dagen: list[str]
    volledig: bool
    leden: list[LidRegel] = field(default_factory=list)
    versies: list[Teamplan] = field(default_factory=list)

    met_kantoordagen: int = 0

    @property
    def vastgesteld(self) -> Teamplan | None:
        return self.versies[0] if self.versies else None

    @property
    def teamdagen(self) -> list[Dag]:
        return [dag for dag in self.dagen if dag.teamdag]


def teams_met_plan(user) -> list[Team]:
    """Teams whose plan the user may open: their own team and every team they decide for."""
    ids = set(beslis_scope(user).teams)
    if user.team_id:
        ids.add(user.team_id)
    return list(Team.objects.filter(pk__in=ids).order_by("naam"))


def teams_met_laatste_plan(user):
    """The teams whose plan the user may open, each with its latest set version and team days."""
    ids = [team.pk for team in teams_met_plan(user)]
    latest = Teamplan.objects.filter(team=OuterRef("pk")).order_by("-versie")
    return (
        Team.objects.filter(pk__in=ids)
        .annotate(
            vastgestelde_versie=Subquery(latest.values("versie")[:1]),
            teamdagen=Subquery(latest.values("teamdagen")[:1]),
        )
        .order_by("naam")
    )


def teamplan(team: Team, datum: date, *, volledig: bool) -> TeamplanOverzicht:
    leden = list(team.leden.filter(is_active=True).order_by("last_name", "first_name", "pk"))
    afspraken = {
        a.medewerker_id: a for a in Afspraak.objects.akkoord_op(datum).filter(medewerker__team=team)
    }
    versies = list(
        Teamplan.objects.filter(team=team).select_related("vastgesteld_door", "namens")[:10]
    )
    teamdagen = set(versies[0].teamdagen) if versies else set()
    per_dag: dict[int, list[str]] = {day: [] for day in WEEKDAG_NAMEN}
    zonder: list[str] = []
    met_kantoordagen = 0
    for lid in leden:
        afspraak = afspraken.get(lid.pk)
        if afspraak is None or not afspraak.kantoordagen:
            continue
        met_kantoordagen += 1
        if not afspraak.voorkeursdagen:
            zonder.append(lid.naam)
        for day in afspraak.voorkeursdagen:
            per_dag[day].append(lid.naam)
    grootte = len(leden)
    dagen = []
    for day, namen in per_dag.items():
        percentage = round(100 * len(namen) / grootte) if grootte else 0
        teamdag = day in teamdagen
        dagen.append(
            Dag(
                weekdag=day,
                naam=str(WEEKDAG_NAMEN[day]),
                aanwezig=namen,
                percentage=percentage,
                weinig=teamdag and 2 * len(namen) < met_kantoordagen,
                teamdag=teamdag,
                met_kantoordagen=met_kantoordagen,
            )
        )
    overzicht = TeamplanOverzicht(
        team=team,
        datum=datum,
        teamgrootte=grootte,
        dagen=dagen,
        zonder_vaste_dagen=zonder,
        volledig=volledig,
        met_kantoordagen=met_kantoordagen,
    )
    if volledig:
        normen = streefnorm_dagen(leden, datum)
        overzicht.leden = [
            LidRegel(lid.naam, afspraken.get(lid.pk), normen[lid.pk]) for lid in leden
        ]
        overzicht.versies = versies
    return overzicht


@dataclass
class TeamplanPagina:
    teams: list[Team]
    team: Team | None
    volledig: bool
    overzicht: TeamplanOverzicht | None


def teamplan_pagina(user, team_pk: int | None, datum: date) -> TeamplanPagina:
    """The plan of `team_pk` (authorised: else 404); without one, the first team the user
    leads, or else their own team."""
    teams = teams_met_plan(user)
    if team_pk is None:
        scope = beslis_scope(user)
        led = [team.pk for team in teams if scope.covers(team.pk)]
        team_pk = led[0] if led else user.team_id
    if team_pk is None:
        return TeamplanPagina(teams, None, False, None)
    team, volledig = team_for_plan(user, team_pk)
    return TeamplanPagina(teams, team, volledig, teamplan(team, datum, volledig=volledig))
