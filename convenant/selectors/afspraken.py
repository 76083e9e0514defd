"""Reads for the convenant app, scoped to what the user may see.

Fetch-and-authorise helpers return the object or raise Http404: an agreement someone may not
see does not exist for them. Every function here runs a fixed number of queries.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from convenant.formatting import getal
from convenant.models import (
    OPEN_STATUSES,
    WEEKDAG_NAMEN,
    Afspraak,
    Delegatie,
    Partij,
    Status,
    Teamplan,
    acties_vanuit,
)
from convenant.permissions import beslis_scope
from convenant.streefnorm import Streefnorm, streefnorm, streefnormen
from pilot.models import AuditEvent, Team
from pilot.selectors import Card
from pilot.werkdagen import werkdagen_tussen

HERINNERING_NA_WERKDAGEN = 10
ESCALATIE_NA_WERKDAGEN = 20
WEINIG_BEZETTING_PROCENT = 30
MAX_ID_CIJFERS = 18  # a bigint has 19 digits; no id in this portal comes near 18


def parse_id(value) -> int | None:
    """An id from a URL or query string, or None for anything that is not one.

    Only ASCII digits count ('²' and '١' pass `str.isdigit()` but are no id), and at most
    18 of them, so a 5 000-digit number is refused before `int()` or the database sees it.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not 0 < len(value) <= MAX_ID_CIJFERS:
        return None
    if not (value.isascii() and value.isdigit()):
        return None
    try:
        return int(value)
    except ValueError:
        return None


# --- agreements ----------------------------------------------------------------------------


def afspraken_zichtbaar_voor(user):
    """The user's own versions, and those of the people they decide for — except a concept.

    A concept is the employee's private draft (its considerations may be medical or social):
    until it is submitted it does not exist for anyone else, the leidinggevende included.
    """
    scope = beslis_scope(user)
    return Afspraak.objects.filter(
        Q(medewerker=user)
        | (Q(medewerker__team_id__in=list(scope.teams)) & ~Q(status=Status.CONCEPT))
    ).select_related("medewerker__team", "periode", "leidinggevende", "opgesteld_door")


def afspraak_voor(user, pk: int) -> Afspraak:
    return get_object_or_404(afspraken_zichtbaar_voor(user), pk=pk)


def wachttijd(afspraak: Afspraak, today: date | None = None) -> int:
    """Working days the proposal has waited for an answer."""
    if afspraak.ingediend_op is None:
        return 0
    today = today or timezone.localdate()
    return werkdagen_tussen(timezone.localdate(afspraak.ingediend_op), today)


def escalatie_mogelijk(afspraak: Afspraak, today: date | None = None) -> bool:
    if afspraak.status in (Status.AFGEWEZEN, Status.GEEN_OVEREENSTEMMING):
        return True
    return (
        afspraak.status == Status.INGEDIEND and wachttijd(afspraak, today) >= ESCALATIE_NA_WERKDAGEN
    )


def tijdlijnen(afspraken: list[Afspraak]) -> dict[int, list[AuditEvent]]:
    """The timeline of many versions in one query."""
    events = AuditEvent.objects.filter(
        object_type=Afspraak._meta.label_lower,
        object_id__in=[str(a.pk) for a in afspraken],
    ).select_related("actor", "namens")
    grouped: dict[int, list[AuditEvent]] = defaultdict(list)
    for event in events.order_by("tijdstip", "pk"):
        grouped[int(event.object_id)].append(event)
    return grouped


@dataclass
class MijnAfspraak:
    norm: Streefnorm
    huidige: Afspraak | None
    open: Afspraak | None
    versies: list[Afspraak]
    tijdlijn: dict[int, list[AuditEvent]]
    escalatie: bool
    acties: list[str] = field(default_factory=list)


def mijn_afspraak(user, today: date | None = None) -> MijnAfspraak:
    today = today or timezone.localdate()
    versies = list(
        Afspraak.objects.filter(medewerker=user)
        .select_related("periode", "opgesteld_door", "leidinggevende")
        .order_by("-versie")
    )
    huidige = next(
        (
            a
            for a in versies
            if a.status == Status.AKKOORD and a.ingangsdatum <= today <= a.einddatum
        ),
        None,
    )
    open_versie = next((a for a in versies if a.status in OPEN_STATUSES), None)
    laatste = versies[0] if versies else None
    return MijnAfspraak(
        norm=streefnorm(user, today),
        huidige=huidige,
        open=open_versie,
        versies=versies,
        tijdlijn=tijdlijnen(versies),
        escalatie=bool(laatste and escalatie_mogelijk(laatste, today)),
        acties=acties_vanuit(open_versie.status, Partij.MEDEWERKER) if open_versie else [],
    )


