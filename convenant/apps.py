from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConvenantConfig(AppConfig):
    name = "convenant"
    verbose_name = _("Afspraken en uitzonderingen")
