from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One line of the timeline: who did what to which object, with which outcome.

    Written by pilot.audit.record() from every service; never edited afterwards.
    """

    class Resultaat(models.TextChoices):
        GELUKT = "gelukt", _("gelukt")
        GEWEIGERD = "geweigerd", _("geweigerd")
        MISLUKT = "mislukt", _("mislukt")

    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    namens = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("namens"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actie = models.CharField(_("actie"), max_length=100)
    object_type = models.CharField(_("objecttype"), max_length=100, blank=True)
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    object_omschrijving = models.CharField(_("object"), max_length=255)
    van_status = models.CharField(_("van status"), max_length=40, blank=True)
    naar_status = models.CharField(_("naar status"), max_length=40, blank=True)
    resultaat = models.CharField(
        _("resultaat"), max_length=20, choices=Resultaat.choices, default=Resultaat.GELUKT
    )
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    notitie = models.TextField(_("notitie"), blank=True)

    class Meta:
        ordering = ["-tijdstip", "-pk"]
        verbose_name = _("tijdlijnregel")
        verbose_name_plural = _("tijdlijn")
        indexes = [models.Index(fields=["object_type", "object_id", "tijdstip"])]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.actie} {self.object_omschrijving}"
