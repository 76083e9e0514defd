"""The secret calendar address of one's own reservations: create or renew, and revoke.

The token is shown once, when it is made, and only its SHA-256 is stored — as for API tokens and
password-reset links. Deriving the address from a stored secret instead would let anyone with a
copy of the database open every feed, and would tie the feeds to the SECRET_KEY. The token has 256
random bits, so a plain (unsalted, fast) hash is enough: there is nothing to guess.
"""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from pilot import audit
from werkplekken.models import Agendakoppeling


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def agendakoppeling_maken(*, actor) -> str:
    """A new token for the person's feed; any earlier address stops working. Returns the token."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        _koppeling, created = Agendakoppeling.objects.update_or_create(
            medewerker=actor,
            defaults={"digest": token_digest(token), "aangemaakt_op": timezone.now()},
        )
        audit.record(
            actor=actor,
            action="agenda.gemaakt" if created else "agenda.vernieuwd",
            object_label=actor.naam,
        )
    return token


def agendakoppeling_intrekken(*, actor) -> bool:
    with transaction.atomic():
        deleted, _rows = Agendakoppeling.objects.filter(medewerker=actor).delete()
        if deleted:
            audit.record(actor=actor, action="agenda.ingetrokken", object_label=actor.naam)
    return bool(deleted)
