"""Reads on agreements, scoped to what the user may see; a fixed number of queries each.

Objects come in already fetched and authorised (convenant.permissions); each page gets its
data from one function here.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cached_property

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from convenant.formatting import getal
from convenant.models import (
    AFSPRAAK_WORKFLOW,
    OPEN_STATUSES,
    VOORSTEL_LEIDINGGEVENDE,
    WACHTENDE_STATUSSEN,
    WEIGERINGEN,
    Afspraak,
    Delegatie,
    Status,
    Uitzondering,
)
from convenant.permissions import afspraak_partij, beslis_scope, voorstel_partij
from convenant.streefnorm import (
    Normtoets,
    Streefnorm,
    normtoets,
    streefnorm,
    streefnorm_dagen,
)
from pilot.audit import timelines_for
from pilot.models import AuditEvent, Periode
from pilot.pagination import page_with_total
from pilot.selectors import Card, leidinggevende_van
from pilot.werkdagen import werkdagen_terug, werkdagen_tussen

HERINNERING_NA_WERKDAGEN = 10
ESCALATIE_NA_WERKDAGEN = 20


# --- agreements ----------------------------------------------------------------------------


def wachttijd(afspraak: Afspraak, today: date | None = None) -> int:
    """Working days the proposal has waited for an answer."""
    if afspraak.ingediend_op is None:
        return 0
    today = today or timezone.localdate()
    return werkdagen_tussen(timezone.localdate(afspraak.ingediend_op), today)


def escalatie_mogelijk(afspraak: Afspraak, today: date | None = None) -> bool:
    if afspraak.status in WEIGERINGEN:
        return True
    return (
        afspraak.status == Status.INGEDIEND and wachttijd(afspraak, today) >= ESCALATIE_NA_WERKDAGEN
    )


@dataclass
class MijnAfspraak:
    user: object
    norm: Streefnorm
    huidige: Afspraak | None
    open: Afspraak | None
    versies: list[Afspraak]
    escalatie: bool
    # What the employee may do with the open version (from the workflow table).
    acties: frozenset[str] = frozenset()
    wacht_op_besluit: bool = False
    # The employee's own concept while a proposal of the leidinggevende waits beside it.
    concept_ernaast: Afspraak | None = None

    # Read only by the page that shows them (Mijn afspraak), not by the proposal form, which
    # shares this data: their queries would cost the form a third of its time.
    @cached_property
    def tijdlijn(self) -> dict[int, list[AuditEvent]]:
        return _benoemd(self.versies, timelines_for(self.versies))

    @cached_property
    def leidinggevende(self):
        """Who decides on the employee's proposals; None: no one is above them (HR is told)."""
        return leidinggevende_van(self.user)


def mijn_afspraak(user, today: date | None = None) -> MijnAfspraak:
    today = today or timezone.localdate()
    versies = list(
        Afspraak.objects.filter(medewerker=user)
        .select_related("periode", "opgesteld_door", "leidinggevende")
        .order_by("-versie")
    )
    huidige = next((a for a in versies if _in_kracht(a, today)), None)
    # What waits for an answer comes before the employee's own concept beside it.
    open_versie = next((a for a in versies if a.status in WACHTENDE_STATUSSEN), None) or next(
        (a for a in versies if a.status in OPEN_STATUSES), None
    )
    laatste = versies[0] if versies else None
    return MijnAfspraak(
        user=user,
        norm=streefnorm(user, today),
        huidige=huidige,
        open=open_versie,
        versies=versies,
        escalatie=bool(laatste and escalatie_mogelijk(laatste, today)),
        acties=(
            AFSPRAAK_WORKFLOW.open_actions(open_versie, afspraak_partij(user, open_versie))
            if open_versie
            else frozenset()
        ),
        wacht_op_besluit=bool(open_versie and open_versie.status == Status.INGEDIEND),
        concept_ernaast=next(
            (a for a in versies if a.status == Status.CONCEPT and a is not open_versie), None
        ),
    )


