"""Celery tasks: take ids, call a service. The beat schedule is in pilot/settings/base.py."""

from celery import shared_task

from comite import services


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def verstuur_uitnodiging(zitting_id: int) -> bool:
    return services.uitnodiging_versturen(zitting_id)


@shared_task
def herinner_termijnen() -> int:
    return services.termijnen_herinneren()