@dataclass
class InboxRegel:
    afspraak: Afspraak
    wachttijd: int
    te_laat: bool
    namens: object


@dataclass
class Inbox:
    te_beslissen: list[InboxRegel]
    bij_medewerker: list[InboxRegel]
    leden: list
    delegaties_ontvangen: list[Delegatie]


def inbox(user, today: date | None = None) -> Inbox:
    today = today or timezone.localdate()
    scope = beslis_scope(user, today)
    team_ids = list(scope.teams)
    open_versies = (
        Afspraak.objects.filter(
            medewerker__team_id__in=team_ids,
            status__in=[Status.INGEDIEND, Status.TEGENVOORSTEL],
        )
        .exclude(medewerker=user)
        .select_related("medewerker__team")
        .order_by("ingediend_op", "pk")
    )
    te_beslissen, bij_medewerker = [], []
    for afspraak in open_versies:
        wacht = wachttijd(afspraak, today)
        regel = InboxRegel(
            afspraak=afspraak,
            wachttijd=wacht,
            te_laat=afspraak.status == Status.INGEDIEND and wacht >= HERINNERING_NA_WERKDAGEN,
            namens=scope.namens(afspraak.medewerker.team_id),
        )
        (te_beslissen if afspraak.status == Status.INGEDIEND else bij_medewerker).append(regel)
    leden = list(
        get_user_model()
        .objects.filter(team_id__in=team_ids, is_active=True)
        .exclude(pk=user.pk)
        .select_related("team")
        .order_by("last_name", "first_name")
    )
    ontvangen = list(
        Delegatie.objects.actief_op(today).filter(vervanger=user).select_related("leidinggevende")
    )
    return Inbox(te_beslissen, bij_medewerker, leden, ontvangen)


def lid_voor_voorstel(user, pk: int):
    """A member the user may start a proposal for (as leidinggevende or vervanger), else 404."""
    scope = beslis_scope(user)
    member = get_object_or_404(
        get_user_model().objects.select_related("team"), pk=pk, is_active=True
    )
    if member.pk == user.pk or not scope.covers(member.team_id):
        raise Http404
    return member


def delegaties_van(user):
    return Delegatie.objects.filter(leidinggevende=user).select_related("vervanger")


def delegatie_van(user, pk: int) -> Delegatie:
    return get_object_or_404(delegaties_van(user), pk=pk)


# --- team plan -----------------------------------------------------------------------------


@dataclass
class Dag:
    weekdag: int
    naam: str
    aanwezig: list[str]
    percentage: int
    weinig: bool
    teamdag: bool

    @property
    def aantal(self) -> int:
        return len(self.aanwezig)


@dataclass
class LidRegel:
    naam: str
    afspraak: Afspraak | None
    norm: Streefnorm


@dataclass
class TeamplanOverzicht:
    team: Team
    datum: date
    teamgrootte: int
    dagen: list[Dag]
    zonder_vaste_dagen: list[str]
    volledig: bool
    leden: list[LidRegel] = field(default_factory=list)
    versies: list[Teamplan] = field(default_factory=list)

    @property
    def vastgesteld(self) -> Teamplan | None:
        return self.versies[0] if self.versies else None


def teams_met_plan(user) -> list[Team]:
    """Teams whose plan the user may open: their own team and every team they decide for."""
    ids = set(beslis_scope(user).teams)
    if user.team_id:
        ids.add(user.team_id)
    return list(Team.objects.filter(pk__in=ids).order_by("naam"))


def team_voor_plan(user, team_pk: int) -> tuple[Team, bool]:
    """The team and whether the user sees the full plan (leidinggevende) or names and days only."""
    team = get_object_or_404(Team, pk=team_pk)
    if beslis_scope(user).covers(team.pk):
        return team, True
    if user.team_id == team.pk:
        return team, False
    raise Http404


