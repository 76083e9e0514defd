"""Celery jobs (beat: see CELERY_BEAT_SCHEDULE). Thin: each calls one idempotent service."""

from celery import shared_task

from convenant import services


@shared_task
def herinner_openstaande_voorstellen() -> dict[str, int]:
    return services.afspraken_herinneren()


@shared_task
def laat_verlopen_afspraken_vervallen() -> int:
    return services.afspraken_verlopen()


@shared_task
def laat_uitzonderingen_verlopen() -> dict[str, int]:
    return services.uitzonderingen_verlopen()