def _benoemd(versies: list[Afspraak], tijdlijnen: dict[int, list[AuditEvent]]):
    """A proposal the leidinggevende started waits in the stored state `tegenvoorstel`; its
    timeline calls that state what it is (display only, nothing is saved)."""
    for afspraak in versies:
        if not afspraak.door_leidinggevende_gestart:
            continue
        for event in tijdlijnen.get(afspraak.pk, []):
            if event.van_status == Status.TEGENVOORSTEL:
                event.van_status = VOORSTEL_LEIDINGGEVENDE
            if event.naar_status == Status.TEGENVOORSTEL:
                event.naar_status = VOORSTEL_LEIDINGGEVENDE
    return tijdlijnen


def standaard_voorstel(person, today: date | None = None) -> dict:
    today = today or timezone.localdate()
    periode = Periode.objects.covering(today).order_by("-startdatum").first()
    initial = {"ingangsdatum": today, "kantoordagen": streefnorm(person, today).dagen}
    if periode:
        initial["einddatum"] = periode.einddatum
    return initial


def normtoets_formulier(
    person, *, kantoordagen, ingangsdatum: date | None, einddatum: date | None, today=None
) -> Normtoets:
    """The live check of a proposal form: the days against the norm over the span typed so
    far (no start date yet: today; no end date yet: the end of the period it starts in)."""
    van = ingangsdatum or today or timezone.localdate()
    tot = einddatum
    if tot is None:
        periode = Periode.objects.covering(van).order_by("-startdatum").first()
        tot = periode.einddatum if periode else van
    return normtoets(person, kantoordagen, van, tot)


@dataclass
class Kolom:
    """One side of the decision page's comparison: what a proposal or agreement holds."""

    kop: str
    kantoordagen: Decimal
    voorkeursdagen: list[str]
    locatie: object | None
    ingangsdatum: date
    einddatum: date


@dataclass
class Vergelijking:
    """What is on the table beside the current agreement and the streefnorm (per part)."""

    kolommen: list[Kolom]
    huidige: Afspraak | None
    toets: Normtoets


@dataclass
class AfspraakDetail:
    afspraak: Afspraak
    norm: Streefnorm
    # The days on the table against the norm in every part of the agreement's span.
    toets: Normtoets
    tijdlijn: list[AuditEvent]
    acties: frozenset[str]
    eigenaar: bool
    beslisser: bool
    wachttijd: int
    wacht_op_besluit: bool
    # Only when the user is to decide or answer: the comparison to decide on.
    vergelijking: Vergelijking | None = None


def afspraak_detail(user, afspraak: Afspraak, today: date | None = None) -> AfspraakDetail:
    partij = afspraak_partij(user, afspraak)
    acties = AFSPRAAK_WORKFLOW.open_actions(afspraak, partij)
    kolommen = _voorstel_kolommen(afspraak, eigenaar="medewerker" in partij)
    toets = normtoets(
        afspraak.medewerker, kolommen[0].kantoordagen, afspraak.ingangsdatum, afspraak.einddatum
    )
    detail = AfspraakDetail(
        afspraak=afspraak,
        norm=toets.eerste,
        toets=toets,
        tijdlijn=_benoemd([afspraak], timelines_for([afspraak]))[afspraak.pk],
        acties=acties,
        eigenaar="medewerker" in partij,
        beslisser="leidinggevende" in partij,
        wachttijd=wachttijd(afspraak),
        wacht_op_besluit=afspraak.status == Status.INGEDIEND,
    )
    if acties & {"akkoord", "accepteren"}:
        huidige = (
            Afspraak.objects.akkoord_op(today or timezone.localdate())
            .filter(medewerker_id=afspraak.medewerker_id)
            .exclude(pk=afspraak.pk)
            .select_related("locatie")
            .order_by("-versie")
            .first()
        )
        detail.vergelijking = Vergelijking(kolommen, huidige, toets)
    return detail