def teamplan(team: Team, datum: date, *, volledig: bool) -> TeamplanOverzicht:
    leden = list(team.leden.filter(is_active=True).order_by("last_name", "first_name", "pk"))
    afspraken = {
        a.medewerker_id: a for a in Afspraak.objects.akkoord_op(datum).filter(medewerker__team=team)
    }
    versies = list(
        Teamplan.objects.filter(team=team).select_related("vastgesteld_door", "namens")[:10]
    )
    teamdagen = set(versies[0].teamdagen) if versies else set()
    per_dag: dict[int, list[str]] = {day: [] for day in WEEKDAG_NAMEN}
    zonder: list[str] = []
    for lid in leden:
        afspraak = afspraken.get(lid.pk)
        if afspraak is None or not afspraak.kantoordagen:
            continue
        if not afspraak.voorkeursdagen:
            zonder.append(lid.naam)
        for day in afspraak.voorkeursdagen:
            per_dag[day].append(lid.naam)
    grootte = len(leden)
    dagen = []
    for day, namen in per_dag.items():
        percentage = round(100 * len(namen) / grootte) if grootte else 0
        dagen.append(
            Dag(
                weekdag=day,
                naam=str(WEEKDAG_NAMEN[day]),
                aanwezig=namen,
                percentage=percentage,
                weinig=percentage < WEINIG_BEZETTING_PROCENT,
                teamdag=day in teamdagen,
            )
        )
    overzicht = TeamplanOverzicht(
        team=team,
        datum=datum,
        teamgrootte=grootte,
        dagen=dagen,
        zonder_vaste_dagen=zonder,
        volledig=volledig,
    )
    if volledig:
        normen = streefnormen(leden, datum)
        overzicht.leden = [
            LidRegel(lid.naam, afspraken.get(lid.pk), normen[lid.pk]) for lid in leden
        ]
        overzicht.versies = versies
    return overzicht


# --- start page ----------------------------------------------------------------------------


def aandacht(user) -> list[Card]:
    """Start-page cards: the employee's agreement, and the inbox of a leidinggevende/vervanger."""
    today = timezone.localdate()
    cards = [_eigen_kaart(user, today)]
    scope = beslis_scope(user, today)
    if scope:
        open_versies = list(
            Afspraak.objects.filter(
                medewerker__team_id__in=list(scope.teams), status=Status.INGEDIEND
            )
            .exclude(medewerker=user)
            .only("pk", "ingediend_op")
        )
        te_laat = sum(1 for a in open_versies if wachttijd(a, today) >= HERINNERING_NA_WERKDAGEN)
        text = ngettext(
            "%(count)s voorstel wacht op uw besluit",
            "%(count)s voorstellen wachten op uw besluit",
            len(open_versies),
        ) % {"count": len(open_versies)}
        if te_laat:
            text += "; " + ngettext(
                "%(count)s daarvan wacht langer dan 10 werkdagen.",
                "%(count)s daarvan wachten langer dan 10 werkdagen.",
                te_laat,
            ) % {"count": te_laat}
        else:
            text += "."
        cards.append(
            Card(
                title=_("Voorstellen van mijn team"),
                text=text,
                link=reverse("mijn_team"),
                link_label=_("Naar Mijn team"),
            )
        )
    return cards


def _eigen_kaart(user, today: date) -> Card:
    laatste = (
        Afspraak.objects.filter(medewerker=user)
        .order_by("-versie")
        .only("status", "kantoordagen", "tegenvoorstel_kantoordagen", "ingediend_op", "einddatum")
        .first()
    )
    if laatste is None:
        text = _("U hebt nog geen afspraak over kantoordagen. Maak een voorstel.")
    elif laatste.status == Status.TEGENVOORSTEL:
        text = _(
            "Uw leidinggevende doet een voorstel van %(dagen)s dagen; uw antwoord is nodig."
        ) % {"dagen": getal(laatste.tegenvoorstel_kantoordagen)}
    elif laatste.status == Status.AKKOORD:
        text = _("U hebt een afspraak van %(dagen)s kantoordagen per week.") % {
            "dagen": getal(laatste.kantoordagen)
        }
    else:
        text = _("De laatste versie van uw afspraak heeft de status ‘%(status)s’.") % {
            "status": laatste.get_status_display()
        }
    return Card(
        title=_("Mijn afspraak"),
        text=text,
        link=reverse("mijn_afspraak"),
        link_label=_("Naar Mijn afspraak"),
    )
