"""Reads for the comité pages, scoped by comite.permissions; a fixed number of queries each."""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comite import panel
from comite.models import (
    OPEN_ZAAK_STATUSSEN,
    Document,
    Notitie,
    Panellid,
    Zaak,
    ZaakStatus,
)
from comite.permissions import is_secretaris, mag_dossier_zien, mensen_van_teams, zaak_partij
from comite.workflows import GESCHIL_WORKFLOW, ZAAK_WORKFLOW
from convenant.models import Afspraak
from convenant.permissions import beslis_scope
from pilot.audit import events_of, per_object
from pilot.dates import in_sentence, moment_in_sentence
from pilot.models import AuditEvent
from pilot.permissions import has_role
from pilot.selectors import Card
from pilot.workflow import Party

WACHTRIJ_PER_PAGINA = 25
REACTIE_STATUSSEN = (ZaakStatus.IN_BEHANDELING, ZaakStatus.ZITTING_GEPLAND)


def te_laat(today: date) -> Q:
    """Overdue: the next step's deadline, or the leidinggevende's response, has passed."""
    return Q(status__in=OPEN_ZAAK_STATUSSEN, termijn__lt=today) | Q(
        status__in=REACTIE_STATUSSEN, reactie_termijn__lt=today, reactie=""
    )


