"""Notifications: an in-app message for the bell, and an e-mail sent by Celery after commit."""

from django.db import transaction
from django.utils import timezone

from pilot.models import Notificatie


def notify(*, recipient, subject: str, body: str = "", link: str = "") -> Notificatie:
    notification = Notificatie.objects.create(
        ontvanger=recipient, onderwerp=subject[:200], tekst=body, link=link
    )
    if recipient.email:
        from pilot.tasks import send_notification_email

        # Queue only once the row is committed: a rolled-back state change must not mail.
        transaction.on_commit(lambda: send_notification_email.delay(notification.pk))
    return notification


def mark_read(*, user, notification_id: int) -> bool:
    updated = Notificatie.objects.filter(
        pk=notification_id, ontvanger=user, gelezen_op__isnull=True
    ).update(gelezen_op=timezone.now())
    return bool(updated)


def mark_all_read(*, user) -> int:
    return Notificatie.objects.filter(ontvanger=user, gelezen_op__isnull=True).update(
        gelezen_op=timezone.now()
    )
