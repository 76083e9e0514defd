"""Reads on exemptions, scoped to what the user may see; a fixed number of queries each.

Who sees an exemption: the employee, the leidinggevende of the team (incl. sub-teams and an
active vervanger), and HR. Nobody else: for a colleague, the OR or facilitair beheer it does not
exist (404). What they see differs: the leidinggevende sees category, days, period, status,
"bewijs aanwezig" (and HR's verification), the decision and the timeline; the explanation, the
bedrijfsarts answer and the mantelzorg hours only the employee and HR (`mag_details_zien`).
Who may read the evidence document: see `mag_bewijsstuk_zien`.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from convenant.models import (
    LOPENDE_STATUSSEN,
    Categorie,
    Uitzondering,
    UitzonderingStatus,
)
from convenant.permissions import beslis_scope
from convenant.streefnorm import VOLTIJD_UREN, Streefnorm, Verlaging, basisnorm, streefnorm
from pilot.models import AuditEvent
from pilot.permissions import has_role
from pilot.selectors import Card

VERLOOPMELDING_DAGEN = 14


# --- the seam into the streefnorm --------------------------------------------------------


def verlagingen(medewerkers: list, datum: date) -> dict[int, list[Verlaging]]:
    """Granted exemptions covering `datum`, for many people in one query."""
    result: dict[int, list[Verlaging]] = defaultdict(list)
    geldig = (
        Uitzondering.objects.geldig_op(datum)
        .filter(medewerker_id__in=[person.pk for person in medewerkers])
        .only("medewerker_id", "categorie", "kantoordagen", "einddatum")
        .order_by("kantoordagen", "pk")
    )
    for uitzondering in geldig:
        result[uitzondering.medewerker_id].append(
            Verlaging(
                uitzondering.kantoordagen,
                _("door uitzondering %(categorie)s t/m %(tot)s")
                % {
                    "categorie": uitzondering.get_categorie_display(),
                    "tot": uitzondering.einddatum.strftime("%d-%m-%Y"),
                },
            )
        )
    return dict(result)


# --- fetch and authorise -------------------------------------------------------------------

# Seam: (user, uitzondering) -> bool, filled from another app's ready(). Who may read an
# exemption's details and evidence besides the employee and HR; this module names no such app.
DOSSIER_LEZERS: list = []


def zichtbaar_voor(user):
    if not user.is_authenticated:
        return Uitzondering.objects.none()
    queryset = Uitzondering.objects.all()
    if not has_role(user, "hr"):  # HR verifies and reads evidence: it sees every exemption
        teams = list(beslis_scope(user).teams)
        queryset = queryset.filter(Q(medewerker=user) | Q(medewerker__team_id__in=teams))
    return queryset.select_related("medewerker__team", "geverifieerd_door", "besloten_door")


def uitzondering_voor(user, pk: int) -> Uitzondering:
    return get_object_or_404(zichtbaar_voor(user), pk=pk)


def mag_details_zien(user, uitzondering: Uitzondering) -> bool:
    """May the user read what the employee wrote and declared: the explanation, whether a
    bedrijfsarts advised it and the mantelzorg hours? The employee and HR may; a leidinggevende
    or vervanger decides on category, days and period only (DESIGN §2). So may whoever an app
    adds to DOSSIER_LEZERS (the comité panel of a case about this exemption).
    """
    if not user.is_authenticated:
        return False
    if uitzondering.medewerker_id == user.pk or has_role(user, "hr"):
        return True
    return any(lezer(user, uitzondering) for lezer in DOSSIER_LEZERS)


def mag_bewijsstuk_zien(user, uitzondering: Uitzondering) -> bool:
    """May the user read this exemption's evidence document? The employee and HR may, and
    whoever an app adds to DOSSIER_LEZERS (the comité panel of a case about this exemption);
    the leidinggevende never (they see only that evidence is present), nor anyone else.
    """
    if not user.is_authenticated:
        return False
    if uitzondering.medewerker_id == user.pk or has_role(user, "hr"):
        return True
    return any(lezer(user, uitzondering) for lezer in DOSSIER_LEZERS)


def bewijsstuk_voor(user, pk: int) -> Uitzondering:
    """The exemption whose evidence the user may download, else 404 (also without evidence)."""
    uitzondering = uitzondering_voor(user, pk)
    if not uitzondering.bewijsstuk or not mag_bewijsstuk_zien(user, uitzondering):
        raise Http404
    return uitzondering


def mag_beslissen(user, uitzondering: Uitzondering) -> bool:
    if uitzondering.medewerker_id == user.pk:
        return False
    return beslis_scope(user).covers(uitzondering.medewerker.team_id)


# --- pages ---------------------------------------------------------------------------------


def tijdlijnen(uitzonderingen: list[Uitzondering]) -> dict[int, list[AuditEvent]]:
    """The timeline of many exemptions in one query."""
    events = AuditEvent.objects.filter(
        object_type=Uitzondering._meta.label_lower,
        object_id__in=[str(u.pk) for u in uitzonderingen],
    ).select_related("actor", "namens")
    grouped: dict[int, list[AuditEvent]] = defaultdict(list)
    for event in events.order_by("tijdstip", "pk"):
        grouped[int(event.object_id)].append(event)
    return grouped


# Timeline notes that never carry what the employee wrote: the leidinggevende's own motivation
# and the portal's expiry note. Any other note is left out for those who may not see details.
OPENBARE_NOTITIES = frozenset({"uitzondering.afwijzen", "uitzondering.laten_verlopen"})


def tijdlijn_voor(user, uitzondering: Uitzondering) -> list[AuditEvent]:
    """The timeline of one exemption as this user may see it."""
    events = list(tijdlijnen([uitzondering]).get(uitzondering.pk, []))
    if not mag_details_zien(user, uitzondering):
        for event in events:
            if event.actie not in OPENBARE_NOTITIES:
                event.notitie = ""  # in memory only: the audit record itself is never changed
    return events


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
        tijdlijn=tijdlijnen(uitzonderingen),
    )


@dataclass
class TeamUitzonderingen:
    te_beslissen: list[Uitzondering]
    lopend: list[Uitzondering]
    afgehandeld: list[Uitzondering]
    namens: dict[int, object] = field(default_factory=dict)


def team_uitzonderingen(user, today: date | None = None, limiet: int = 50) -> TeamUitzonderingen:
    """Exemptions of the teams the user decides for. Never the user's own."""
    today = today or timezone.localdate()
    scope = beslis_scope(user, today)
    base = (
        Uitzondering.objects.filter(medewerker__team_id__in=list(scope.teams))
        .exclude(medewerker=user)
        .select_related("medewerker__team")
    )
    te_beslissen = list(
        base.filter(status=UitzonderingStatus.AANGEVRAAGD).order_by("aangevraagd_op", "pk")
    )
    lopend = list(
        base.filter(status=UitzonderingStatus.TOEGEKEND, einddatum__gte=today).order_by(
            "einddatum", "pk"
        )[:limiet]
    )
    afgehandeld = list(
        base.filter(
            status__in=[UitzonderingStatus.AFGEWEZEN, UitzonderingStatus.VERLOPEN]
        ).order_by("-besloten_op", "-pk")[:limiet]
    )
    namens = {u.pk: scope.namens(u.medewerker.team_id) for u in te_beslissen}
    return TeamUitzonderingen(te_beslissen, lopend, afgehandeld, namens)


