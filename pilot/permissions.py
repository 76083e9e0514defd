"""Who holds which role, and which teams a person leads. Every app asks here."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import connection

from pilot.models import Rol, Team

MEDEWERKER = "medewerker"
LEIDINGGEVENDE = "leidinggevende"


def roles_of(user) -> frozenset[str]:
    """All roles of a user, computed once per request object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        granted = set(user.roltoewijzingen.values_list("rol", flat=True))
        granted.add(MEDEWERKER)
        if managed_team_ids(user):
            granted.add(LEIDINGGEVENDE)
        cached = frozenset(granted)
        user._portal_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user).intersection(roles))


def managed_team_ids(user) -> frozenset[int]:
    """Teams the user leads, and every team below them (an afdelingshoofd sees sub-teams)."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_portal_managed_team_ids", None)
    if cached is None:
        cached = teams_led_by({user.pk})[user.pk]
        user._portal_managed_team_ids = cached
    return cached


def teams_led_by(leader_ids: set[int]) -> dict[int, frozenset[int]]:
    """For each leader: the teams they lead and every team below them, in one query.

    A recursive query walks down from the teams each leader leads, so only their subtrees are
    read: for most people, who lead nothing, it returns no rows at all.
    """
    result: dict[int, set[int]] = {leader_id: set() for leader_id in leader_ids}
    if not leader_ids:
        return {}
    table = connection.ops.quote_name(Team._meta.db_table)
    placeholders = ", ".join(["%s"] * len(leader_ids))
    sql = f"""
        WITH RECURSIVE subtree(leader_id, team_id) AS (
            SELECT leidinggevende_id, id FROM {table} WHERE leidinggevende_id IN ({placeholders})
            UNION
            SELECT subtree.leader_id, child.id
            FROM {table} AS child JOIN subtree ON child.bovenliggend_team_id = subtree.team_id
        )
        SELECT leader_id, team_id FROM subtree
    """  # noqa: S608 - only the quoted table name and placeholders are interpolated.
    with connection.cursor() as cursor:
        cursor.execute(sql, list(leader_ids))
        for leader_id, team_id in cursor.fetchall():
            result[leader_id].add(team_id)
    return {leader_id: frozenset(teams) for leader_id, teams in result.items()}


def role_required(*roles: str):
    """View decorator: anonymous users go to the login page, users without the role get 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


__all__ = [
    "LEIDINGGEVENDE",
    "MEDEWERKER",
    "Rol",
    "has_role",
    "managed_team_ids",
    "roles_of",
    "teams_led_by",
]
