"""Notifications: an in-app message for the bell, and an e-mail sent by Celery after commit."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from pilot.audit import current_actor_id
from pilot.models import Notificatie


def notify(*, recipient, subject: str, body: str = "", link: str = "") -> Notificatie | None:
    """A message for `recipient`; none when they are the one acting (nobody is told of their own
    action)."""
    if recipient.pk is not None and recipient.pk == current_actor_id():
        return None
    notification = Notificatie.objects.create(
        ontvanger=recipient, onderwerp=subject[:200], tekst=body, link=link
    )
    if recipient.email:
        from pilot.tasks import send_notification_email  # the task module imports this one

        # Queue only once the row is committed: a rolled-back state change must not mail.
        transaction.on_commit(lambda: send_notification_email.delay(notification.pk))
    return notification


def mark_read(*, user, notification_id: int) -> bool:
    updated = Notificatie.objects.filter(
        pk=notification_id, ontvanger=user, gelezen_op__isnull=True
    ).update(gelezen_op=timezone.now())
    return bool(updated)


def mark_read_for_link(*, user, link: str) -> int:
    """Opening what a notification points to reads it."""
    return Notificatie.objects.filter(ontvanger=user, link=link, gelezen_op__isnull=True).update(
        gelezen_op=timezone.now()
    )


def mark_all_read(*, user) -> int:
    return Notificatie.objects.filter(ontvanger=user, gelezen_op__isnull=True).update(
        gelezen_op=timezone.now()
    )


def notification_email_send(*, notification_id: int) -> bool:
    """Mail one notification; never twice, and without holding a lock while SMTP answers.

    The row is claimed by one UPDATE that stamps it only while it is unstamped: a second run,
    or a second worker, finds nothing to claim. If sending fails the claim is released, so
    the task's retry can send it later.
    """
    claimed_at = timezone.now()
    claimed = Notificatie.objects.filter(
        pk=notification_id, email_verzonden_op__isnull=True, ontvanger__email__gt=""
    ).update(email_verzonden_op=claimed_at)
    if not claimed:
        return False
    notification = Notificatie.objects.select_related("ontvanger").get(pk=notification_id)
    link = f"{settings.PORTAL_BASE_URL}{notification.link}" if notification.link else ""
    try:
        send_mail(
            subject=notification.onderwerp,
            message=notification.tekst + (f"\n\n{link}" if link else ""),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[notification.ontvanger.email],
        )
    except BaseException:
        Notificatie.objects.filter(pk=notification_id, email_verzonden_op=claimed_at).update(
            email_verzonden_op=None
        )
        raise
    return True
