"""Cases (zaken) at the adviserend comité, and disputes (geschillen) under art. 12.1 cao.

A zaak is about exactly one agreement version or one exemption. Its state machine lives in
comite/workflows.py; the columns here only hold what the steps record. The deadline the
secretaris works to next is stored (`termijn`) when a step sets it, so the queue can sort and
flag overdue cases in SQL instead of computing working days per row.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from convenant.models import WEEKDAG_NAMEN
from convenant.validators import MAX_TEKST, validate_kantoordagen, validate_weekdagen


class ZaakStatus(models.TextChoices):
    AANGEMELD = "aangemeld", _("aangemeld")
    IN_BEHANDELING = "in_behandeling", _("in behandeling")
    ZITTING_GEPLAND = "zitting_gepland", _("zitting gepland")
    ADVIES_UITGEBRACHT = "advies_uitgebracht", _("advies uitgebracht")
    OPGELOST = "opgelost", _("opgelost")
    NIET_OPGELOST = "niet_opgelost", _("niet opgelost")
    INGETROKKEN = "ingetrokken", _("ingetrokken")
    NIET_ONTVANKELIJK = "niet_ontvankelijk", _("niet-ontvankelijk")


# One agreement or exemption has at most one case in these states.
OPEN_ZAAK_STATUSSEN = (
    ZaakStatus.AANGEMELD,
    ZaakStatus.IN_BEHANDELING,
    ZaakStatus.ZITTING_GEPLAND,
    ZaakStatus.ADVIES_UITGEBRACHT,
)


class Termijnsoort(models.TextChoices):
    INTAKE = "intake", _("intake door de secretaris")
    REACTIE = "reactie", _("reactie van de leidinggevende")
    ZITTING = "zitting", _("zitting")
    ADVIES = "advies", _("advies")
    UITSPRAAK = "uitspraak", _("uitspraak in het geschil")


class Zaak(models.Model):
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.PROTECT,
        related_name="comite_zaken",
    )
    leidinggevende = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leidinggevende"),
        help_text=_("De leidinggevende op het moment van aanmelden."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    afspraak = models.ForeignKey(
        "convenant.Afspraak",
        verbose_name=_("afspraak"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="comite_zaken",
    )
    uitzondering = models.ForeignKey(
        "convenant.Uitzondering",
        verbose_name=_("uitzondering"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="comite_zaken",
    )
    status = models.CharField(
        _("status"), max_length=30, choices=ZaakStatus.choices, default=ZaakStatus.AANGEMELD
    )
    verklaring = models.TextField(
        _("verklaring van de medewerker"), validators=[MaxLengthValidator(MAX_TEKST)]
    )
    reactie = models.TextField(
        _("reactie van de leidinggevende"), blank=True, validators=[MaxLengthValidator(MAX_TEKST)]
    )
    reactie_op = models.DateTimeField(_("reactie gegeven op"), null=True, blank=True)
    bijstand_naam = models.CharField(_("naam vakbondsconsulent"), max_length=200, blank=True)
    bijstand_email = models.EmailField(_("e-mail vakbondsconsulent"), blank=True)
    reden_niet_ontvankelijk = models.TextField(
        _("reden niet-ontvankelijk"), blank=True, validators=[MaxLengthValidator(MAX_TEKST)]
    )
    aangemeld_op = models.DateTimeField(_("aangemeld op"))
    geaccepteerd_op = models.DateTimeField(_("in behandeling genomen op"), null=True, blank=True)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    termijn = models.DateField(_("termijn volgende stap"), null=True, blank=True)
    termijnsoort = models.CharField(
        _("soort termijn"), max_length=20, choices=Termijnsoort.choices, blank=True
    )
    reactie_termijn = models.DateField(_("termijn reactie"), null=True, blank=True)

    class Meta:
        ordering = ["-aangemeld_op", "-pk"]
        verbose_name = _("zaak")
        verbose_name_plural = _("zaken")
        constraints = [
            models.CheckConstraint(
                condition=(Q(afspraak__isnull=False) & Q(uitzondering__isnull=True))
                | (Q(afspraak__isnull=True) & Q(uitzondering__isnull=False)),
                name="zaak_over_afspraak_of_uitzondering",
            ),
            # Also stops a double submit: the second open case cannot be stored.
            models.UniqueConstraint(
                fields=["afspraak"],
                condition=Q(
                    status__in=[
                        "aangemeld",
                        "in_behandeling",
                        "zitting_gepland",
                        "advies_uitgebracht",
                    ]
                ),
                name="zaak_een_open_per_afspraak",
            ),
            models.UniqueConstraint(
                fields=["uitzondering"],
                condition=Q(
                    status__in=[
                        "aangemeld",
                        "in_behandeling",
                        "zitting_gepland",
                        "advies_uitgebracht",
                    ]
                ),
                name="zaak_een_open_per_uitzondering",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "termijn"]),
            models.Index(fields=["medewerker", "status"]),
        ]

    def __str__(self) -> str:
        return _("Zaak %(nummer)s van %(naam)s") % {
            "nummer": self.pk or "?",
            "naam": self.medewerker.naam if self.medewerker_id else "?",
        }

    @property
    def onderwerp(self) -> str:
        if self.afspraak_id:
            return _("afspraak over kantoordagen, versie %(versie)s") % {
                "versie": self.afspraak.versie
            }
        return _("uitzondering %(categorie)s") % {
            "categorie": self.uitzondering.get_categorie_display()
        }


class Partijkant(models.TextChoices):
    MEDEWERKER = "medewerker", _("medewerker")
    LEIDINGGEVENDE = "leidinggevende", _("leidinggevende")


class Document(models.Model):
    """A file one side adds to the case; checked and stored like exemption evidence."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="documenten")
    kant = models.CharField(_("ingebracht door"), max_length=20, choices=Partijkant.choices)
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    opslagnaam = models.CharField(_("opslagnaam"), max_length=100, editable=False)
    soort = models.CharField(_("soort"), max_length=10)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        ordering = ["toegevoegd_op", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documenten")

    def __str__(self) -> str:
        return self.omschrijving


class Panelrol(models.TextChoices):
    VOORZITTER = "voorzitter", _("voorzitter")
    LID_WERKGEVER = "lid_werkgever", _("lid namens de werkgever")
    LID_OR = "lid_or", _("lid namens de OR")


class Panellid(models.Model):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="panelleden")
    lid = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comite_panels"
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Panelrol.choices)

    class Meta:
        ordering = ["zaak_id", "rol"]
        verbose_name = _("panellid")
        verbose_name_plural = _("panelleden")
        constraints = [
            models.UniqueConstraint(fields=["zaak", "rol"], name="panel_een_per_rol"),
            models.UniqueConstraint(fields=["zaak", "lid"], name="panel_lid_eenmaal"),
        ]

    def __str__(self) -> str:
        return f"{self.lid} ({self.get_rol_display()})"


