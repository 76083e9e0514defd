"""Locations, zones and desks; reservations of desks; and who was where on a working day.

A desk can never be booked twice for one half day because every active reservation holds one
`Dagdeelbezetting` row per half day it covers (a whole day holds two), and those rows are unique
per desk and per person. The database refuses the second row even when two requests race; the
services also lock the desk row so that the loser gets a clear "bezet" instead of an error.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from werkplekken.validators import validate_weekdagen

WEEKDAGEN = (1, 2, 3, 4, 5)  # Monday = 1, as in the agreements' voorkeursdagen


class Locatie(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100)
    openingsdagen = models.JSONField(
        _("openingsdagen"),
        default=list,
        validators=[validate_weekdagen],
        help_text=_("Weekdagen waarop het gebouw open is: 1 = maandag … 5 = vrijdag."),
    )
    bezettingsnorm = models.PositiveSmallIntegerField(
        _("bezettingsnorm (%)"),
        default=75,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Boven deze bezetting is het krap; boven 100 % is er een tekort."),
    )
    is_demo = models.BooleanField(_("demogegevens"), default=False, editable=False)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        constraints = [
            models.CheckConstraint(
                condition=Q(bezettingsnorm__gte=1, bezettingsnorm__lte=100),
                name="locatie_norm_1_100",
            )
        ]

    def __str__(self) -> str:
        return self.naam

    def is_open_op(self, weekdag: int) -> bool:
        return weekdag in self.openingsdagen


class Zone(models.Model):
    class Soort(models.TextChoices):
        STILTE = "stilte", _("stilte")
        SAMENWERKEN = "samenwerken", _("samenwerken")
        ONTMOETEN = "ontmoeten", _("ontmoeten")
        FLEX = "flex", _("flex")

    locatie = models.ForeignKey(
        Locatie, verbose_name=_("locatie"), on_delete=models.CASCADE, related_name="zones"
    )
    naam = models.CharField(_("naam"), max_length=100)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    verdieping = models.SmallIntegerField(_("verdieping"), default=0)
    thuisteam = models.ForeignKey(
        "pilot.Team",
        verbose_name=_("thuisteam"),
        help_text=_("Het vaste honk van dit team, als de zone er een heeft."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="thuiszones",
    )
    # The zone's rectangle on the floor plan, in plan units (the SVG's viewBox).
    x = models.PositiveSmallIntegerField(_("x"), default=0)
    y = models.PositiveSmallIntegerField(_("y"), default=0)
    breedte = models.PositiveSmallIntegerField(_("breedte"), default=400)
    hoogte = models.PositiveSmallIntegerField(_("hoogte"), default=200)

    class Meta:
        ordering = ["locatie__naam", "verdieping", "naam"]
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        constraints = [
            models.UniqueConstraint(fields=["locatie", "naam"], name="zone_naam_per_locatie")
        ]

    def __str__(self) -> str:
        return f"{self.locatie} · {self.naam}"


class Werkplek(models.Model):
    zone = models.ForeignKey(
        Zone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="werkplekken"
    )
    code = models.CharField(_("code"), max_length=30)
    hoog_laag = models.BooleanField(_("hoog-laagbureau"), default=False)
    toegankelijk = models.BooleanField(_("toegankelijk"), default=False)
    dubbel_scherm = models.BooleanField(_("twee schermen"), default=False)
    reserveerbaar = models.BooleanField(_("reserveerbaar"), default=True)
    x = models.PositiveSmallIntegerField(_("x"), default=0)
    y = models.PositiveSmallIntegerField(_("y"), default=0)

    class Meta:
        ordering = ["zone__locatie__naam", "code"]
        verbose_name = _("werkplek")
        verbose_name_plural = _("werkplekken")
        constraints = [
            models.UniqueConstraint(fields=["zone", "code"], name="werkplek_code_per_zone")
        ]

    def __str__(self) -> str:
        return self.code


class Dagdeel(models.TextChoices):
    OCHTEND = "ochtend", _("ochtend")
    MIDDAG = "middag", _("middag")
    HELE_DAG = "hele_dag", _("hele dag")


# The half days each dagdeel occupies: a whole day conflicts with a morning and an afternoon.
HALVE_DAGEN = {
    Dagdeel.OCHTEND: (Dagdeel.OCHTEND,),
    Dagdeel.MIDDAG: (Dagdeel.MIDDAG,),
    Dagdeel.HELE_DAG: (Dagdeel.OCHTEND, Dagdeel.MIDDAG),
}


class ReserveringStatus(models.TextChoices):
    GERESERVEERD = "gereserveerd", _("gereserveerd")
    INGECHECKT = "ingecheckt", _("ingecheckt")
    GEANNULEERD = "geannuleerd", _("geannuleerd")
    VERVALLEN = "vervallen", _("vervallen")


ACTIEVE_STATUSSEN = (ReserveringStatus.GERESERVEERD, ReserveringStatus.INGECHECKT)


class Reservering(models.Model):
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.CASCADE,
        related_name="reserveringen",
    )
    # A desk, or a seat at a location without a particular desk (`locatie`): exactly one.
    werkplek = models.ForeignKey(
        Werkplek,
        verbose_name=_("werkplek"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    locatie = models.ForeignKey(
        Locatie,
        verbose_name=_("locatie (plek zonder vaste werkplek)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    datum = models.DateField(_("datum"))
    dagdeel = models.CharField(_("dagdeel"), max_length=10, choices=Dagdeel.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReserveringStatus.choices,
        default=ReserveringStatus.GERESERVEERD,
    )
    geboekt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geboekt door"),
        help_text=_("Wie de plek vastlegde: de medewerker zelf of de leidinggevende (teamdag)."),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    teamdag = models.BooleanField(_("teamdag"), default=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    ingecheckt_op = models.DateTimeField(_("ingecheckt op"), null=True, blank=True)

    class Meta:
        ordering = ["datum", "dagdeel", "pk"]
        verbose_name = _("reservering")
        verbose_name_plural = _("reserveringen")
        indexes = [
            models.Index(fields=["medewerker", "datum"]),
            models.Index(fields=["datum", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(werkplek__isnull=False, locatie__isnull=True)
                | Q(werkplek__isnull=True, locatie__isnull=False),
                name="reservering_werkplek_of_locatie",
            )
        ]

    def __str__(self) -> str:
        plek = self.werkplek if self.werkplek_id else self.locatie
        return f"{plek} · {self.datum:%d-%m-%Y} · {self.get_dagdeel_display()}"

    @property
    def plek_locatie(self) -> "Locatie":
        """The location of the desk, or of the seat."""
        return self.werkplek.zone.locatie if self.werkplek_id else self.locatie


class Dagdeelbezetting(models.Model):
    """One half day held by an active reservation. Deleted when the reservation ends.

    Every row names its location (a desk's own, or the seat's), so the pages that read one
    location's half days read that location's rows only, however many locations there are.
    A location-level seat holds no desk; the service that books it locks the location row and
    counts, so seats never outnumber the bookable desks that are free (services.reserveringen).
    The two unique constraints are the guarantee: one desk, one half day, one reservation;
    one person, one half day, one reservation. They hold on SQLite and PostgreSQL alike.
    """

    reservering = models.ForeignKey(
        Reservering, on_delete=models.CASCADE, related_name="bezettingen"
    )
    # A desk's half day, or a location-level seat's (then the desk is empty). A desk never
    # moves to another location (services.beheer), so its rows keep the right location.
    werkplek = models.ForeignKey(Werkplek, null=True, on_delete=models.CASCADE, related_name="+")
    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, related_name="+")
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    datum = models.DateField()
    halve_dag = models.CharField(
        max_length=10, choices=[(d, d.label) for d in (Dagdeel.OCHTEND, Dagdeel.MIDDAG)]
    )

    class Meta:
        verbose_name = _("bezet dagdeel")
        verbose_name_plural = _("bezette dagdelen")
        constraints = [
            models.UniqueConstraint(
                fields=["werkplek", "datum", "halve_dag"], name="werkplek_eenmaal_per_dagdeel"
            ),
            models.UniqueConstraint(
                fields=["medewerker", "datum", "halve_dag"], name="persoon_eenmaal_per_dagdeel"
            ),
            models.CheckConstraint(
                condition=Q(halve_dag__in=["ochtend", "middag"]), name="bezetting_halve_dag"
            ),
        ]
        # The booking page and the capacity check read a location's half days on a few dates.
        indexes = [models.Index(fields=["locatie", "datum"], name="bezetting_locatie_datum")]

    def __str__(self) -> str:
        return f"{self.werkplek_id} · {self.datum} · {self.halve_dag}"


class Soort(models.TextChoices):
    KANTOOR = "kantoor", _("kantoor")
    THUIS = "thuis", _("thuis")
    ELDERS = "elders", _("elders")


class Reden(models.TextChoices):
    """Why a planned office day was not one: for the evaluation, never for enforcement."""

    GEEN_WERKPLEK = "geen_werkplek", _("geen werkplek beschikbaar")
    ZORGTAAK = "zorgtaak", _("zorgtaak")
    ZIEK_OF_VERLOF = "ziek_of_verlof", _("ziek of verlof")
    KLANTAFSPRAAK_ELDERS = "klantafspraak_elders", _("klantafspraak elders")
    ANDERS = "anders", _("anders")


class Aanwezigheid(models.Model):
    """Where a person worked on one working day: at most one row per person per day."""

    class Bron(models.TextChoices):
        INCHECKEN = "inchecken", _("inchecken")
        REGISTRATIE = "registratie", _("eigen registratie")

    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.CASCADE,
        related_name="aanwezigheden",
    )
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("waar"), max_length=10, choices=Soort.choices)
    reden = models.CharField(
        _("reden"),
        max_length=30,
        choices=Reden.choices,
        blank=True,
        help_text=_("Alleen als een geplande kantoordag dat niet werd."),
    )
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices)
    locatie = models.ForeignKey(
        Locatie,
        verbose_name=_("locatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["datum"]
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [
            models.UniqueConstraint(
                fields=["medewerker", "datum"], name="aanwezigheid_eenmaal_per_dag"
            ),
            # A reason explains a day away from the office; an office day needs none.
            models.CheckConstraint(
                condition=~Q(soort="kantoor") | Q(reden=""), name="aanwezigheid_reden_niet_kantoor"
            ),
        ]
        indexes = [
            models.Index(fields=["datum", "soort"]),
            # Few days carry a reason; the heatmap's share of geen_werkplek reads only those of
            # the last weeks, from the index alone.
            models.Index(
                fields=["datum", "reden"],
                condition=~Q(reden=""),
                name="aanwezigheid_reden_per_dag",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.medewerker} · {self.datum:%d-%m-%Y} · {self.get_soort_display()}"


class WieZietMij(models.TextChoices):
    """Who may see on "Wie is er" that one will be at the office: consent, per person."""

    NIEMAND = "niemand", _("niemand")
    TEAM = "team", _("mijn eigen team")
    TEAM_EN_VOLGERS = "team_en_volgers", _("mijn eigen team en wie mijn team volgt")


class Zichtbaarheid(models.Model):
    """A person's choices for "Wie is er". No row means the defaults: own team, no desk."""

    medewerker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="zichtbaarheid",
    )
    wie = models.CharField(
        _("wie ziet mij"), max_length=20, choices=WieZietMij.choices, default=WieZietMij.TEAM
    )
    werkplek_tonen = models.BooleanField(_("mijn werkplek tonen"), default=False)

    class Meta:
        verbose_name = _("zichtbaarheid")
        verbose_name_plural = _("zichtbaarheid")

    def __str__(self) -> str:
        return f"{self.medewerker_id} · {self.wie}"


