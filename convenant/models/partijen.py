"""The parties of the convenant workflows: who someone is with respect to one record."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from pilot.workflow import SYSTEEM


class Partij(models.TextChoices):
    MEDEWERKER = "medewerker", _("medewerker")
    LEIDINGGEVENDE = "leidinggevende", _("leidinggevende")
    HR = "hr", _("HR")
    SYSTEEM = SYSTEEM, _("systeem")
