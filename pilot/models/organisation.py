from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Afdeling(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    naam = models.CharField(_("naam"), max_length=200)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelingen")

    def __str__(self) -> str:
        return self.naam


class Team(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    afdeling = models.ForeignKey(
        Afdeling, verbose_name=_("afdeling"), on_delete=models.PROTECT, related_name="teams"
    )
    bovenliggend_team = models.ForeignKey(
        "self",
        verbose_name=_("bovenliggend team"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subteams",
    )
    leidinggevende = models.ForeignKey(
        "pilot.Medewerker",
        verbose_name=_("leidinggevende"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="geleide_teams",
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.CheckConstraint(
                condition=~Q(bovenliggend_team=models.F("pk")), name="team_not_own_parent"
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Medewerker(AbstractUser):
    """A person working at UWV. Every portal user is one; roles come on top."""

    personeelsnummer = models.CharField(_("personeelsnummer"), max_length=20, unique=True)
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leden",
    )
    contracturen = models.DecimalField(
        _("contracturen per week"),
        max_digits=4,
        decimal_places=1,
        default=36,
        validators=[MinValueValidator(0), MaxValueValidator(40)],
    )
    hybride_functie = models.BooleanField(
        _("hybride functie"),
        default=True,
        help_text=_("Uit voor functies die niet hybride kunnen: zij vallen buiten de norm."),
    )
    mag_vervangen = models.BooleanField(
        _("mag vervangen"),
        default=False,
        help_text=_(
            "Mag als vervanger van een leidinggevende beslissen, ook zonder zelf een team te "
            "leiden (bijvoorbeeld een teamcoördinator)."
        ),
    )
    # The language chosen with the language switch, kept on the person (not only in a cookie) so
    # that notifications and e-mails caused by someone else's action reach them in it.
    taal = models.CharField(
        _("taal"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    is_demo = models.BooleanField(_("demogegevens"), default=False, editable=False)

    objects = UserManager()

    REQUIRED_FIELDS = ["email", "personeelsnummer"]

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        return self.get_full_name() or self.username

    def leidinggevende(self) -> "Medewerker | None":
        """The person's leidinggevende: the leader of their team, or, when they lead that team
        themselves (or it has no active leader), the leader of the nearest team above. Never
        the person themselves; None when no one is above (HR must then fix the organisation)."""
        team = self.team
        seen: set[int] = set()
        while team is not None and team.pk not in seen:
            seen.add(team.pk)
            leader = team.leidinggevende
            if leader is not None and leader.pk != self.pk and leader.is_active:
                return leader
            team = team.bovenliggend_team
        return None


class Rol(models.TextChoices):
    """Roles that are granted explicitly. Leidinggevende follows from leading a team."""

    COMITELID = "comitelid", _("comité-lid")
    SECRETARIS = "secretaris", _("comité-secretaris")
    ORLID = "orlid", _("OR-lid")
    FACILITAIR = "facilitair", _("facilitair beheer")
    HR = "hr", _("HR / functioneel beheer")


class Roltoewijzing(models.Model):
    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.CASCADE, related_name="roltoewijzingen"
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices)
    toegekend_op = models.DateTimeField(_("toegekend op"), auto_now_add=True)

    class Meta:
        verbose_name = _("roltoewijzing")
        verbose_name_plural = _("roltoewijzingen")
        constraints = [
            models.UniqueConstraint(fields=["medewerker", "rol"], name="one_grant_per_role")
        ]

    def __str__(self) -> str:
        return f"{self.medewerker} — {self.get_rol_display()}"


class PeriodeQuerySet(models.QuerySet):
    def covering(self, day: date) -> "PeriodeQuerySet":
        return self.filter(startdatum__lte=day, einddatum__gte=day)


class Periode(models.Model):
    """A pilot period. Follow-up periods are rows, not code."""

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"))
    is_demo = models.BooleanField(_("demogegevens"), default=False)

    objects = PeriodeQuerySet.as_manager()

    class Meta:
        ordering = ["startdatum"]
        verbose_name = _("periode")
        verbose_name_plural = _("periodes")
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__gte=models.F("startdatum")), name="periode_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        if self.startdatum and self.einddatum and self.einddatum < self.startdatum:
            raise ValidationError({"einddatum": _("De einddatum ligt voor de startdatum.")})

    def contains(self, day: date) -> bool:
        return self.startdatum <= day <= self.einddatum
