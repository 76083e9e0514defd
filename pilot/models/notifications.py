from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificatieQuerySet(models.QuerySet):
    def ongelezen(self):
        return self.filter(gelezen_op__isnull=True)


class Notificatie(models.Model):
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notificaties"
    )
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    tekst = models.TextField(_("tekst"), blank=True)
    link = models.CharField(_("link"), max_length=500, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gelezen_op = models.DateTimeField(_("gelezen op"), null=True, blank=True)
    email_verzonden_op = models.DateTimeField(_("e-mail verzonden op"), null=True, blank=True)

    objects = NotificatieQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = _("notificatie")
        verbose_name_plural = _("notificaties")
        indexes = [models.Index(fields=["ontvanger", "gelezen_op"])]

    def __str__(self) -> str:
        return self.onderwerp
