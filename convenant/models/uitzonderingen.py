"""Individual exemptions (uitzonderingen): they lower a person's streefnorm while granted.

Privacy is part of the data model: no field stores a diagnosis or anything about the person
cared for. `medisch` records only the category and whether a bedrijfsarts advised it;
`mantelzorg` only the hours per week. The evidence document lives under PRIVATE_MEDIA_ROOT with
a random name; the row keeps that name, the type recognised from the content and the size —
never the uploaded file name, which could itself say too much.

The allowed state changes are in one table, UITZONDERING_WORKFLOW; the services check it.
"""

from datetime import date

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from convenant.models.partijen import Partij
from convenant.validators import validate_kantoordagen
from pilot.workflow import Workflow, transition

MAX_TOELICHTING_UITZONDERING = 500
MAX_MANTELZORG_UREN = 80


class Categorie(models.TextChoices):
    MEDISCH = "medisch", _("medisch")
    MANTELZORG = "mantelzorg", _("mantelzorg")
    DEELTIJD = "deeltijd", _("deeltijd")
    EERDERE_AFSPRAAK = "eerdere_afspraak", _("eerdere schriftelijke afspraak")
    OVERIG = "overig", _("overig")


# Deeltijd follows from the contract hours (the streefnorm is already pro rata): nobody asks.
AANVRAAGBARE_CATEGORIEEN = (
    Categorie.MEDISCH,
    Categorie.MANTELZORG,
    Categorie.EERDERE_AFSPRAAK,
    Categorie.OVERIG,
)


class UitzonderingStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", _("aangevraagd")
    TOEGEKEND = "toegekend", _("toegekend")
    AFGEWEZEN = "afgewezen", _("afgewezen")
    VERLOPEN = "verlopen", _("verlopen")


# A person has at most one exemption per category in these states for any given day.
LOPENDE_STATUSSEN = (UitzonderingStatus.AANGEVRAAGD, UitzonderingStatus.TOEGEKEND)


class UitzonderingActie(models.TextChoices):
    AANVRAGEN = "aanvragen", _("aanvragen")
    TOEKENNEN = "toekennen", _("toekennen")
    AFWIJZEN = "afwijzen", _("afwijzen")
    VERIFIEREN = "verifieren", _("verifiëren")
    NIET_AANTOONBAAR = "niet_aantoonbaar", _("als niet aantoonbaar vastleggen")
    LATEN_VERLOPEN = "laten_verlopen", _("laten verlopen")


def _niet_afwijsbaar(uitzondering: "Uitzondering") -> str | None:
    if uitzondering.onafwijsbaar:
        return _(
            "HR heeft deze eerdere schriftelijke afspraak geverifieerd. Zo'n afspraak is een "
            "individueel recht dat gerespecteerd moet worden: u kunt haar niet afwijzen."
        )
    return None


def _niet_te_verifieren(uitzondering: "Uitzondering") -> str | None:
    """HR judges an earlier written agreement once: verified, or not demonstrable."""
    if uitzondering.categorie != Categorie.EERDERE_AFSPRAAK:
        return _("Alleen een eerdere schriftelijke afspraak wordt door HR geverifieerd.")
    if uitzondering.geverifieerd:
        return _("Deze eerdere afspraak is al geverifieerd.")
    if uitzondering.niet_aantoonbaar:
        return _("HR heeft deze eerdere afspraak al als niet aantoonbaar vastgelegd.")
    return None


S = UitzonderingStatus
A = UitzonderingActie
# The one table of allowed transitions (pilot.workflow checks party, state and guard).
UITZONDERING_WORKFLOW = Workflow(
    name="uitzondering",
    states=UitzonderingStatus,
    actions=UitzonderingActie,
    noun=_("een uitzondering"),
    transitions=[
        transition(
            A.AANVRAGEN,
            [None],
            S.AANGEVRAAGD,
            [Partij.MEDEWERKER],
            _("Uitzondering aangevraagd"),
            party_message=_("Alleen de medewerker zelf vraagt een uitzondering aan."),
        ),
        transition(
            A.TOEKENNEN,
            [S.AANGEVRAAGD],
            S.TOEGEKEND,
            [Partij.LEIDINGGEVENDE],
            _("Uitzondering toegekend"),
            party_message=_("U bent niet de leidinggevende van deze medewerker."),
        ),
        transition(
            A.AFWIJZEN,
            [S.AANGEVRAAGD],
            S.AFGEWEZEN,
            [Partij.LEIDINGGEVENDE],
            _("Uitzondering afgewezen"),
            guard=_niet_afwijsbaar,
            party_message=_("U bent niet de leidinggevende van deze medewerker."),
        ),
        # A fact recorded by HR, not a new state: from then on it cannot be rejected.
        transition(
            A.VERIFIEREN,
            [S.AANGEVRAAGD, S.TOEGEKEND],
            None,
            [Partij.HR],
            # The timeline adds "door <naam>" itself: the label names no actor.
            _("Eerdere afspraak geverifieerd"),
            guard=_niet_te_verifieren,
            party_message=_("Alleen HR verifieert eerdere schriftelijke afspraken."),
        ),
        # Also a fact, not a state: the leidinggevende then decides as on any exemption.
        transition(
            A.NIET_AANTOONBAAR,
            [S.AANGEVRAAGD],
            None,
            [Partij.HR],
            _("Eerdere afspraak niet aantoonbaar volgens HR"),
            guard=_niet_te_verifieren,
            party_message=_("Alleen HR beoordeelt eerdere schriftelijke afspraken."),
        ),
        # At the end date; a request still undecided by then has no period left to apply to.
        transition(
            A.LATEN_VERLOPEN,
            [S.AANGEVRAAGD, S.TOEGEKEND],
            S.VERLOPEN,
            [Partij.SYSTEEM],
            _("Uitzondering verlopen"),
        ),
    ],
)
del S, A


