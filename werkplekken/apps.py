from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WerkplekkenConfig(AppConfig):
    name = "werkplekken"
    verbose_name = _("Werkplekken")