def _voorstel_kolommen(afspraak: Afspraak, *, eigenaar: bool) -> list[Kolom]:
    """What is on the table first: a counter-proposal before the proposal it answers."""

    def kolom(kop, dagen, namen, locatie) -> Kolom:
        return Kolom(kop, dagen, namen, locatie, afspraak.ingangsdatum, afspraak.einddatum)

    eigen = kolom(
        _("Uw voorstel") if eigenaar else _("Voorstel van de medewerker"),
        afspraak.kantoordagen,
        afspraak.voorkeursdagen_namen,
        afspraak.locatie,
    )
    if afspraak.is_tegenvoorstel:
        tegen = kolom(
            _("Tegenvoorstel van uw leidinggevende") if eigenaar else _("Uw tegenvoorstel"),
            afspraak.tegenvoorstel_kantoordagen,
            afspraak.tegenvoorstel_voorkeursdagen_namen,
            afspraak.tegenvoorstel_locatie or afspraak.locatie,
        )
        return [tegen, eigen]
    if afspraak.is_voorstel_leidinggevende:
        eigen.kop = _("Voorstel van uw leidinggevende") if eigenaar else _("Uw voorstel")
    return [eigen]


@dataclass
class VoorstelLid:
    lid: object
    norm: Streefnorm
    initial: dict


def voorstel_lid(user, lid) -> VoorstelLid:
    """The page on which a leidinggevende starts a proposal for `lid` (already authorised)."""
    today = timezone.localdate()
    return VoorstelLid(lid, streefnorm(lid, today), standaard_voorstel(lid, today))


def mag_voorstellen(user, lid) -> bool:
    return AFSPRAAK_WORKFLOW.allows(None, "voorstellen", voorstel_partij(user, lid))


@dataclass
class InboxRegel:
    afspraak: Afspraak
    wachttijd: int
    te_laat: bool
    namens: object


INBOX_LIMIET = 10
# What the inbox shows of each proposal and its person: a version row carries some thirty
# columns (texts, JSON) and a person twenty, and reading them all was half the inbox's time.
INBOX_VELDEN = (
    "medewerker__first_name",
    "medewerker__last_name",
    "medewerker__username",
    "medewerker__team__naam",
    "status",
    "kantoordagen",
    "tegenvoorstel_kantoordagen",
    "ingediend_op",
)


@dataclass
class Inbox:
    # The oldest first, at most INBOX_LIMIET each; the totals say how many there are.
    te_beslissen: list[InboxRegel]
    bij_medewerker: list[InboxRegel]
    aantal_te_beslissen: int
    aantal_bij_medewerker: int
    delegaties_ontvangen: list[Delegatie]


def inbox(user, today: date | None = None) -> Inbox:
    """The proposals of the people the user decides for: waiting for the user's decision, and
    waiting for the member's answer. Bounded lists with totals: an afdelingshoofd's span can be
    a thousand people; the member list (team_leden) pages through all of them."""
    today = today or timezone.localdate()
    scope = beslis_scope(user, today)
    per_status = {"partition_by": [F("status")]}
    totalen = {Status.INGEDIEND: 0, Status.TEGENVOORSTEL: 0}
    regels: dict[str, list[InboxRegel]] = {Status.INGEDIEND: [], Status.TEGENVOORSTEL: []}
    # Both lists and their totals in two queries: per state each proposal's rank (oldest
    # first) and the state's count over the span, from the covering index alone; then the
    # rows of the oldest of each state.
    oudste = dict(
        Afspraak.objects.filter(scope.records(), status__in=WACHTENDE_STATUSSEN)
        .annotate(
            rang=Window(RowNumber(), order_by=[F("ingediend_op"), F("pk")], **per_status),
            totaal=Window(Count("pk"), **per_status),
        )
        .filter(rang__lte=INBOX_LIMIET)
        .order_by()  # not the model's order by version: that column is not in the index
        .values_list("pk", "totaal")
    )
    for afspraak in (
        Afspraak.objects.filter(pk__in=oudste)
        .select_related("medewerker__team")
        .only(*INBOX_VELDEN)
        .order_by("ingediend_op", "pk")
    ):
        wacht = wachttijd(afspraak, today)
        totalen[afspraak.status] = oudste[afspraak.pk]
        regels[afspraak.status].append(
            InboxRegel(
                afspraak=afspraak,
                wachttijd=wacht,
                te_laat=afspraak.status == Status.INGEDIEND and wacht >= HERINNERING_NA_WERKDAGEN,
                namens=scope.namens(afspraak.medewerker.team_id),
            )
        )
    return Inbox(
        te_beslissen=regels[Status.INGEDIEND],
        bij_medewerker=regels[Status.TEGENVOORSTEL],
        aantal_te_beslissen=totalen[Status.INGEDIEND],
        aantal_bij_medewerker=totalen[Status.TEGENVOORSTEL],
        delegaties_ontvangen=list(scope.delegaties),
    )