class GevolgdTeam(models.Model):
    """A team whose members one sees on "Wie is er", if they allow followers."""

    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gevolgde_teams"
    )
    team = models.ForeignKey("pilot.Team", on_delete=models.CASCADE, related_name="volgers")

    class Meta:
        verbose_name = _("gevolgd team")
        verbose_name_plural = _("gevolgde teams")
        constraints = [
            models.UniqueConstraint(fields=["medewerker", "team"], name="team_eenmaal_volgen")
        ]

    def __str__(self) -> str:
        return f"{self.medewerker_id} → {self.team_id}"


class Agendakoppeling(models.Model):
    """The secret address of one's reservations as a calendar feed. Only a SHA-256 of the
    token is stored: a copy of the database opens no one's feed. One per person; renewing
    replaces it, revoking deletes it."""

    medewerker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="agendakoppeling",
    )
    digest = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"))

    class Meta:
        verbose_name = _("agendakoppeling")
        verbose_name_plural = _("agendakoppelingen")

    def __str__(self) -> str:
        return f"{self.medewerker_id} · {self.aangemaakt_op:%d-%m-%Y}"


class Capaciteitsstand(models.Model):
    """The capacity check of one location on one date, as its last computation found it.

    Celery computes every location for the booking horizon (werkplekken.tasks, every quarter
    of an hour): the dashboard, the check beside the agreement form and the team plan read one
    row per cell instead of a location's agreements and half days, which grow with its size.
    """

    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, related_name="+")
    datum = models.DateField()
    # Expected demand in desks: an agreement's share of a desk can be a fraction.
    vraag = models.DecimalField(max_digits=9, decimal_places=3)
    aanbod = models.PositiveIntegerField()
    berekend_op = models.DateTimeField()

    class Meta:
        verbose_name = _("capaciteitsstand")
        verbose_name_plural = _("capaciteitsstanden")
        constraints = [
            models.UniqueConstraint(fields=["locatie", "datum"], name="capaciteit_per_locatiedag")
        ]

    def __str__(self) -> str:
        return f"{self.locatie_id} · {self.datum}"


class Redenstand(models.Model):
    """The reason codes of the four weeks up to `datum`, counted by the same Celery run as the
    capacity check: how many were given, and how many said `geen_werkplek`."""

    datum = models.DateField(unique=True)
    redenen = models.PositiveIntegerField()
    geen_werkplek = models.PositiveIntegerField()
    berekend_op = models.DateTimeField()

    class Meta:
        verbose_name = _("redenstand")
        verbose_name_plural = _("redenstanden")

    def __str__(self) -> str:
        return f"{self.datum}: {self.geen_werkplek}/{self.redenen}"