class Bewijstype(models.TextChoices):
    PDF = "pdf", "PDF"
    JPEG = "jpeg", "JPEG"
    PNG = "png", "PNG"


class UitzonderingQuerySet(models.QuerySet):
    def geldig_op(self, day: date) -> "UitzonderingQuerySet":
        return self.filter(
            status=UitzonderingStatus.TOEGEKEND, ingangsdatum__lte=day, einddatum__gte=day
        )


class Uitzondering(models.Model):
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.PROTECT,
        related_name="uitzonderingen",
    )
    categorie = models.CharField(_("categorie"), max_length=20, choices=Categorie.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=UitzonderingStatus.choices,
        default=UitzonderingStatus.AANGEVRAAGD,
    )
    kantoordagen = models.DecimalField(
        _("kantoordagen per week"),
        max_digits=2,
        decimal_places=1,
        validators=[validate_kantoordagen],
        help_text=_("De streefnorm zolang de uitzondering geldt."),
    )
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"))
    herbeoordelingsdatum = models.DateField(_("herbeoordelingsdatum"), null=True, blank=True)
    op_advies_bedrijfsarts = models.BooleanField(_("op advies van de bedrijfsarts"), default=False)
    mantelzorg_uren = models.DecimalField(
        _("mantelzorg in uren per week"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_MANTELZORG_UREN)],
    )
    toelichting = models.TextField(
        _("toelichting"),
        blank=True,
        validators=[MaxLengthValidator(MAX_TOELICHTING_UITZONDERING)],
    )
    bewijsstuk = models.CharField(
        _("bewijsstuk (opslagnaam)"),
        max_length=100,
        blank=True,
        editable=False,
        help_text=_("Willekeurige naam onder PRIVATE_MEDIA_ROOT; nooit via een publieke URL."),
    )
    bewijsstuk_type = models.CharField(
        _("soort bewijsstuk"), max_length=10, choices=Bewijstype.choices, blank=True
    )
    bewijsstuk_grootte = models.PositiveIntegerField(
        _("grootte bewijsstuk (bytes)"), null=True, blank=True
    )
    leidinggevende = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leidinggevende"),
        help_text=_("De leidinggevende op het moment van de aanvraag."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    motivatie = models.TextField(_("motivering leidinggevende"), blank=True)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    besloten_op = models.DateTimeField(_("besloten op"), null=True, blank=True)
    geverifieerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geverifieerd door (HR)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    geverifieerd_op = models.DateTimeField(_("geverifieerd op"), null=True, blank=True)
    niet_aantoonbaar_op = models.DateTimeField(
        _("niet aantoonbaar volgens HR op"), null=True, blank=True
    )
    niet_aantoonbaar_motivatie = models.TextField(
        _("motivering niet aantoonbaar"),
        blank=True,
        validators=[MaxLengthValidator(MAX_TOELICHTING_UITZONDERING)],
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    verloopmelding_verzonden_op = models.DateTimeField(
        _("melding einddatum verzonden op"), null=True, blank=True
    )
    verlopen_op = models.DateTimeField(_("verlopen op"), null=True, blank=True)

    objects = UitzonderingQuerySet.as_manager()

    class Meta:
        ordering = ["-ingangsdatum", "-pk"]
        verbose_name = _("uitzondering")
        verbose_name_plural = _("uitzonderingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(kantoordagen__gte=0, kantoordagen__lte=5),
                name="uitzondering_kantoordagen_0_5",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__gte=models.F("ingangsdatum")),
                name="uitzondering_einde_na_ingang",
            ),
            # Only the categories that carry these facts may hold them.
            models.CheckConstraint(
                condition=Q(categorie="medisch") | Q(op_advies_bedrijfsarts=False),
                name="uitzondering_bedrijfsarts_alleen_medisch",
            ),
            models.CheckConstraint(
                condition=Q(categorie="mantelzorg") | Q(mantelzorg_uren__isnull=True),
                name="uitzondering_uren_alleen_mantelzorg",
            ),
            models.CheckConstraint(
                condition=~Q(categorie="eerdere_afspraak") | ~Q(bewijsstuk=""),
                name="uitzondering_eerdere_afspraak_met_bewijs",
            ),
            models.CheckConstraint(
                condition=Q(categorie="eerdere_afspraak") | Q(geverifieerd_op__isnull=True),
                name="uitzondering_verificatie_alleen_eerdere_afspraak",
            ),
            # HR judges once: verified or not demonstrable, never both.
            models.CheckConstraint(
                condition=Q(geverifieerd_op__isnull=True) | Q(niet_aantoonbaar_op__isnull=True),
                name="uitzondering_geverifieerd_of_niet_aantoonbaar",
            ),
        ]
        indexes = [
            models.Index(fields=["medewerker", "categorie", "status"]),
            models.Index(fields=["status", "einddatum"]),
        ]

    def __str__(self) -> str:
        return _("Uitzondering %(categorie)s van %(naam)s") % {
            "categorie": self.get_categorie_display(),
            "naam": self.medewerker.naam if self.medewerker_id else "?",
        }

    @property
    def heeft_bewijsstuk(self) -> bool:
        return bool(self.bewijsstuk)

    @property
    def geverifieerd(self) -> bool:
        return self.geverifieerd_op is not None

    @property
    def niet_aantoonbaar(self) -> bool:
        return self.niet_aantoonbaar_op is not None

    @property
    def onafwijsbaar(self) -> bool:
        """A verified earlier written agreement is an individual right: it cannot be refused."""
        return self.categorie == Categorie.EERDERE_AFSPRAAK and self.geverifieerd
