"""A leidinggevende hands the decisions to a vervanger for a date range."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pilot.dates import in_sentence


class DelegatieQuerySet(models.QuerySet):
    def actief_op(self, day: date) -> "DelegatieQuerySet":
        return self.filter(startdatum__lte=day, einddatum__gte=day, ingetrokken_op__isnull=True)


class Delegatie(models.Model):
    """A leidinggevende hands the decisions to a vervanger for a date range."""

    leidinggevende = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leidinggevende"),
        on_delete=models.CASCADE,
        related_name="gegeven_delegaties",
    )
    vervanger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vervanger"),
        on_delete=models.CASCADE,
        related_name="ontvangen_delegaties",
    )
    startdatum = models.DateField(_("van"))
    einddatum = models.DateField(_("tot en met"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    objects = DelegatieQuerySet.as_manager()

    class Meta:
        ordering = ["-startdatum", "-pk"]
        verbose_name = _("delegatie")
        verbose_name_plural = _("delegaties")
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__gte=models.F("startdatum")),
                name="delegatie_einde_na_start",
            ),
            models.CheckConstraint(
                condition=~Q(vervanger=models.F("leidinggevende")),
                name="delegatie_niet_aan_zichzelf",
            ),
        ]

    def __str__(self) -> str:
        return _("%(van)s → %(naar)s, %(start)s t/m %(eind)s") % {
            "van": self.leidinggevende.naam,
            "naar": self.vervanger.naam,
            "start": in_sentence(self.startdatum),
            "eind": in_sentence(self.einddatum),
        }
