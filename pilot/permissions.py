"""Who holds which role, and which teams a person leads. Every app asks here."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

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
    """For each leader: the teams they lead and every team below them, in one query."""
    # The whole tree at once: 1 500 teams at UWV scale are a few kilobytes.
    rows = list(Team.objects.values_list("pk", "bovenliggend_team_id", "leidinggevende_id"))
    children: dict[int | None, list[int]] = {}
    for pk, parent_id, _leader in rows:
        children.setdefault(parent_id, []).append(pk)
    result = {}
    for leader_id in leader_ids:
        found: set[int] = set()
        stack = [pk for pk, _parent, leader in rows if leader == leader_id]
        while stack:
            pk = stack.pop()
            if pk not in found:
                found.add(pk)
                stack.extend(children.get(pk, []))
        result[leader_id] = frozenset(found)
    return result


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
