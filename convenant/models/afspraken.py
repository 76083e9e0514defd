"""Office-day agreements (afspraken): one row per version, and the agreement's workflow.

The allowed state changes are in one table, AFSPRAAK_WORKFLOW; the services check it (party
and state) before every change, so no view, API call or crafted POST can skip a step.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from convenant.models.partijen import Partij
from convenant.overwegingen import MEDISCH_SOCIAAL_ROL, Overweging
from convenant.validators import (
    MAX_TEKST,
    validate_kantoordagen,
    validate_overwegingen,
    validate_weekdagen,
)
from pilot.dates import in_sentence
from pilot.workflow import Workflow, transition

WEEKDAG_NAMEN = {
    1: _("maandag"),
    2: _("dinsdag"),
    3: _("woensdag"),
    4: _("donderdag"),
    5: _("vrijdag"),
}


class Status(models.TextChoices):
    CONCEPT = "concept", _("concept")
    INGEDIEND = "ingediend", _("ingediend")
    AKKOORD = "akkoord", _("akkoord")
    TEGENVOORSTEL = "tegenvoorstel", _("tegenvoorstel")
    AFGEWEZEN = "afgewezen", _("afgewezen")
    GEEN_OVEREENSTEMMING = "geen_overeenstemming", _("geen overeenstemming")
    INGETROKKEN = "ingetrokken", _("ingetrokken")
    VERVALLEN = "vervallen", _("vervallen")


# How the timeline names the waiting state of a proposal the leidinggevende started: it is
# stored as `tegenvoorstel` (it waits for the employee's answer), but it counters nothing.
VOORSTEL_LEIDINGGEVENDE = "voorstel_leidinggevende"
VOORSTEL_LEIDINGGEVENDE_LABEL = _("voorstel van de leidinggevende")


class Bron(models.TextChoices):
    """Where a version came from when not from the conversation itself (blank)."""

    ADVIES_COMITE = "advies_comite", _("advies comité")
    UITSPRAAK_GESCHIL = "uitspraak_geschil", _("uitspraak geschil")


# Versions that still wait for something: the employee's private concept, or a proposal on the
# table. A person has at most one concept and, beside it, at most one proposal on the table
# (WACHTENDE_STATUSSEN): a leidinggevende may propose while the member drafts in private.
OPEN_STATUSES = (Status.CONCEPT, Status.INGEDIEND, Status.TEGENVOORSTEL)
WACHTENDE_STATUSSEN = (Status.INGEDIEND, Status.TEGENVOORSTEL)
# A round that ended without agreement: from here the employee may ask the comité.
WEIGERINGEN = (Status.AFGEWEZEN, Status.GEEN_OVEREENSTEMMING)


class Actie(models.TextChoices):
    AANMAKEN = "aanmaken", _("een voorstel opstellen")
    CONCEPT_BIJWERKEN = "concept_bijwerken", _("het concept bijwerken")
    VOORSTELLEN = "voorstellen", _("een voorstel doen als leidinggevende")
    INDIENEN = "indienen", _("indienen")
    AKKOORD = "akkoord", _("akkoord geven")
    TEGENVOORSTEL = "tegenvoorstel", _("een tegenvoorstel doen")
    AFWIJZEN = "afwijzen", _("afwijzen")
    ACCEPTEREN = "accepteren", _("accepteren")
    WEIGEREN = "weigeren", _("weigeren")
    INTREKKEN = "intrekken", _("intrekken")
    LATEN_VERVALLEN = "laten_vervallen", _("laten vervallen")
    VASTLEGGEN = "vastleggen", _("vastleggen na advies of uitspraak")


ALLEEN_MEDEWERKER = _("Alleen de medewerker zelf kan dit doen.")


def _niet_door_leidinggevende_gestart(afspraak: "Afspraak") -> str | None:
    """A leidinggevende withdraws only a proposal they started, never a counter to the
    employee's own proposal (that one the employee answers)."""
    if afspraak.opgesteld_door_id == afspraak.medewerker_id:
        return _(
            "Dit is een tegenvoorstel op het voorstel van de medewerker; dat trekt u niet in. "
            "De medewerker accepteert of weigert het."
        )
    return None


def _al_een_voorstel_op_tafel(afspraak: "Afspraak") -> str | None:
    wachtend = (
        Afspraak.objects.wachtend()
        .filter(medewerker_id=afspraak.medewerker_id)
        .exclude(pk=afspraak.pk)
    )
    if wachtend.exists():
        return _(
            "Er ligt al een voorstel op tafel dat op antwoord wacht. Handel dat eerst af; daarna "
            "kunt u uw concept indienen."
        )
    return None


