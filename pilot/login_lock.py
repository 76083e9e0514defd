"""Login lock: per account and address first, the whole account only after many more failures.

django-axes counts failed logins per username + address (AXES_LOCKOUT_PARAMETERS). This handler
adds the account-wide count: once all addresses together reach ACCOUNT_LOCK_FAILURE_LIMIT within
the cool-off, the account is locked everywhere — a guessing campaign spread over many addresses
stops — and HR can lift it (`unlock`) for the person who then cannot log in.
"""

from dataclasses import dataclass
from datetime import datetime

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Count, Max, Sum
from django.utils import timezone

from pilot import audit


class AccountLockHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        # Axes locks when this reaches AXES_FAILURE_LIMIT: the count from this address, raised
        # to the limit itself once the account as a whole is past its own, higher limit.
        from_this_address = super().get_failures(request, credentials)
        username = get_client_username(request, credentials)
        if not username:
            return from_this_address
        all_addresses = (
            AccessAttempt.objects.filter(
                username=username, attempt_time__gte=get_cool_off_threshold(request)
            ).aggregate(total=Sum("failures_since_start"))["total"]
            or 0
        )
        if all_addresses >= settings.ACCOUNT_LOCK_FAILURE_LIMIT:
            return max(from_this_address, get_failure_limit(request, credentials))
        return from_this_address


@dataclass(frozen=True)
class Inlogblokkade:
    gebruikersnaam: str
    mislukte_pogingen: int
    adressen: int
    laatste_poging: datetime
    hele_account: bool


def recent_failures() -> list[Inlogblokkade]:
    """Accounts with failed logins inside the cool-off, most failures first."""
    threshold = timezone.now() - settings.AXES_COOLOFF_TIME
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=threshold)
        .values("username")
        .annotate(
            pogingen=Sum("failures_since_start"),
            adressen=Count("ip_address", distinct=True),
            laatste=Max("attempt_time"),
        )
        .order_by("-pogingen", "username")
    )
    return [
        Inlogblokkade(
            gebruikersnaam=row["username"],
            mislukte_pogingen=row["pogingen"],
            adressen=row["adressen"],
            laatste_poging=row["laatste"],
            hele_account=row["pogingen"] >= settings.ACCOUNT_LOCK_FAILURE_LIMIT,
        )
        for row in rows
    ]


def unlock(*, actor, username: str) -> int:
    """Forget every failed login of the account, from every address; recorded in the audit log."""
    removed = reset(username=username)
    audit.record(
        actor=actor,
        action="inlogblokkade.opheffen",
        object_label=username,
        note=f"{removed} registraties van mislukte pogingen verwijderd",
    )
    return removed
