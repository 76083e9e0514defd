"""Office-day agreements (afspraken), delegations to a vervanger, and team plans.

The allowed state changes of an afspraak are in one table, OVERGANGEN; the services check it
before every change, so no view, API call or crafted POST can skip a step.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from convenant.validators import (
    MAX_TEKST,
    validate_kantoordagen,
    validate_overwegingen,
    validate_weekdagen,
)

WEEKDAG_NAMEN = {
    1: _("maandag"),
    2: _("dinsdag"),
    3: _("woensdag"),
    4: _("donderdag"),
    5: _("vrijdag"),
}


class Overweging(models.TextChoices):
    """The five points the conversation weighs (convenant)."""

    WERK_PRIVEBALANS = "werk_privebalans", _("Werk-privébalans")
    VITALITEIT = "vitaliteit", _("Vitaliteit")
    CONCENTRATIE_PRODUCTIE = "concentratie_productie", _("Concentratie en productie")
    EERDERE_AFSPRAKEN = "eerdere_afspraken", _("Eerdere afspraken (bij indiensttreding of corona)")
    MEDISCH_SOCIAAL = "medisch_sociaal", _("Medische en/of sociale aandachtspunten")


class Status(models.TextChoices):
    CONCEPT = "concept", _("concept")
    INGEDIEND = "ingediend", _("ingediend")
    AKKOORD = "akkoord", _("akkoord")
    TEGENVOORSTEL = "tegenvoorstel", _("tegenvoorstel")
    AFGEWEZEN = "afgewezen", _("afgewezen")
    GEEN_OVEREENSTEMMING = "geen_overeenstemming", _("geen overeenstemming")
    VERVALLEN = "vervallen", _("vervallen")


# A person has at most one version in these states: the one on the table.
OPEN_STATUSES = (Status.CONCEPT, Status.INGEDIEND, Status.TEGENVOORSTEL)


class Actie(models.TextChoices):
    AANMAKEN = "aanmaken", _("een voorstel opstellen")
    VOORSTELLEN = "voorstellen", _("een voorstel doen namens de leidinggevende")
    INDIENEN = "indienen", _("indienen")
    AKKOORD = "akkoord", _("akkoord geven")
    TEGENVOORSTEL = "tegenvoorstel", _("een tegenvoorstel doen")
    AFWIJZEN = "afwijzen", _("afwijzen")
    ACCEPTEREN = "accepteren", _("accepteren")
    WEIGEREN = "weigeren", _("weigeren")
    LATEN_VERVALLEN = "laten_vervallen", _("laten vervallen")


class Partij(models.TextChoices):
    MEDEWERKER = "medewerker", _("medewerker")
    LEIDINGGEVENDE = "leidinggevende", _("leidinggevende")
    SYSTEEM = "systeem", _("systeem")


@dataclass(frozen=True)
class Overgang:
    van: frozenset[str | None]
    naar: str
    door: str


# The one table of allowed transitions. `None` as source: the version is being created.
# A leidinggevende's own proposal starts as a tegenvoorstel: it waits for the employee's answer.
OVERGANGEN: dict[str, Overgang] = {
    Actie.AANMAKEN: Overgang(frozenset({None}), Status.CONCEPT, Partij.MEDEWERKER),
    Actie.VOORSTELLEN: Overgang(frozenset({None}), Status.TEGENVOORSTEL, Partij.LEIDINGGEVENDE),
    Actie.INDIENEN: Overgang(frozenset({Status.CONCEPT}), Status.INGEDIEND, Partij.MEDEWERKER),
    Actie.AKKOORD: Overgang(frozenset({Status.INGEDIEND}), Status.AKKOORD, Partij.LEIDINGGEVENDE),
    Actie.TEGENVOORSTEL: Overgang(
        frozenset({Status.INGEDIEND}), Status.TEGENVOORSTEL, Partij.LEIDINGGEVENDE
    ),
    Actie.AFWIJZEN: Overgang(
        frozenset({Status.INGEDIEND}), Status.AFGEWEZEN, Partij.LEIDINGGEVENDE
    ),
    Actie.ACCEPTEREN: Overgang(
        frozenset({Status.TEGENVOORSTEL}), Status.AKKOORD, Partij.MEDEWERKER
    ),
    Actie.WEIGEREN: Overgang(
        frozenset({Status.TEGENVOORSTEL}), Status.GEEN_OVEREENSTEMMING, Partij.MEDEWERKER
    ),
    Actie.LATEN_VERVALLEN: Overgang(frozenset({Status.AKKOORD}), Status.VERVALLEN, Partij.SYSTEEM),
}


def acties_vanuit(status: str | None, partij: str) -> list[str]:
    """The actions a party may take on a version in this state (for showing buttons)."""
    return [
        actie
        for actie, overgang in OVERGANGEN.items()
        if status in overgang.van and overgang.door == partij
    ]


class AfspraakQuerySet(models.QuerySet):
    def akkoord_op(self, day: date) -> "AfspraakQuerySet":
        return self.filter(status=Status.AKKOORD, ingangsdatum__lte=day, einddatum__gte=day)

    def open(self) -> "AfspraakQuerySet":
        return self.filter(status__in=OPEN_STATUSES)


class Afspraak(models.Model):
    """One version of an office-day agreement. A change is a new row; older rows stay."""

    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.PROTECT,
        related_name="afspraken",
    )
    leidinggevende = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leidinggevende"),
        help_text=_("De leidinggevende op het moment van het voorstel."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgesteld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    periode = models.ForeignKey(
        "pilot.Periode", verbose_name=_("periode"), on_delete=models.PROTECT, related_name="+"
    )
    versie = models.PositiveIntegerField(_("versie"))
    vorige = models.ForeignKey(
        "self",
        verbose_name=_("vorige versie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.CONCEPT
    )
    kantoordagen = models.DecimalField(
        _("kantoordagen per week"),
        max_digits=2,
        decimal_places=1,
        validators=[validate_kantoordagen],
        help_text=_("In hele of halve dagen: een ochtend op kantoor is 0,5."),
    )
    voorkeursdagen = models.JSONField(
        _("voorkeursdagen"), default=list, blank=True, validators=[validate_weekdagen]
    )
    locatie = models.ForeignKey(
        "werkplekken.Locatie",
        verbose_name=_("kantoorlocatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"))
    overwegingen = models.JSONField(
        _("overwegingen"), default=dict, blank=True, validators=[validate_overwegingen]
    )
    toelichting = models.TextField(
        _("toelichting"), blank=True, validators=[MaxLengthValidator(MAX_TEKST)]
    )
    tegenvoorstel_kantoordagen = models.DecimalField(
        _("kantoordagen in het tegenvoorstel"),
        max_digits=2,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[validate_kantoordagen],
    )
    motivatie = models.TextField(
        _("motivering leidinggevende"), blank=True, validators=[MaxLengthValidator(MAX_TEKST)]
    )
    onder_norm_overweging = models.CharField(
        _("reden onder de streefnorm"), max_length=30, choices=Overweging.choices, blank=True
    )
    onder_norm_toelichting = models.TextField(
        _("toelichting onder de streefnorm"),
        blank=True,
        validators=[MaxLengthValidator(MAX_TEKST)],
    )
    streefnorm_dagen = models.DecimalField(
        _("streefnorm bij besluit"), max_digits=2, decimal_places=1, null=True, blank=True
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    besloten_op = models.DateTimeField(_("besloten op"), null=True, blank=True)
    herinnering_verzonden_op = models.DateTimeField(
        _("herinnering verzonden op"), null=True, blank=True
    )
    escalatie_gemeld_op = models.DateTimeField(
        _("escalatiemogelijkheid gemeld op"), null=True, blank=True
    )
    vervallen_op = models.DateTimeField(_("vervallen op"), null=True, blank=True)

    objects = AfspraakQuerySet.as_manager()

    class Meta:
        ordering = ["medewerker_id", "-versie"]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        constraints = [
            models.UniqueConstraint(fields=["medewerker", "versie"], name="afspraak_versie_uniek"),
            # Also stops a double submit: the second open proposal cannot be stored.
            models.UniqueConstraint(
                fields=["medewerker"],
                condition=Q(status__in=["concept", "ingediend", "tegenvoorstel"]),
                name="afspraak_een_open_voorstel",
            ),
            models.CheckConstraint(
                condition=Q(kantoordagen__gte=0, kantoordagen__lte=5),
                name="afspraak_kantoordagen_0_5",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__gte=models.F("ingangsdatum")),
                name="afspraak_einde_na_ingang",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "ingediend_op"]),
            models.Index(fields=["medewerker", "status"]),
        ]

    def __str__(self) -> str:
        return _("Afspraak %(naam)s, versie %(versie)s") % {
            "naam": self.medewerker.naam if self.medewerker_id else "?",
            "versie": self.versie,
        }

    def clean(self) -> None:
        errors = {}
        if self.ingangsdatum and self.einddatum and self.einddatum < self.ingangsdatum:
            errors["einddatum"] = _("De einddatum ligt voor de ingangsdatum.")
        periode = self.periode if self.periode_id else None
        if periode and self.ingangsdatum and not periode.contains(self.ingangsdatum):
            errors["ingangsdatum"] = _("De ingangsdatum valt buiten de periode %(periode)s.") % {
                "periode": periode.naam
            }
        if periode and self.einddatum and not periode.contains(self.einddatum):
            errors.setdefault(
                "einddatum",
                _("De einddatum valt buiten de periode %(periode)s (tot en met %(eind)s).")
                % {"periode": periode.naam, "eind": periode.einddatum.strftime("%d-%m-%Y")},
            )
        if errors:
            raise ValidationError(errors)

    @property
    def voorkeursdagen_namen(self) -> list[str]:
        return [str(WEEKDAG_NAMEN[day]) for day in sorted(self.voorkeursdagen)]

    @property
    def overwegingen_lijst(self) -> list[tuple[str, str]]:
        return [
            (Overweging(key).label, text)
            for key, text in self.overwegingen.items()
            if key in Overweging.values
        ]


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
            "start": self.startdatum.strftime("%d-%m-%Y"),
            "eind": self.einddatum.strftime("%d-%m-%Y"),
        }


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
