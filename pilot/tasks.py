from celery import shared_task
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from knox.models import AuthToken

from pilot.models import Notificatie


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_notification_email(notification_id: int) -> bool:
    """Mail one notification. Safe to run twice: a sent notification is not mailed again."""
    with transaction.atomic():
        notification = (
            Notificatie.objects.select_for_update()
            .select_related("ontvanger")
            .filter(pk=notification_id, email_verzonden_op__isnull=True)
            .first()
        )
        if notification is None or not notification.ontvanger.email:
            return False
        link = f"{settings.PORTAL_BASE_URL}{notification.link}" if notification.link else ""
        body = notification.tekst + (f"\n\n{link}" if link else "")
        send_mail(
            subject=notification.onderwerp,
            message=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[notification.ontvanger.email],
        )
        notification.email_verzonden_op = timezone.now()
        notification.save(update_fields=["email_verzonden_op"])
    return True


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