@dataclass
class Verificatie:
    te_verifieren: list[Uitzondering]
    geverifieerd: list[Uitzondering]


def verificatie_wachtrij(limiet: int = 50) -> Verificatie:
    """HR's queue: earlier written agreements whose evidence still has to be verified."""
    base = Uitzondering.objects.filter(categorie=Categorie.EERDERE_AFSPRAAK).select_related(
        "medewerker__team", "geverifieerd_door"
    )
    return Verificatie(
        te_verifieren=list(
            base.filter(status__in=LOPENDE_STATUSSEN, geverifieerd_op__isnull=True).order_by(
                "aangevraagd_op", "pk"
            )
        ),
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
    te_beslissen = Q(
        medewerker__team_id__in=list(scope.teams), status=UitzonderingStatus.AANGEVRAAGD
    ) & ~Q(medewerker=user)
    te_verifieren = Q(
        categorie=Categorie.EERDERE_AFSPRAAK,
        status__in=LOPENDE_STATUSSEN,
        geverifieerd_op__isnull=True,
    )
    counts = {"eindigend": Count("pk", filter=eigen_eindigend)}
    if scope:
        counts["te_beslissen"] = Count("pk", filter=te_beslissen)
    if is_hr:
        counts["te_verifieren"] = Count("pk", filter=te_verifieren)
    totals = {"te_beslissen": 0, "te_verifieren": 0, **Uitzondering.objects.aggregate(**counts)}
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
                        "tot": uitzondering.einddatum.strftime("%d-%m-%Y"),
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
