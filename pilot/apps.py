from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PilotConfig(AppConfig):
    name = "pilot"
    verbose_name = _("Pilot en organisatie")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from pilot.middleware import session_refreshed_at_login

        user_logged_in.connect(session_refreshed_at_login, dispatch_uid="pilot-session-refresh")
