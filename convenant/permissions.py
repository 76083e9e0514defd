"""Who may see and do what in the convenant app: one place for every rule.

Per object type there is one fetch-and-authorise helper (`afspraak_for`, `uitzondering_for`,
`delegatie_for`, `team_for_plan`, `lid_for_voorstel`): an object the user may not see is a
404. Per workflow there is one party helper (`afspraak_partij`, `uitzondering_partij`): what
the user *is* for that record (its medewerker, their leidinggevende, HR), which the workflow
table then checks against the action (wrong party: 403). Views, the API, services and jobs
call these; none restates a rule.

`beslis_scope` answers for all teams at once (two queries at most), so pages stay constant.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from convenant.models import Afspraak, Categorie, Delegatie, Partij, Status, Uitzondering
from pilot.models import Team
from pilot.permissions import has_role, managed_team_ids, teams_led_by
from pilot.workflow import Party

# --- deciding as leidinggevende (or vervanger) ---------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Team id → the leidinggevende on whose behalf the user decides (None: in their own name).

    `excluded`: people in those teams the user never decides for: the user, and a delegator,
    whose own records a delegation does not hand over (nobody decides about themselves, not
    even through a deputy).
    """

    teams: dict[int, object]
    excluded: frozenset[int] = frozenset()
    # The delegations the user holds today (with their leidinggevende), for pages to name.
    delegaties: tuple = ()

    def __bool__(self) -> bool:
        return bool(self.teams)

    def namens(self, team_id: int | None):
        return self.teams.get(team_id)

    def covers(self, team_id: int | None) -> bool:
        return team_id in self.teams

    def decides_for(self, person) -> bool:
        return self.covers(person.team_id) and person.pk not in self.excluded

    def people(self) -> Q:
        """The people the user decides for, as a filter on the person model."""
        return Q(team_id__in=list(self.teams)) & ~Q(pk__in=list(self.excluded))

    def records(self, field: str = "medewerker") -> Q:
        """The records (by their person `field`) of the people the user decides for."""
        return Q(**{f"{field}__team_id__in": list(self.teams)}) & ~Q(
            **{f"{field}_id__in": list(self.excluded)}
        )


def beslis_scope(user, datum: date | None = None) -> Scope:
    if not user.is_authenticated:
        return Scope({})
    datum = datum or timezone.localdate()
    cache_key = f"_convenant_scope_{datum.isoformat()}"
    cached = getattr(user, cache_key, None)
    if cached is not None:
        return cached
    teams: dict[int, object] = {}
    excluded = {user.pk}
    delegaties = list(
        Delegatie.objects.actief_op(datum)
        .filter(vervanger=user)
        .select_related("leidinggevende")
        .order_by("pk")
    )
    if delegaties:
        tree = teams_led_by({d.leidinggevende_id for d in delegaties})
        for delegatie in delegaties:
            for team_id in tree.get(delegatie.leidinggevende_id, ()):
                teams.setdefault(team_id, delegatie.leidinggevende)
    # Own teams last: deciding in one's own name wins over a delegation for the same team.
    own = managed_team_ids(user)
    for team_id in own:
        teams[team_id] = None
    # A delegator's own records stay out of the delegation (unless the user is above them).
    excluded.update(d.leidinggevende_id for d in delegaties if d.leidinggevende.team_id not in own)
    scope = Scope(teams, frozenset(excluded), tuple(delegaties))
    setattr(user, cache_key, scope)
    return scope


def is_beslisser(user) -> bool:
    """Does the user lead a team, or stand in for someone who does, today?"""
    return bool(beslis_scope(user))


def _beslisser_partij(user, medewerker) -> tuple[set[str], object]:
    """({leidinggevende} and on whose behalf) when the user decides for this person; never for
    themselves."""
    scope = beslis_scope(user)
    if not scope.decides_for(medewerker):
        return set(), None
    return {Partij.LEIDINGGEVENDE}, scope.namens(medewerker.team_id)


# --- agreements ----------------------------------------------------------------------------


def zichtbare_afspraken(user):
    """The user's own versions, and those of the people they decide for — except a concept.

    A concept is the employee's private draft (its considerations may be medical or social):
    until it is submitted it does not exist for anyone else, the leidinggevende included.
    """
    # The people first (a short list, via the team index), then their versions (via the
    # person index): the cost follows the user's span, not the size of the organisation.
    mensen = get_user_model().objects.filter(Q(pk=user.pk) | beslis_scope(user).people())
    return (
        Afspraak.objects.filter(medewerker_id__in=mensen.values("pk"))
        .exclude(Q(status=Status.CONCEPT) & ~Q(medewerker=user))
        .select_related(
            "medewerker__team",
            "periode",
            "leidinggevende",
            "opgesteld_door",
            "locatie",
            "tegenvoorstel_locatie",
        )
    )


