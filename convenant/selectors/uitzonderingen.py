"""Reads on exemptions; a fixed number of queries each. Who sees what: convenant.permissions
(`zichtbare_uitzonderingen`, `mag_details_zien`, `mag_bewijsstuk_zien`)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Case, Count, F, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from convenant.models import (
    LOPENDE_STATUSSEN,
    UITZONDERING_WORKFLOW,
    Categorie,
    Uitzondering,
    UitzonderingStatus,
)
from convenant.permissions import (
    beslis_scope,
    mag_bewijsstuk_zien,
    mag_details_zien,
    uitzondering_partij,
)
from convenant.streefnorm import VOLTIJD_UREN, Streefnorm, Verlaging, basisnorm, streefnorm
from pilot.audit import timelines_for
from pilot.dates import in_sentence
from pilot.models import AuditEvent
from pilot.pagination import page_with_total
from pilot.permissions import has_role
from pilot.selectors import Card

VERLOOPMELDING_DAGEN = 14


# --- the seam into the streefnorm --------------------------------------------------------


def verlagingen(
    medewerkers: list, datum: date, tot: date | None = None
) -> dict[int, list[Verlaging]]:
    """Granted exemptions covering `datum` (or any day of [datum, tot]), for many people in
    one query."""
    result: dict[int, list[Verlaging]] = defaultdict(list)
    geldig = (
        Uitzondering.objects.filter(
            status=UitzonderingStatus.TOEGEKEND,
            ingangsdatum__lte=tot or datum,
            einddatum__gte=datum,
        )
        .filter(medewerker_id__in=[person.pk for person in medewerkers])
        .only("medewerker_id", "categorie", "kantoordagen", "ingangsdatum", "einddatum")
        .order_by("kantoordagen", "pk")
    )
    for uitzondering in geldig:
        result[uitzondering.medewerker_id].append(
            Verlaging(
                uitzondering.kantoordagen,
                _("uitzondering %(categorie)s tot en met %(tot)s")
                % {
                    "categorie": uitzondering.get_categorie_display(),
                    "tot": in_sentence(uitzondering.einddatum),
                },
                ingangsdatum=uitzondering.ingangsdatum,
                einddatum=uitzondering.einddatum,
            )
        )
    return dict(result)


# --- pages ---------------------------------------------------------------------------------


# Timeline notes that never carry what the employee wrote: the leidinggevende's own motivation
# and the portal's expiry note. Any other note is left out for those who may not see details.
OPENBARE_NOTITIES = frozenset(
    {"uitzondering.afwijzen", "uitzondering.laten_verlopen", "uitzondering.niet_aantoonbaar"}
)


def tijdlijn_voor(user, uitzondering: Uitzondering) -> list[AuditEvent]:
    """The timeline of one exemption as this user may see it."""
    events = timelines_for([uitzondering])[uitzondering.pk]
    if not mag_details_zien(user, uitzondering):
        for event in events:
            if event.actie not in OPENBARE_NOTITIES:
                event.notitie = ""  # in memory only: the audit record itself is never changed
    return events


@dataclass
class UitzonderingDetail:
    uitzondering: Uitzondering
    acties: frozenset[str]
    eigenaar: bool
    beslisser: bool
    hr: bool
    mag_details_zien: bool
    mag_bewijs_zien: bool
    tijdlijn: list[AuditEvent]


def uitzondering_detail(user, uitzondering: Uitzondering) -> UitzonderingDetail:
    partij = uitzondering_partij(user, uitzondering)
    return UitzonderingDetail(
        uitzondering=uitzondering,
        acties=UITZONDERING_WORKFLOW.open_actions(uitzondering, partij),
        eigenaar="medewerker" in partij,
        beslisser="leidinggevende" in partij,
        hr="hr" in partij,
        mag_details_zien=mag_details_zien(user, uitzondering),
        mag_bewijs_zien=mag_bewijsstuk_zien(user, uitzondering),
        tijdlijn=tijdlijn_voor(user, uitzondering),
    )


@dataclass(frozen=True)
class Deeltijd:
    """The part-time line: derived from the contract hours, never requested."""

    uren: Decimal
    dagen: Decimal


def deeltijd(user) -> Deeltijd | None:
    if not user.hybride_functie or Decimal(user.contracturen) >= VOLTIJD_UREN:
        return None
    return Deeltijd(Decimal(user.contracturen), basisnorm(user.contracturen, True))


@dataclass
class MijnUitzonderingen:
    norm: Streefnorm
    deeltijd: Deeltijd | None
    uitzonderingen: list[Uitzondering]
    tijdlijn: dict[int, list[AuditEvent]]


def mijn_uitzonderingen(user, today: date | None = None) -> MijnUitzonderingen:
    today = today or timezone.localdate()
    uitzonderingen = list(
        Uitzondering.objects.filter(medewerker=user)
        .select_related("geverifieerd_door", "besloten_door")
        .order_by("-ingangsdatum", "-pk")
    )
    return MijnUitzonderingen(
        norm=streefnorm(user, today),
        deeltijd=deeltijd(user),
        uitzonderingen=uitzonderingen,
        tijdlijn=timelines_for(uitzonderingen),
    )


@dataclass
class TeamUitzonderingen:
    te_beslissen: list[Uitzondering]
    lopend: list[Uitzondering]
    afgehandeld: list[Uitzondering]
    namens: dict[int, object] = field(default_factory=dict)


# What a row of the exemption lists shows (convenant_tags.uitzondering_rij): an exemption and
# its person carry some twenty columns each, and the lists hold up to 150 rows.
LIJST_VELDEN = (
    "medewerker__first_name",
    "medewerker__last_name",
    "medewerker__username",
    "medewerker__team__naam",
    "categorie",
    "status",
    "kantoordagen",
    "ingangsdatum",
    "einddatum",
    "bewijsstuk",
    "geverifieerd_op",
    "aangevraagd_op",
    "besloten_op",
)


# The three lists of team_uitzonderingen, in the order the page shows them.
TE_BESLISSEN, LOPEND, AFGEHANDELD = 1, 2, 3


def team_uitzonderingen(user, today: date | None = None, limiet: int = 50) -> TeamUitzonderingen:
    """Exemptions of the teams the user decides for, never the user's own: requests (oldest
    first), granted ones still running (ending first) and refused or lapsed ones (latest
    decision first), at most `limiet` of each.

    One query: each exemption's list and its rank within it (a window per list), so the span's
    people are joined once, not once per list (an afdelingshoofd's span is a thousand people).
    """
    today = today or timezone.localdate()
    scope = beslis_scope(user, today)
    afgehandeld = [UitzonderingStatus.AFGEWEZEN, UitzonderingStatus.VERLOPEN]

    # The list's sort key, empty in the other lists. Each list is told apart by its states
    # alone (the filter already dropped what ended): a condition on the `lijst` annotation
    # would repeat its whole CASE in every key, and Django took longer to build that query
    # than PostgreSQL to run it.
    def binnen(statussen, veld):
        return Case(When(status__in=statussen, then=F(veld)))

    rijen = (
        Uitzondering.objects.filter(scope.records())
        .filter(
            Q(status__in=[UitzonderingStatus.AANGEVRAAGD, *afgehandeld])
            | Q(status=UitzonderingStatus.TOEGEKEND, einddatum__gte=today)
        )
        .annotate(
            lijst=Case(
                When(status=UitzonderingStatus.AANGEVRAAGD, then=Value(TE_BESLISSEN)),
                When(status=UitzonderingStatus.TOEGEKEND, then=Value(LOPEND)),
                default=Value(AFGEHANDELD),
            ),
            rang=Window(
                RowNumber(),
                partition_by=[F("lijst")],
                order_by=[
                    binnen([UitzonderingStatus.AANGEVRAAGD], "aangevraagd_op").asc(),
                    binnen([UitzonderingStatus.TOEGEKEND], "einddatum").asc(),
                    binnen(afgehandeld, "besloten_op").desc(),
                    # Ties: the newest decision first, in the other lists the oldest row.
                    binnen(afgehandeld, "pk").desc(),
                    F("pk").asc(),
                ],
            ),
        )
        .filter(rang__lte=limiet)
        .select_related("medewerker__team")
        .only(*LIJST_VELDEN)
        .order_by("lijst", "rang")
    )
    lijsten: dict[int, list[Uitzondering]] = {TE_BESLISSEN: [], LOPEND: [], AFGEHANDELD: []}
    for uitzondering in rijen:
        lijsten[uitzondering.lijst].append(uitzondering)
    te_beslissen = lijsten[TE_BESLISSEN]
    namens = {u.pk: scope.namens(u.medewerker.team_id) for u in te_beslissen}
    return TeamUitzonderingen(te_beslissen, lijsten[LOPEND], lijsten[AFGEHANDELD], namens)


WACHTRIJ_PER_PAGINA = 25


@dataclass
class Verificatie:
    te_verifieren: object  # a Django Page, oldest request first
    geverifieerd: list[Uitzondering]


def verificatie_wachtrij(pagina=1, limiet: int = 10) -> Verificatie:
    """HR's queue: earlier written agreements whose evidence still has to be verified, a page at
    a time (the queue can hold the whole organisation); below it the last few verified, as a
    reminder of what was just done, not an archive."""
    base = (
        Uitzondering.objects.filter(categorie=Categorie.EERDERE_AFSPRAAK)
        .select_related("medewerker__team")
        .only(*LIJST_VELDEN)
    )
    wachtend = base.filter(
        status__in=LOPENDE_STATUSSEN, geverifieerd_op__isnull=True, niet_aantoonbaar_op__isnull=True
    ).order_by("aangevraagd_op", "pk")
    return Verificatie(
        te_verifieren=page_with_total(wachtend, pagina, WACHTRIJ_PER_PAGINA),
        geverifieerd=list(
            base.filter(geverifieerd_op__isnull=False).order_by("-geverifieerd_op")[:limiet]
        ),
    )


# --- start page ----------------------------------------------------------------------------


def aandacht(user) -> list[Card]:
    """Start-page cards: one's own exemption ending soon, requests to decide, HR's queue.

    One aggregate query answers all three; a second one only when an exemption is ending.
    """
    today = timezone.localdate()
    scope = beslis_scope(user, today)
    is_hr = has_role(user, "hr")
    eigen_eindigend = Q(
        medewerker=user,
        status=UitzonderingStatus.TOEGEKEND,
        einddatum__gte=today,
        einddatum__lte=today + timedelta(days=VERLOOPMELDING_DAGEN),
    )
    te_beslissen = scope.records() & Q(status=UitzonderingStatus.AANGEVRAAGD)
    te_verifieren = Q(
        categorie=Categorie.EERDERE_AFSPRAAK,
        status__in=LOPENDE_STATUSSEN,
        geverifieerd_op__isnull=True,
    )
    counts = {"eindigend": Count("pk", filter=eigen_eindigend)}
    # Only the rows that can count: the cost follows what the user sees, not the organisation.
    relevant = eigen_eindigend
    if scope:
        counts["te_beslissen"] = Count("pk", filter=te_beslissen)
        relevant |= te_beslissen
    if is_hr:
        counts["te_verifieren"] = Count("pk", filter=te_verifieren)
        relevant |= te_verifieren
    totals = {
        "te_beslissen": 0,
        "te_verifieren": 0,
        **Uitzondering.objects.filter(relevant).aggregate(**counts),
    }
    cards = []
    if totals["eindigend"]:
        for uitzondering in Uitzondering.objects.filter(eigen_eindigend).order_by("einddatum"):
            cards.append(
                Card(
                    title=_("Uw uitzondering loopt af"),
                    text=_(
                        "Uw uitzondering %(categorie)s geldt tot en met %(tot)s. Daarna geldt "
                        "weer uw gewone streefnorm."
                    )
                    % {
                        "categorie": uitzondering.get_categorie_display(),
                        "tot": in_sentence(uitzondering.einddatum),
                    },
                    link=reverse("mijn_uitzonderingen"),
                    link_label=_("Naar Mijn uitzonderingen"),
                )
            )
    if totals["te_beslissen"]:
        cards.append(
            Card(
                title=_("Uitzonderingen van mijn team"),
                text=ngettext(
                    "%(count)s aanvraag voor een uitzondering wacht op uw besluit.",
                    "%(count)s aanvragen voor een uitzondering wachten op uw besluit.",
                    totals["te_beslissen"],
                )
                % {"count": totals["te_beslissen"]},
                link=reverse("team_uitzonderingen"),
                link_label=_("Naar uitzonderingen van mijn team"),
            )
        )
    if is_hr:
        wachtend = totals["te_verifieren"]
        cards.append(
            Card(
                title=_("Eerdere afspraken verifiëren"),
                text=ngettext(
                    "%(count)s eerdere schriftelijke afspraak wacht op verificatie.",
                    "%(count)s eerdere schriftelijke afspraken wachten op verificatie.",
                    wachtend,
                )
                % {"count": wachtend},
                link=reverse("uitzondering_verificatie"),
                link_label=_("Naar de verificatie"),
            )
        )
    return cards


@dataclass
class AanvraagPagina:
    norm: Streefnorm
    basisnorm: Decimal
    deeltijd: Deeltijd | None


def aanvraag_pagina(user, today: date | None = None) -> AanvraagPagina:
    """What the request form shows beside the fields: the norm an exemption would lower."""
    today = today or timezone.localdate()
    return AanvraagPagina(
        norm=streefnorm(user, today),
        basisnorm=basisnorm(user.contracturen, user.hybride_functie),
        deeltijd=deeltijd(user),
    )