ALLEEN_LEIDINGGEVENDE = _("U bent niet de leidinggevende van deze medewerker.")

# The one table of allowed transitions (pilot.workflow checks party and state). `None` as
# source: the version is being created. A leidinggevende's own proposal starts as a
# tegenvoorstel: it waits for the employee's answer.
AFSPRAAK_WORKFLOW = Workflow(
    name="afspraak",
    states=Status,
    actions=Actie,
    noun=_("een afspraak"),
    transitions=[
        transition(
            Actie.AANMAKEN,
            [None],
            Status.CONCEPT,
            [Partij.MEDEWERKER],
            _("Concept opgesteld"),
            party_message=ALLEEN_MEDEWERKER,
        ),
        transition(
            Actie.CONCEPT_BIJWERKEN,
            [Status.CONCEPT],
            None,
            [Partij.MEDEWERKER],
            _("Concept bijgewerkt"),
            party_message=ALLEEN_MEDEWERKER,
        ),
        transition(
            Actie.VOORSTELLEN,
            [None],
            Status.TEGENVOORSTEL,
            [Partij.LEIDINGGEVENDE],
            _("Voorstel van de leidinggevende"),
            party_message=ALLEEN_LEIDINGGEVENDE,
        ),
        transition(
            Actie.INDIENEN,
            [Status.CONCEPT],
            Status.INGEDIEND,
            [Partij.MEDEWERKER],
            _("Voorstel ingediend"),
            guard=_al_een_voorstel_op_tafel,
            party_message=ALLEEN_MEDEWERKER,
        ),
        transition(
            Actie.AKKOORD,
            [Status.INGEDIEND],
            Status.AKKOORD,
            [Partij.LEIDINGGEVENDE],
            _("Akkoord gegeven"),
            party_message=ALLEEN_LEIDINGGEVENDE,
        ),
        transition(
            Actie.TEGENVOORSTEL,
            [Status.INGEDIEND],
            Status.TEGENVOORSTEL,
            [Partij.LEIDINGGEVENDE],
            _("Tegenvoorstel gedaan"),
            party_message=ALLEEN_LEIDINGGEVENDE,
        ),
        transition(
            Actie.AFWIJZEN,
            [Status.INGEDIEND],
            Status.AFGEWEZEN,
            [Partij.LEIDINGGEVENDE],
            _("Afgewezen"),
            party_message=ALLEEN_LEIDINGGEVENDE,
        ),
        transition(
            Actie.ACCEPTEREN,
            [Status.TEGENVOORSTEL],
            Status.AKKOORD,
            [Partij.MEDEWERKER],
            _("Voorstel geaccepteerd"),
            party_message=ALLEEN_MEDEWERKER,
        ),
        transition(
            Actie.WEIGEREN,
            [Status.TEGENVOORSTEL],
            Status.GEEN_OVEREENSTEMMING,
            [Partij.MEDEWERKER],
            _("Voorstel geweigerd"),
            party_message=ALLEEN_MEDEWERKER,
        ),
        # Until it is decided: the employee their submitted proposal, the leidinggevende their
        # own proposal. Nothing is agreed; either may start anew.
        transition(
            Actie.INTREKKEN,
            [Status.INGEDIEND],
            Status.INGETROKKEN,
            [Partij.MEDEWERKER],
            _("Voorstel ingetrokken"),
            party_message=_("Alleen wie het voorstel deed, kan het intrekken."),
        ),
        transition(
            Actie.INTREKKEN,
            [Status.TEGENVOORSTEL],
            Status.INGETROKKEN,
            [Partij.LEIDINGGEVENDE],
            _("Voorstel ingetrokken"),
            guard=_niet_door_leidinggevende_gestart,
        ),
        # The outcome of the comité (an advice both accepted) or of a binding ruling: a new
        # agreed version, recorded by the portal on behalf of the procedure.
        transition(
            Actie.VASTLEGGEN,
            [None],
            Status.AKKOORD,
            [Partij.SYSTEEM],
            _("Afspraak vastgelegd na advies of uitspraak"),
        ),
        transition(
            Actie.LATEN_VERVALLEN,
            # An agreement at its end or superseded; a proposal still on the table when the
            # comité's outcome or a ruling is recorded over it.
            [Status.AKKOORD, Status.INGEDIEND, Status.TEGENVOORSTEL],
            Status.VERVALLEN,
            [Partij.SYSTEEM],
            _("Vervallen"),
        ),
    ],
)