# What a member's agreement looks like today, for the member list and its filter.
class Stand(models.TextChoices):
    # Lazy: the labels are made once, at import, and must read in each request's language.
    OPEN = "open", gettext_lazy("voorstel open")
    VOORGELEGD = "voorgelegd", gettext_lazy("voorgelegd aan het adviserend comité")
    GEWEIGERD = "geweigerd", gettext_lazy("afgewezen of geen overeenstemming")
    AKKOORD = "akkoord", gettext_lazy("akkoord")
    GEEN = "geen", gettext_lazy("geen afspraak")


UITZONDERING_FILTER = "uitzondering"
LEDEN_PER_PAGINA = 25
# What the member list reads of a person (name, team, what their norm depends on) and of a
# version (what the standing and its row show): not the full rows, see INBOX_VELDEN.
LID_VELDEN = (
    "first_name",
    "last_name",
    "username",
    "team__naam",
    "contracturen",
    "hybride_functie",
)
VERSIE_VELDEN = (
    "pk",
    "medewerker_id",
    "status",
    "kantoordagen",
    "ingangsdatum",
    "einddatum",
    "ingediend_op",
)


@dataclass
class TeamlidRegel:
    lid: object
    stand: str
    stand_label: str
    afspraak: object | None  # the version as a row of VERSIE_VELDEN
    norm: Decimal  # the streefnorm in days
    uitzondering: bool
    wachttijd: int
    # Nothing waits for an answer, so the leidinggevende may start a proposal.
    mag_voorstellen: bool


@dataclass
class TeamLeden:
    pagina: object  # a Django Page of TeamlidRegel
    zoek: str
    toon: str

    @property
    def standen(self) -> list[tuple[str, str]]:
        return [*Stand.choices, (UITZONDERING_FILTER, str(_("met een uitzondering")))]


def team_leden(
    user, *, zoek: str = "", toon: str = "", pagina=1, today: date | None = None
) -> TeamLeden:
    """Every person the user decides for, with where their agreement stands: searchable by name,
    filterable by that standing, a page at a time (a fixed number of queries per page).

    The standing is worked out here (`_stand`), from each person's versions: as one SQL
    expression per person (five nested EXISTS) Django took 20 ms to build and compile it.
    Without a filter only the page's 25 people are read; a filter reads the span's versions
    as plain tuples (an afdelingshoofd's thousand people: about 1 500)."""
    today = today or timezone.localdate()
    scope = beslis_scope(user, today)
    volgorde = ("last_name", "first_name", "pk")
    mensen = get_user_model().objects.filter(scope.people(), is_active=True)
    for woord in zoek.split()[:5]:
        mensen = mensen.filter(Q(first_name__icontains=woord) | Q(last_name__icontains=woord))
    ids = mensen.order_by(*volgorde).values_list("pk", flat=True)
    if toon == UITZONDERING_FILTER:
        met = set(
            Uitzondering.objects.geldig_op(today)
            .filter(medewerker__in=mensen.values("pk"))
            .values_list("medewerker_id", flat=True)
        )
        ids = [pk for pk in ids if pk in met]
    elif toon in Stand.values:
        versies = _versies_per_persoon(Afspraak.objects.filter(medewerker__in=mensen.values("pk")))
        ids = [pk for pk in ids if _stand(versies.get(pk, []), today) == toon]

    def lees(personen):
        return (
            personen.annotate(
                met_uitzondering=Exists(
                    Uitzondering.objects.geldig_op(today).filter(medewerker=OuterRef("pk"))
                )
            )
            .select_related("team")
            .only(*LID_VELDEN)
            .order_by(*volgorde)
        )

    if isinstance(ids, list):  # a filter picked them: their page, then its people
        page = Paginator(ids, LEDEN_PER_PAGINA).get_page(pagina)
        leden = list(lees(get_user_model().objects.filter(pk__in=page.object_list)))
    else:
        page = page_with_total(lees(mensen), pagina, LEDEN_PER_PAGINA)
        leden = page.object_list
    versies = _versies_per_persoon(Afspraak.objects.filter(medewerker__in=leden))
    normen = streefnorm_dagen(leden, today)
    page.object_list = [
        _lid_regel(lid, versies.get(lid.pk, []), normen[lid.pk], today) for lid in leden
    ]
    return TeamLeden(pagina=page, zoek=zoek, toon=toon)


