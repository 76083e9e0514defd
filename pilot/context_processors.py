from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pilot.models import Notificatie
from pilot.navigation import navigation_for


def portal(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "unread_notifications": 0}
    return {
        "nav_items": navigation_for(user, request.path),
        "unread_notifications": Notificatie.objects.filter(
            ontvanger=user, gelezen_op__isnull=True
        ).count(),
        "notifications_url": reverse("notificaties"),
        "notifications_label": _("Notificaties"),
    }