class AfspraakQuerySet(models.QuerySet):
    def akkoord_op(self, day: date) -> "AfspraakQuerySet":
        return self.filter(status=Status.AKKOORD, ingangsdatum__lte=day, einddatum__gte=day)

    def open(self) -> "AfspraakQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def wachtend(self) -> "AfspraakQuerySet":
        return self.filter(status__in=WACHTENDE_STATUSSEN)


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
    # A counter-proposal may change the weekdays and the place too: None / empty is "as in
    # the employee's proposal". Accepting copies them over.
    tegenvoorstel_voorkeursdagen = models.JSONField(
        _("voorkeursdagen in het tegenvoorstel"),
        null=True,
        blank=True,
        validators=[validate_weekdagen],
    )
    tegenvoorstel_locatie = models.ForeignKey(
        "werkplekken.Locatie",
        verbose_name=_("kantoorlocatie in het tegenvoorstel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
    bron = models.CharField(_("bron"), max_length=30, choices=Bron.choices, blank=True, default="")

    objects = AfspraakQuerySet.as_manager()

    class Meta:
        ordering = ["medewerker_id", "-versie"]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        constraints = [
            models.UniqueConstraint(fields=["medewerker", "versie"], name="afspraak_versie_uniek"),
            # Also stops a double submit: the second waiting proposal cannot be stored.
            models.UniqueConstraint(
                fields=["medewerker"],
                condition=Q(status__in=["ingediend", "tegenvoorstel"]),
                name="afspraak_een_wachtend_voorstel",
            ),
            models.UniqueConstraint(
                fields=["medewerker"], condition=Q(status="concept"), name="afspraak_een_concept"
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
            # The capacity check reads a location's agreements in force (the expected demand,
            # and who books without one) from this index alone, not from every agreement.
            models.Index(
                fields=[
                    "locatie",
                    "medewerker",
                    "einddatum",
                    "ingangsdatum",
                    "kantoordagen",
                    "voorkeursdagen",
                ],
                condition=Q(status="akkoord"),
                name="afspraak_akkoord_per_locatie",
            ),
            # The inbox counts and picks the oldest waiting proposals of a span (an
            # afdelingshoofd: a thousand people) from this index alone, not the rows.
            models.Index(
                fields=["medewerker", "status", "ingediend_op", "id"],
                condition=Q(status__in=WACHTENDE_STATUSSEN),
                name="afspraak_wachtend_gedekt",
            ),
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
                % {"periode": periode.naam, "eind": in_sentence(periode.einddatum)},
            )
        if errors:
            raise ValidationError(errors)

    @property
    def door_leidinggevende_gestart(self) -> bool:
        """A proposal the leidinggevende started, not a counter to the employee's own."""
        return bool(self.opgesteld_door_id) and self.opgesteld_door_id != self.medewerker_id

    @property
    def is_tegenvoorstel(self) -> bool:
        """A real counter-proposal on the table: an answer to the employee's own proposal."""
        return self.status == Status.TEGENVOORSTEL and not self.door_leidinggevende_gestart

    @property
    def is_voorstel_leidinggevende(self) -> bool:
        """A proposal the leidinggevende started, waiting for the employee's answer."""
        return self.status == Status.TEGENVOORSTEL and self.door_leidinggevende_gestart

    @property
    def status_label(self) -> str:
        """The status as people read it: a proposal the leidinggevende started is never
        called a counter-proposal."""
        if self.is_voorstel_leidinggevende:
            return str(VOORSTEL_LEIDINGGEVENDE_LABEL)
        return self.get_status_display()

    @property
    def tegenvoorstel_voorkeursdagen_namen(self) -> list[str]:
        dagen = self.tegenvoorstel_voorkeursdagen
        if dagen is None:
            dagen = self.voorkeursdagen
        return [str(WEEKDAG_NAMEN[day]) for day in sorted(dagen)]

    @property
    def open_tegenvoorstel_dagen(self):
        """The days the leidinggevende proposes while the employee's answer is awaited."""
        return self.tegenvoorstel_kantoordagen if self.status == Status.TEGENVOORSTEL else None

    @property
    def voorkeursdagen_namen(self) -> list[str]:
        return [str(WEEKDAG_NAMEN[day]) for day in sorted(self.voorkeursdagen)]

    @property
    def overwegingen_lijst(self) -> list[tuple[str, str]]:
        return [
            (Overweging(key).label, MEDISCH_SOCIAAL_ROL if text is True else text)
            for key, text in self.overwegingen.items()
            if key in Overweging.values
        ]
