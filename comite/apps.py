from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComiteConfig(AppConfig):
    name = "comite"
    verbose_name = _("Adviserend comité")