def met_te_laat(queryset, today: date):
    return queryset.annotate(
        te_laat=Case(
            When(te_laat(today), then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    )


def _met_details(queryset):
    """The case with its own parts in one query, its panel in a second; the two people with
    their teams follow in a third (`_met_mensen`). As one query of twelve tables, PostgreSQL
    spent 4.4 ms planning it and 0.6 ms running it."""
    return (
        queryset.select_related(None)
        .select_related("afspraak", "uitzondering", "zitting", "advies", "geschil")
        .prefetch_related(
            Prefetch("panelleden", queryset=Panellid.objects.select_related("lid__team"))
        )
    )


def _met_mensen(zaak: Zaak) -> None:
    ids = {zaak.medewerker_id, zaak.leidinggevende_id} - {None}
    mensen = get_user_model().objects.select_related("team__afdeling").in_bulk(ids)
    zaak.medewerker = mensen[zaak.medewerker_id]
    if zaak.leidinggevende_id is not None:
        zaak.leidinggevende = mensen[zaak.leidinggevende_id]


# --- the case page -------------------------------------------------------------------------


def volgende_stap(zaak: Zaak) -> str:
    """What happens next and when, in plain Dutch, for the people in the case."""
    datum = in_sentence(zaak.termijn) if zaak.termijn else ""
    status = zaak.status
    if status == ZaakStatus.AANGEMELD:
        return _(
            "De secretaris van het comité bekijkt of het comité uw zaak kan behandelen. Dat "
            "gebeurt uiterlijk %(datum)s."
        ) % {"datum": datum}
    if status == ZaakStatus.IN_BEHANDELING:
        return _(
            "De leidinggevende reageert schriftelijk uiterlijk %(reactie)s. Daarna plant de "
            "secretaris de zitting, uiterlijk %(datum)s. U krijgt een uitnodiging per e-mail."
        ) % {"reactie": in_sentence(zaak.reactie_termijn), "datum": datum}
    if status == ZaakStatus.ZITTING_GEPLAND:
        zitting = moment_in_sentence(zaak.zitting.begin)
        return _(
            "De zitting is op %(zitting)s. Het comité brengt daarna advies uit, uiterlijk "
            "%(datum)s."
        ) % {"zitting": zitting, "datum": datum}
    if status == ZaakStatus.ADVIES_UITGEBRACHT:
        return _(
            "Het comité heeft advies uitgebracht. U en uw leidinggevende laten allebei weten of "
            "u het aanvaardt. Aanvaarden beiden het, dan wordt het advies uw nieuwe afspraak."
        )
    if status == ZaakStatus.OPGELOST:
        return _("Beide partijen aanvaardden het advies; het is uw nieuwe afspraak geworden.")
    if status == ZaakStatus.NIET_OPGELOST:
        if hasattr(zaak, "geschil"):
            return _(
                "Het geschil (artikel 12.1 cao) loopt; de uitspraak volgt uiterlijk %(datum)s."
            ) % {"datum": in_sentence(zaak.geschil.uitspraak_termijn)}
        from comite.termijnen import geschil_uiterlijk

        return _(
            "Het advies bracht geen oplossing. U kunt tot en met %(datum)s een geschil indienen "
            "volgens de individuele geschillenregeling (artikel 12.1 cao)."
        ) % {"datum": in_sentence(geschil_uiterlijk(zaak))}
    if status == ZaakStatus.INGETROKKEN:
        return _("U hebt de zaak ingetrokken. Er gebeurt niets meer mee.")
    return _("Het comité behandelt deze zaak niet: %(reden)s") % {
        "reden": zaak.reden_niet_ontvankelijk
    }


@dataclass
class Dossier:
    """What the panel and secretaris read besides the case page: documents, internal notes and
    the history of the agreement or exemption the case is about."""

    documenten: list[Document]
    notities: list[Notitie]
    afspraken: list[Afspraak] = field(default_factory=list)
    afspraak_tijdlijn: dict = field(default_factory=dict)
    uitzondering_tijdlijn: list = field(default_factory=list)
    kandidaten: list = field(default_factory=list)


@dataclass
class ZaakPagina:
    zaak: Zaak
    party: Party
    acties: frozenset[str]
    geschil_acties: frozenset[str]
    volgende_stap: str
    tijdlijn: list[AuditEvent]
    dossier: Dossier | None  # None: the user may not read it
    te_laat: bool


def zaak_pagina(user, pk: int) -> ZaakPagina:
    from django.shortcuts import get_object_or_404

    from comite.permissions import zaken_zichtbaar_voor

    today = timezone.localdate()
    # Fetch and authorise in one query, with everything the page shows and whether it is late.
    zaak = get_object_or_404(met_te_laat(_met_details(zaken_zichtbaar_voor(user)), today), pk=pk)
    _met_mensen(zaak)
    party = zaak_partij(user, zaak)
    geschil = getattr(zaak, "geschil", None)
    acties = ZAAK_WORKFLOW.open_actions(zaak, party)
    # The case's timeline, its geschil's and (for the dossier) the history of what the case is
    # about: one query.
    eigen = [zaak, *([geschil] if geschil else [])]
    met_dossier = mag_dossier_zien(party)
    onderwerp = _onderwerp(zaak) if met_dossier else []
    gebeurtenissen = events_of([*eigen, *onderwerp])
    eigen_types = {obj._meta.label_lower for obj in eigen}
    dossier = None
    if met_dossier:
        dossier = _dossier(zaak, onderwerp, gebeurtenissen, met_kandidaten="panel" in acties)
    return ZaakPagina(
        zaak=zaak,
        party=party,
        acties=acties,
        geschil_acties=GESCHIL_WORKFLOW.open_actions(geschil, party) if geschil else frozenset(),
        volgende_stap=volgende_stap(zaak),
        tijdlijn=[e for e in gebeurtenissen if e.object_type in eigen_types],
        dossier=dossier,
        te_laat=bool(zaak.te_laat),
    )


def _onderwerp(zaak: Zaak) -> list:
    """What the case is about, for the dossier: the agreement's last ten versions (newest
    first), or the exemption."""
    if zaak.afspraak_id:
        return list(
            Afspraak.objects.filter(medewerker_id=zaak.medewerker_id).order_by("-versie")[:10]
        )
    return [zaak.uitzondering]


def _dossier(zaak: Zaak, onderwerp: list, gebeurtenissen, *, met_kandidaten) -> Dossier:
    """`onderwerp`: the agreement's versions (newest first) or the exemption; `gebeurtenissen`
    holds their events."""
    data = Dossier(
        documenten=list(zaak.documenten.all()),
        notities=list(zaak.notities.select_related("auteur")),
    )
    tijdlijnen = per_object(onderwerp, gebeurtenissen)
    if zaak.afspraak_id:
        data.afspraken = onderwerp
        data.afspraak_tijdlijn = tijdlijnen
    else:
        data.uitzondering_tijdlijn = tijdlijnen[zaak.uitzondering_id]
    if met_kandidaten:
        data.kandidaten = panel.kandidaten(zaak)
    return data


# --- lists ---------------------------------------------------------------------------------


def mijn_zaken(user):
    """The employee's own cases and the cases of the teams the user decides for."""
    # The cases are picked alone, then joined (see `wachtrij`).
    volgorde = ("-aangemeld_op", "-pk")
    gekozen = Zaak.objects.filter(Q(medewerker=user) | Q(medewerker__in=mensen_van_teams(user)))
    return list(
        met_te_laat(
            Zaak.objects.filter(pk__in=gekozen.order_by(*volgorde).values("pk")[:100]),
            timezone.localdate(),
        )
        .select_related("medewerker", "afspraak", "uitzondering")
        .order_by(*volgorde)
    )


def mijn_panels(user, pagina=1):
    """The member's panel cases, overdue first, then by deadline: a page at a time (a member
    of a busy comité sits on hundreds over the pilot). Two queries."""
    today = timezone.localdate()
    volgorde = ("-te_laat", F("termijn").asc(nulls_last=True), "pk")
    zaken = met_te_laat(Zaak.objects.filter(panelleden__lid=user), today).order_by(*volgorde)
    page = Paginator(zaken, WACHTRIJ_PER_PAGINA).get_page(pagina)
    # Picked from the cases alone, then joined (see `wachtrij`).
    page.object_list = list(
        met_te_laat(Zaak.objects.filter(pk__in=page.object_list.values("pk")), today)
        .select_related("medewerker", "afspraak", "uitzondering", "zitting")
        .order_by(*volgorde)
    )
    return page


@dataclass
class Wachtrij:
    aantallen: list[tuple[str, str, int]]
    te_laat: int
    pagina: object
    tab: str  # the chosen tab: a state, 'te_laat' or '' (all)


def wachtrij(status: str = "", pagina: int = 1) -> Wachtrij:
    """The secretaris' queue: counts per state, overdue first, paginated. Three queries."""
    today = timezone.localdate()
    counts = Zaak.objects.aggregate(
        te_laat=Count("pk", filter=te_laat(today)),
        **{s: Count("pk", filter=Q(status=s)) for s in ZaakStatus.values},
    )
    queryset = met_te_laat(Zaak.objects.all(), today)
    if status in ZaakStatus.values:
        queryset = queryset.filter(status=status)
    elif status == "te_laat":
        queryset = queryset.filter(te_laat(today))
    else:
        queryset = queryset.filter(status__in=OPEN_ZAAK_STATUSSEN)
    volgorde = ("-te_laat", F("termijn").asc(nulls_last=True), "aangemeld_op", "pk")
    page = Paginator(queryset.order_by(*volgorde), WACHTRIJ_PER_PAGINA).get_page(pagina)
    # The page's cases are picked from the cases alone, then joined to their people: joined
    # first, the planner read all 25 000 people to sort 200 cases.
    page.object_list = list(
        met_te_laat(Zaak.objects.filter(pk__in=page.object_list.values("pk")), today)
        .select_related("medewerker__team", "afspraak", "uitzondering")
        .order_by(*volgorde)
    )
    return Wachtrij(
        aantallen=[(value, label, counts[value]) for value, label in ZaakStatus.choices],
        te_laat=counts["te_laat"],
        pagina=page,
        tab=status,
    )


# --- start page ----------------------------------------------------------------------------


def kaarten(user) -> list[Card]:
    """Start-page cards: the user's own open cases (a person has one or two) in one query, and
    what the cards count of their team's and their panels' cases in one aggregate; the
    secretaris adds one more. A panel member of a large organisation sits on a hundred open
    cases: counting them in SQL keeps the start page the same size."""
    cards: list[Card] = []
    teams = list(beslis_scope(user).teams)
    comitelid = has_role(user, "comitelid")
    open_zaken = Zaak.objects.filter(status__in=OPEN_ZAAK_STATUSSEN)
    for zaak in (
        open_zaken.filter(medewerker=user)
        .select_related("zitting", "advies", "geschil")
        .order_by("pk")
    ):
        cards.append(
            Card(
                title=_("Uw zaak bij het adviserend comité"),
                text=volgende_stap(zaak),
                link=reverse("zaak_detail", args=[zaak.pk]),
                link_label=_("Naar uw zaak"),
            )
        )
    op_panel = Exists(Panellid.objects.filter(zaak=OuterRef("pk"), lid=user))
    # Only the cases the cards count are read: the team's and the panels', not every open
    # case of the organisation.
    tellers, wie = {}, Q()
    if teams:
        wie = Q(medewerker__in=mensen_van_teams(user)) & ~Q(medewerker=user)
        # The team's cases where the user is their leidinggevende, not a panel member.
        team = ~Q(op_panel) if comitelid else Q()
        tellers["reactie"] = Count("pk", filter=team & Q(status__in=REACTIE_STATUSSEN, reactie=""))
        tellers["advies"] = Count(
            "pk",
            filter=team
            & Q(
                status=ZaakStatus.ADVIES_UITGEBRACHT,
                advies__isnull=False,
                advies__leidinggevende_aanvaard__isnull=True,
            ),
        )
    if comitelid:
        wie |= Q(op_panel)  # an empty Q (no teams) gives way to the panel filter
        tellers["panels"] = Count("pk", filter=Q(op_panel))
        tellers["volgende"] = Min(
            "zitting__begin", filter=Q(op_panel, zitting__begin__gte=timezone.now())
        )
    telling = open_zaken.filter(wie).aggregate(**tellers) if tellers else {}
    if teams and (telling["reactie"] or telling["advies"]):
        reactie, advies = telling["reactie"], telling["advies"]
        cards.append(
            Card(
                title=_("Reactie gevraagd door het comité"),
                text=ngettext(
                    "%(count)s zaak van uw team wacht op uw schriftelijke reactie.",
                    "%(count)s zaken van uw team wachten op uw schriftelijke reactie.",
                    reactie,
                )
                % {"count": reactie}
                + " "
                + ngettext(
                    "%(count)s advies wacht op uw antwoord.",
                    "%(count)s adviezen wachten op uw antwoord.",
                    advies,
                )
                % {"count": advies},
                link=reverse("mijn_zaken"),
                link_label=_("Naar de zaken"),
            )
        )
    if is_secretaris(user):
        counts = Zaak.objects.aggregate(
            aangemeld=Count("pk", filter=Q(status=ZaakStatus.AANGEMELD)),
            open=Count("pk", filter=Q(status__in=OPEN_ZAAK_STATUSSEN)),
            te_laat=Count("pk", filter=te_laat(timezone.localdate())),
        )
        cards.append(
            Card(
                title=_("Wachtrij van het comité"),
                text=_(
                    "%(open)s open zaken, waarvan %(aangemeld)s wachten op intake en %(te_laat)s "
                    "over hun termijn zijn."
                )
                % counts,
                link=reverse("comite_wachtrij"),
                link_label=_("Naar de wachtrij"),
            )
        )
    if comitelid:
        cards.append(_panelkaart(telling["panels"], telling["volgende"]))
    return cards


def _panelkaart(aantal: int, volgende_zitting) -> Card:
    tekst = ngettext(
        "U zit in het panel van %(count)s open zaak.",
        "U zit in het panel van %(count)s open zaken.",
        aantal,
    ) % {"count": aantal}
    if volgende_zitting is not None:
        tekst += " " + _("Volgende zitting: %(moment)s.") % {
            "moment": moment_in_sentence(volgende_zitting)
        }
    return Card(
        title=_("Mijn panels"),
        text=tekst,
        link=reverse("mijn_panels"),
        link_label=_("Naar mijn panels"),
    )
