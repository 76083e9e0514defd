"""Notifications: an in-app message for the bell, and an e-mail sent by Celery after commit.

Text is rendered once, when the notification is made, in the recipient's own language (not the
actor's): the bell and the e-mail then say the same thing, and a stored message stays readable
even after its source text changes in a later release. A caller passes the subject and body as
functions that build the text, so they run under the recipient's language.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation

from pilot.audit import current_actor_id
from pilot.language import language_of
from pilot.models import Notificatie

Text = str | Callable[[], str]


def _render(text: Text) -> str:
    return text() if callable(text) else str(text)


def notify(*, recipient, subject: Text, body: Text = "", link: str = "") -> Notificatie | None:
    """A message for `recipient`; none when they are the one acting (nobody is told of their own
    action). `subject` and `body` are built in the recipient's language; plain strings (what a
    person typed) are kept as they are."""
    if recipient.pk is not None and recipient.pk == current_actor_id():
        return None
    with translation.override(language_of(recipient)):
        subject, body = _render(subject), _render(body)
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
