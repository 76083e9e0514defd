from celery import shared_task
from django.contrib.sessions.models import Session
from django.utils import timezone
from knox.models import AuthToken

from pilot.notifications import notification_email_send


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_notification_email(notification_id: int) -> bool:
    """Thin: the service claims, sends and, on failure, releases for the retry."""
    return notification_email_send(notification_id=notification_id)


@shared_task
def clear_expired_sessions() -> int:
    """Idle sessions expire; their rows go too, so a stolen cookie is worth nothing later."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted


@shared_task
def clear_expired_api_tokens() -> int:
    """Expired API tokens open nothing; their rows go too, as knox removes them only on use."""
    deleted, _ = AuthToken.objects.filter(expiry__lt=timezone.now()).delete()
    return deleted
