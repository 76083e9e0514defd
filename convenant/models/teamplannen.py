"""Team plans: the week pattern of a team, set (vastgesteld) as versions."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from convenant.models.afspraken import WEEKDAG_NAMEN
from convenant.validators import MAX_TEKST, validate_weekdagen


class Teamplan(models.Model):
    """A version of a team's week pattern, set (vastgesteld) by the leidinggevende.

    `bezetting` keeps the pattern as it was at that moment: {"1": ["naam", …], …}.
    """

    team = models.ForeignKey(
        "pilot.Team", verbose_name=_("team"), on_delete=models.CASCADE, related_name="teamplannen"
    )
    versie = models.PositiveIntegerField(_("versie"))
    teamdagen = models.JSONField(
        _("teamdagen"), default=list, blank=True, validators=[validate_weekdagen]
    )
    bezetting = models.JSONField(_("bezetting"), default=dict, blank=True)
    teamgrootte = models.PositiveIntegerField(_("teamgrootte"), default=0)
    toelichting = models.TextField(
        _("toelichting"), blank=True, validators=[MaxLengthValidator(MAX_TEKST)]
    )
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgesteld door"),
        null=True,
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
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), auto_now_add=True)

    class Meta:
        ordering = ["team_id", "-versie"]
        verbose_name = _("teamplan")
        verbose_name_plural = _("teamplannen")
        constraints = [
            models.UniqueConstraint(fields=["team", "versie"], name="teamplan_versie_uniek")
        ]

    def __str__(self) -> str:
        return _("Teamplan %(team)s, versie %(versie)s") % {
            "team": self.team.naam,
            "versie": self.versie,
        }

    @property
    def teamdagen_namen(self) -> list[str]:
        return [str(WEEKDAG_NAMEN[day]) for day in sorted(self.teamdagen)]