def _versies_per_persoon(afspraken) -> dict[int, list]:
    """Per person their versions except concepts, newest first, as plain rows with what the
    standing and the member's row read (VERSIE_VELDEN), each knowing whether a comité case
    names it (`met_zaak`). Rows, not model instances: a filter reads a whole span's versions."""
    afspraken = (
        afspraken.exclude(status=Status.CONCEPT)
        .annotate(
            met_zaak=Exists(Afspraak.objects.filter(pk=OuterRef("pk"), comite_zaken__isnull=False))
        )
        .order_by("medewerker_id", "-versie")
        .values_list(*VERSIE_VELDEN, "met_zaak", named=True)
    )
    per_persoon: dict[int, list] = {}
    for afspraak in afspraken:
        per_persoon.setdefault(afspraak.medewerker_id, []).append(afspraak)
    return per_persoon


def _stand(versies: list, today: date) -> str:
    """Where a member's agreement stands, from their versions (no concepts), newest first: a
    proposal waiting for an answer; else a refusal no later version superseded (laid before
    the adviserend comité once a case names it); else an agreement in force; else none."""
    if any(versie.status in WACHTENDE_STATUSSEN for versie in versies):
        return Stand.OPEN
    if versies and versies[0].status in WEIGERINGEN:
        return Stand.VOORGELEGD if versies[0].met_zaak else Stand.GEWEIGERD
    if any(_in_kracht(versie, today) for versie in versies):
        return Stand.AKKOORD
    return Stand.GEEN


def _in_kracht(versie, today: date) -> bool:
    return versie.status == Status.AKKOORD and versie.ingangsdatum <= today <= versie.einddatum


def _lid_regel(lid, versies: list[Afspraak], norm: Decimal, today: date) -> TeamlidRegel:
    """The version that explains the standing: the open one, the refusal, or the current one."""
    stand = _stand(versies, today)
    afspraak = None
    if stand == Stand.OPEN:
        afspraak = next(a for a in versies if a.status in WACHTENDE_STATUSSEN)
    elif stand in (Stand.VOORGELEGD, Stand.GEWEIGERD):
        afspraak = versies[0]
    elif stand == Stand.AKKOORD:
        afspraak = next(a for a in versies if _in_kracht(a, today))
    return TeamlidRegel(
        lid=lid,
        stand=stand,
        stand_label=str(Stand(stand).label),
        afspraak=afspraak,
        norm=norm,
        uitzondering=lid.met_uitzondering,
        wachttijd=wachttijd(afspraak, today) if afspraak and stand == Stand.OPEN else 0,
        mag_voorstellen=stand != Stand.OPEN,
    )


# --- start page ----------------------------------------------------------------------------


def aandacht(user) -> list[Card]:
    """Start-page cards: the employee's agreement, and the inbox of a leidinggevende/vervanger."""
    today = timezone.localdate()
    cards = [_eigen_kaart(user, today)]
    scope = beslis_scope(user, today)
    if scope:
        # Waiting 10 working days or more: submitted before the day after this one.
        grens = werkdagen_terug(today, HERINNERING_NA_WERKDAGEN) + timedelta(days=1)
        grens_tijd = timezone.make_aware(datetime.combine(grens, time.min))
        counts = Afspraak.objects.filter(scope.records(), status=Status.INGEDIEND).aggregate(
            open=Count("pk"),
            te_laat=Count("pk", filter=Q(ingediend_op__lt=grens_tijd)),
        )
        te_laat = counts["te_laat"]
        text = ngettext(
            "%(count)s voorstel wacht op uw besluit",
            "%(count)s voorstellen wachten op uw besluit",
            counts["open"],
        ) % {"count": counts["open"]}
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