def afspraak_for(user, pk: int) -> Afspraak:
    return get_object_or_404(zichtbare_afspraken(user), pk=pk)


def afspraak_partij(user, afspraak: Afspraak) -> Party:
    roles, namens = _beslisser_partij(user, afspraak.medewerker)
    if afspraak.medewerker_id == user.pk:
        roles.add(Partij.MEDEWERKER)
    return Party(user=user, roles=frozenset(roles), on_behalf_of=namens)


def lid_for_voorstel(user, pk: int):
    """A member the user may start a proposal for (as leidinggevende or vervanger), else 404."""
    member = get_object_or_404(
        get_user_model().objects.select_related("team"), pk=pk, is_active=True
    )
    if not _beslisser_partij(user, member)[0]:
        raise Http404
    return member


def voorstel_partij(user, medewerker) -> Party:
    """The party of someone starting a proposal for `medewerker` (no version exists yet)."""
    roles, namens = _beslisser_partij(user, medewerker)
    if medewerker.pk == user.pk:
        roles.add(Partij.MEDEWERKER)
    return Party(user=user, roles=frozenset(roles), on_behalf_of=namens)


# --- exemptions ----------------------------------------------------------------------------

# Others who may read an exemption's details and evidence, e.g. the comité panel of a case
# about it: callables (user, uitzondering) -> bool that apps add from AppConfig.ready().
DOSSIER_LEZERS: list[Callable] = []


def zichtbare_uitzonderingen(user):
    """The employee, the leidinggevende of the team (incl. sub-teams and an active vervanger)
    and HR see an exemption; for anyone else it does not exist."""
    if not user.is_authenticated:
        return Uitzondering.objects.none()
    queryset = Uitzondering.objects.all()
    if not has_role(user, "hr"):  # HR verifies and reads evidence: it sees every exemption
        mensen = get_user_model().objects.filter(Q(pk=user.pk) | beslis_scope(user).people())
        queryset = queryset.filter(medewerker_id__in=mensen.values("pk"))
    return queryset.select_related("medewerker__team", "geverifieerd_door", "besloten_door")


def mag_details_zien(user, uitzondering: Uitzondering) -> bool:
    """May the user read what the employee wrote and declared: the explanation, whether a
    bedrijfsarts advised it and the mantelzorg hours? The employee and HR may, and those an
    app adds to DOSSIER_LEZERS. A leidinggevende or vervanger decides on category, days and
    period only (DESIGN §2) — except for category `overig`, where the explanation is the ground
    for the decision (the form tells the employee so before they type)."""
    if not user.is_authenticated:
        return False
    if mag_bewijsstuk_zien(user, uitzondering):
        return True
    return uitzondering.categorie == Categorie.OVERIG and beslis_scope(user).decides_for(
        uitzondering.medewerker
    )


def mag_bewijsstuk_zien(user, uitzondering: Uitzondering) -> bool:
    """The evidence document: the employee, HR and DOSSIER_LEZERS. Never the leidinggevende."""
    if not user.is_authenticated:
        return False
    if uitzondering.medewerker_id == user.pk or has_role(user, "hr"):
        return True
    return any(lezer(user, uitzondering) for lezer in DOSSIER_LEZERS)


def uitzondering_for(user, pk: int, *, purpose: str = "zien") -> Uitzondering:
    """The exemption, or 404. `purpose="bewijsstuk"`: only with evidence the user may read."""
    uitzondering = get_object_or_404(zichtbare_uitzonderingen(user), pk=pk)
    if purpose == "bewijsstuk" and not (
        uitzondering.bewijsstuk and mag_bewijsstuk_zien(user, uitzondering)
    ):
        raise Http404
    return uitzondering


def uitzondering_partij(user, uitzondering: Uitzondering) -> Party:
    roles, namens = _beslisser_partij(user, uitzondering.medewerker)
    if uitzondering.medewerker_id == user.pk:
        roles.add(Partij.MEDEWERKER)
    elif has_role(user, "hr"):
        roles.add(Partij.HR)
    return Party(user=user, roles=frozenset(roles), on_behalf_of=namens)


# --- delegations and team plans ------------------------------------------------------------


def eigen_delegaties(user):
    return Delegatie.objects.filter(leidinggevende=user).select_related("vervanger")


def delegatie_for(user, pk: int) -> Delegatie:
    return get_object_or_404(eigen_delegaties(user), pk=pk)


def mag_delegeren(user) -> bool:
    return bool(managed_team_ids(user))


def team_for_plan(user, team_pk: int) -> tuple[Team, bool]:
    """The team and whether the user sees the full plan (leidinggevende) or names and days only."""
    team = get_object_or_404(Team, pk=team_pk)
    if beslis_scope(user).covers(team.pk):
        return team, True
    if user.team_id == team.pk:
        return team, False
    raise Http404


def mag_teamplan_vaststellen(user, team: Team) -> bool:
    return beslis_scope(user).covers(team.pk)