class Notitie(models.Model):
    """The panel's and secretaris' internal notes: never shown to the parties."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="notities")
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    tekst = models.TextField(_("notitie"), validators=[MaxLengthValidator(MAX_TEKST)])
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("interne notitie")
        verbose_name_plural = _("interne notities")

    def __str__(self) -> str:
        return self.tekst[:50]


class Zitting(models.Model):
    """The hearing. Rescheduling changes this row: same UID, SEQUENCE one higher."""

    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="zitting")
    begin = models.DateTimeField(_("begin"))
    einde = models.DateTimeField(_("einde"))
    locatie = models.CharField(_("plaats"), max_length=200, blank=True)
    online_link = models.URLField(_("link voor online deelname"), blank=True)
    uid = models.CharField(_("agenda-UID"), max_length=100, unique=True, editable=False)
    volgnummer = models.PositiveIntegerField(_("versie van de uitnodiging"), default=0)
    # The SEQUENCE last mailed: the sending job skips what already went out.
    verzonden_volgnummer = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("zitting")
        verbose_name_plural = _("zittingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__gt=models.F("begin")), name="zitting_einde_na_begin"
            ),
            models.CheckConstraint(
                condition=~Q(locatie="") | ~Q(online_link=""), name="zitting_plaats_of_link"
            ),
        ]

    def __str__(self) -> str:
        return _("Zitting in %(zaak)s") % {"zaak": self.zaak}


class Advies(models.Model):
    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="advies")
    tekst = models.TextField(_("advies"), validators=[MaxLengthValidator(MAX_TEKST * 2)])
    kantoordagen = models.DecimalField(
        _("geadviseerde kantoordagen per week"),
        max_digits=2,
        decimal_places=1,
        validators=[validate_kantoordagen],
    )
    voorkeursdagen = models.JSONField(
        _("geadviseerde weekdagen"), default=list, blank=True, validators=[validate_weekdagen]
    )
    uitgebracht_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uitgebracht_op = models.DateTimeField(_("uitgebracht op"))
    medewerker_aanvaard = models.BooleanField(_("aanvaard door de medewerker"), null=True)
    leidinggevende_aanvaard = models.BooleanField(_("aanvaard door de leidinggevende"), null=True)
    afspraak = models.ForeignKey(
        "convenant.Afspraak",
        verbose_name=_("afspraak volgens het advies"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("advies")
        verbose_name_plural = _("adviezen")
        constraints = [
            models.CheckConstraint(
                condition=Q(kantoordagen__gte=0, kantoordagen__lte=5),
                name="advies_kantoordagen_0_5",
            )
        ]

    def __str__(self) -> str:
        return _("Advies in %(zaak)s") % {"zaak": self.zaak}

    @property
    def voorkeursdagen_namen(self) -> list[str]:
        return [str(WEEKDAG_NAMEN[dag]) for dag in sorted(self.voorkeursdagen)]


class GeschilStatus(models.TextChoices):
    INGEDIEND = "ingediend", _("ingediend")
    IN_BEHANDELING = "in_behandeling", _("in behandeling")
    UITSPRAAK = "uitspraak", _("uitspraak gedaan")


class Geschil(models.Model):
    """The individual dispute procedure (art. 12.1 cao) after a case ended `niet_opgelost`."""

    zaak = models.OneToOneField(Zaak, on_delete=models.PROTECT, related_name="geschil")
    status = models.CharField(
        _("status"), max_length=20, choices=GeschilStatus.choices, default=GeschilStatus.INGEDIEND
    )
    toelichting = models.TextField(_("toelichting"), validators=[MaxLengthValidator(MAX_TEKST)])
    ingediend_op = models.DateTimeField(_("ingediend op"))
    uitspraak_termijn = models.DateField(_("uitspraak uiterlijk"))
    termijn_verlengd = models.BooleanField(_("termijn verlengd"), default=False)
    uitkomst = models.TextField(
        _("uitkomst"), blank=True, validators=[MaxLengthValidator(MAX_TEKST * 2)]
    )
    bindend = models.BooleanField(_("bindend"), null=True)
    kantoordagen = models.DecimalField(
        _("kantoordagen volgens de uitspraak"),
        max_digits=2,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[validate_kantoordagen],
    )
    voorkeursdagen = models.JSONField(
        _("weekdagen volgens de uitspraak"),
        default=list,
        blank=True,
        validators=[validate_weekdagen],
    )
    uitspraak_op = models.DateTimeField(_("uitspraak gedaan op"), null=True, blank=True)
    afspraak = models.ForeignKey(
        "convenant.Afspraak",
        verbose_name=_("afspraak volgens de uitspraak"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-ingediend_op", "-pk"]
        verbose_name = _("geschil (art. 12.1 cao)")
        verbose_name_plural = _("geschillen (art. 12.1 cao)")
        indexes = [models.Index(fields=["status", "uitspraak_termijn"])]

    def __str__(self) -> str:
        return _("Geschil bij %(zaak)s") % {"zaak": self.zaak}

    @property
    def voorkeursdagen_namen(self) -> list[str]:
        return [str(WEEKDAG_NAMEN[dag]) for dag in sorted(self.voorkeursdagen)]


class Herinnering(models.Model):
    """That a reminder for one deadline went out: the unique row makes the job idempotent."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="herinneringen")
    soort = models.CharField(max_length=20, choices=Termijnsoort.choices)
    termijn = models.DateField()
    verzonden_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [
            models.UniqueConstraint(
                fields=["zaak", "soort", "termijn"], name="herinnering_eenmaal_per_termijn"
            )
        ]

    def __str__(self) -> str:
        return f"{self.zaak_id} {self.soort} {self.termijn}"
