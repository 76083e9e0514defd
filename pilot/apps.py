from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PilotConfig(AppConfig):
    name = "pilot"
    verbose_name = _("Pilot en organisatie")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from pilot import registry
        from pilot.demo import build_organisation
        from pilot.middleware import session_refreshed_at_login

        user_logged_in.connect(session_refreshed_at_login, dispatch_uid="pilot-session-refresh")

        # Django's empty choice of a select ("- Select an option -") has no Dutch translation;
        # Django lets a project replace it from ready().
        from django.db.models import fields

        fields.BLANK_CHOICE_LABEL = _("- Maak een keuze -")

        registry.register_menu_item(registry.MenuItem(_("Start"), "start", order=0))
        registry.register_menu_item(
            registry.MenuItem(
                _("Organisatie-import"), "organisatie_import", frozenset({"hr"}), order=10
            )
        )
        registry.register_menu_item(
            registry.MenuItem(_("Inlogblokkades"), "inlogblokkades", frozenset({"hr"}), order=90)
        )
        # The organisation comes first: every other app's demo data builds on it.
        registry.register_demo_step(0, build_organisation)
