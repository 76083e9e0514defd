"""Who may decide on whose agreements, including a vervanger inside a delegation's range.

`beslis_scope` answers for all teams at once (two queries at most), so pages stay constant.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from convenant.models import Delegatie
from pilot.permissions import managed_team_ids, teams_led_by


@dataclass(frozen=True)
class Scope:
    """Team id → the leidinggevende on whose behalf the user decides (None: in their own name)."""

    teams: dict[int, object]

    def __bool__(self) -> bool:
        return bool(self.teams)

    def namens(self, team_id: int | None):
        return self.teams.get(team_id)

    def covers(self, team_id: int | None) -> bool:
        return team_id in self.teams


def beslis_scope(user, datum: date | None = None) -> Scope:
    if not user.is_authenticated:
        return Scope({})
    datum = datum or timezone.localdate()
    cache_key = f"_convenant_scope_{datum.isoformat()}"
    cached = getattr(user, cache_key, None)
    if cached is not None:
        return cached
    teams: dict[int, object] = {}
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
    for team_id in managed_team_ids(user):
        teams[team_id] = None
    scope = Scope(teams)
    setattr(user, cache_key, scope)
    return scope


def mag_beslissen(user, medewerker, datum: date | None = None) -> bool:
    """May the user decide, as leidinggevende, on this person's agreements? Never on one's own."""
    if medewerker.pk == user.pk:
        return False
    return beslis_scope(user, datum).covers(medewerker.team_id)


def is_beslisser(user) -> bool:
    """Does the user lead a team, or stand in for someone who does, today?"""
    return bool(beslis_scope(user))
