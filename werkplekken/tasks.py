"""Celery jobs (beat: see CELERY_BEAT_SCHEDULE). Thin: each calls one idempotent service."""

from celery import shared_task

from werkplekken.services.capaciteit import capaciteit_vastleggen
from werkplekken.services.reserveringen import no_shows_vrijgeven


@shared_task
def geef_no_shows_vrij() -> int:
    return no_shows_vrijgeven()


@shared_task
def bereken_capaciteit() -> int:
    return capaciteit_vastleggen()
