"""Demo agreements: every state, spread over the pilot and the follow-up period, some overdue,
plus delegations and team plans. Deterministic, and idempotent: people who already have an
agreement are left alone, so running demo_data twice changes nothing.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from convenant.models import Afspraak, Delegatie, Overweging, Status, Teamplan
from convenant.streefnorm import basisnorm
from pilot.demo import ensure_demo_period
from pilot.models import AuditEvent, Medewerker, Periode, Team
from pilot.werkdagen import plus_werkdagen
from werkplekken.models import Locatie

TOELICHTINGEN = {
    Overweging.WERK_PRIVEBALANS: "Op woensdag haal ik de kinderen uit school.",
    Overweging.VITALITEIT: "De reis per trein kost me twee uur per dag.",
    Overweging.CONCENTRATIE_PRODUCTIE: "Rapportages schrijf ik het best thuis in stilte.",
    Overweging.EERDERE_AFSPRAKEN: "Bij indiensttreding is drie dagen thuis afgesproken.",
    Overweging.MEDISCH_SOCIAAL: True,
}
MOTIVATIES = [
    "Het team heeft elkaar op dinsdag nodig voor het werkoverleg en de inwerkers.",
    "Met minder dagen op kantoor is de begeleiding van nieuwe collega's niet rond te krijgen.",
    "Op vrijdag is de bezetting al laag; een andere dag helpt het team meer.",
]
# Follow-up period: state of the latest version, with weights.
VERVOLG = (
    (Status.AKKOORD, 50),
    (Status.INGEDIEND, 14),
    (Status.TEGENVOORSTEL, 8),
    (Status.AFGEWEZEN, 5),
    (Status.GEEN_OVEREENSTEMMING, 4),
    (Status.CONCEPT, 8),
    (Status.INGETROKKEN, 3),
    (None, 11),
)
AMS = timezone.get_default_timezone()
# Team KCD-01 (led by the demo login `leidinggevende`): (state, working days waiting, whether an
# agreement in the follow-up period holds meanwhile). Most members have one, so Mijn team and the
# team plan show a real week today; the state on top is a change they asked for.
SHOWCASE = [
    (Status.INGEDIEND, 13, True),
    (Status.INGEDIEND, 3, True),
    (Status.INGEDIEND, 22, False),
    (Status.TEGENVOORSTEL, 4, True),
    (Status.AFGEWEZEN, None, True),
    (Status.GEEN_OVEREENSTEMMING, None, False),
    (Status.CONCEPT, None, True),
]


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=AMS)


class _Builder:
    def __init__(self, rng: random.Random, today: date):
        self.rng = rng
        self.today = today
        self.afspraken: list[Afspraak] = []
        self.events: list[tuple[Afspraak, AuditEvent, datetime]] = []
        # The demo locations (werkplekken' demo step runs first); a name without one stays empty.
        self.locaties = {locatie.naam: locatie for locatie in Locatie.objects.all()}

    def version(self, person, leader, periode, versie, status, start, end, **extra) -> Afspraak:
        norm = basisnorm(person.contracturen, person.hybride_functie)
        days = extra.pop("kantoordagen", None)
        if days is None:
            days = max(Decimal(0), norm - self.rng.choice([0, 0, 0, Decimal("0.5"), 1]))
        keys = self.rng.sample(list(Overweging.values), self.rng.choice([1, 1, 2]))
        weekdays = sorted(self.rng.sample([1, 2, 3, 4, 5], min(5, int(days + Decimal("0.5")))))
        afspraak = Afspraak(
            medewerker=person,
            leidinggevende=leader,
            opgesteld_door=extra.pop("opgesteld_door", person),
            periode=periode,
            versie=versie,
            status=status,
            kantoordagen=days,
            voorkeursdagen=weekdays,
            locatie=self.locaties.get(
                self.rng.choice(["Amsterdam", "Utrecht", "Zwolle", "Eindhoven"])
            ),
            ingangsdatum=start,
            einddatum=end,
            overwegingen={key: TOELICHTINGEN[key] for key in keys},
            streefnorm_dagen=norm,
            **extra,
        )
        if status != Status.CONCEPT and days < norm:
            afspraak.onder_norm_overweging = keys[0]
            afspraak.onder_norm_toelichting = TOELICHTINGEN[keys[0]]
        self.afspraken.append(afspraak)
        return afspraak

    def event(self, afspraak, when: datetime, actor, action, van, naar, note="", namens=None):
        self.events.append(
            (
                afspraak,
                AuditEvent(
                    actor=actor,
                    namens=namens,
                    actie=f"afspraak.{action}",
                    object_type="convenant.afspraak",
                    van_status=van or "",
                    naar_status=naar,
                    notitie=note,
                ),
                when,
            )
        )

    def save(self) -> None:
        Afspraak.objects.bulk_create(self.afspraken, batch_size=2000)
        events = []
        for afspraak, event, when in self.events:
            event.object_id = str(afspraak.pk)
            event.object_omschrijving = (
                f"Afspraak {afspraak.medewerker.naam}, versie {afspraak.versie}"[:255]
            )
            event.tijdstip = when
            events.append(event)
        created = AuditEvent.objects.bulk_create(events, batch_size=2000)
        # auto_now_add stamped "now" on insert; put the demo history at its own moments.
        for event, (_a, _e, when) in zip(created, self.events, strict=True):
            event.tijdstip = when
        AuditEvent.objects.bulk_update(created, ["tijdstip"], batch_size=2000)
        for afspraak in self.afspraken:
            afspraak.aangemaakt_op = afspraak.ingediend_op or _at(afspraak.ingangsdatum)
        Afspraak.objects.bulk_update(self.afspraken, ["aangemaakt_op"], batch_size=2000)


def _pilot_version(b: _Builder, person, leader, pilot: Periode, rng) -> Afspraak:
    """The pilot's agreement: reached in the autumn of 2025, lapsed when the pilot ended."""
    submitted = date(2025, 9, 15) + timedelta(days=rng.randrange(0, 60))
    decided = plus_werkdagen(submitted, rng.randrange(1, 12))
    countered = rng.random() < 0.2
    afspraak = b.version(
        person,
        leader,
        pilot,
        1,
        Status.VERVALLEN,
        max(pilot.startdatum, decided),
        pilot.einddatum,
        ingediend_op=_at(submitted),
        besloten_op=_at(decided),
        vervallen_op=_at(pilot.einddatum + timedelta(days=1), 0),
    )
    b.event(afspraak, _at(submitted, 9), person, "aanmaken", None, Status.CONCEPT)
    b.event(afspraak, _at(submitted), person, "indienen", Status.CONCEPT, Status.INGEDIEND)
    if countered:
        afspraak.tegenvoorstel_kantoordagen = afspraak.kantoordagen
        afspraak.motivatie = rng.choice(MOTIVATIES)
        b.event(
            afspraak,
            _at(decided),
            leader,
            "tegenvoorstel",
            Status.INGEDIEND,
            Status.TEGENVOORSTEL,
            afspraak.motivatie,
        )
        b.event(
            afspraak, _at(decided, 15), person, "accepteren", Status.TEGENVOORSTEL, Status.AKKOORD
        )
    else:
        b.event(afspraak, _at(decided), leader, "akkoord", Status.INGEDIEND, Status.AKKOORD)
    b.event(
        afspraak,
        _at(pilot.einddatum + timedelta(days=1), 0),
        None,
        "laten_vervallen",
        Status.AKKOORD,
        Status.VERVALLEN,
        "De einddatum van de afspraak is verstreken.",
    )
    return afspraak


def _follow_up_version(
    b: _Builder, person, leader, vervolg: Periode, status, versie, rng, waited=None
):
    today = b.today
    if status in (Status.INGEDIEND, Status.TEGENVOORSTEL):
        # Waiting 1–25 working days: some are overdue (≥ 10) and a few may go to the comité.
        waited = waited or rng.choice([1, 2, 3, 5, 8, 11, 13, 16, 22, 25])
        submitted = today - timedelta(days=int(waited * 7 / 5))
        start = max(today + timedelta(days=7), vervolg.startdatum)
    elif status == Status.CONCEPT:
        submitted = None
        start = max(today + timedelta(days=14), vervolg.startdatum)
    else:
        submitted = vervolg.startdatum - timedelta(days=rng.randrange(3, 40))
        start = vervolg.startdatum
    decided = plus_werkdagen(submitted, rng.randrange(2, 9)) if submitted else None
    afspraak = b.version(
        person,
        leader,
        vervolg,
        versie,
        status,
        start,
        vervolg.einddatum,
        ingediend_op=_at(submitted) if submitted else None,
        besloten_op=_at(decided)
        if decided and status not in (Status.INGEDIEND, Status.TEGENVOORSTEL)
        else None,
    )
    created = submitted or today - timedelta(days=3)
    b.event(afspraak, _at(created, 9), person, "aanmaken", None, Status.CONCEPT)
    if status == Status.CONCEPT:
        return afspraak
    b.event(afspraak, _at(submitted), person, "indienen", Status.CONCEPT, Status.INGEDIEND)
    if status == Status.INGEDIEND:
        if (today - submitted).days >= 14:
            afspraak.herinnering_verzonden_op = _at(plus_werkdagen(submitted, 10), 7)
        return afspraak
    if status == Status.INGETROKKEN:
        b.event(afspraak, _at(decided), person, "intrekken", Status.INGEDIEND, status)
        return afspraak
    if status == Status.AKKOORD:
        b.event(afspraak, _at(decided), leader, "akkoord", Status.INGEDIEND, Status.AKKOORD)
        return afspraak
    afspraak.motivatie = rng.choice(MOTIVATIES)
    if status == Status.AFGEWEZEN:
        b.event(
            afspraak, _at(decided), leader, "afwijzen", Status.INGEDIEND, status, afspraak.motivatie
        )
        return afspraak
    afspraak.tegenvoorstel_kantoordagen = min(Decimal(5), afspraak.kantoordagen + 1)
    b.event(
        afspraak,
        _at(submitted + timedelta(days=1)),
        leader,
        "tegenvoorstel",
        Status.INGEDIEND,
        Status.TEGENVOORSTEL,
        afspraak.motivatie,
    )
    if status == Status.GEEN_OVEREENSTEMMING:
        b.event(
            afspraak,
            _at(decided, 15),
            person,
            "weigeren",
            Status.TEGENVOORSTEL,
            status,
            "Dat past niet bij mijn situatie thuis.",
        )
    return afspraak


@transaction.atomic
def build_agreements(scale_name: str) -> dict[str, int]:
    rng = random.Random(2026)  # noqa: S311 - reproducible demo data, not security.
    today = timezone.localdate()
    pilot = Periode.objects.filter(is_demo=False).order_by("startdatum").first()
    vervolg = ensure_demo_period()
    created = {"afspraken": 0, "delegaties": 0, "teamplannen": 0}
    if pilot is None:
        return created

    people = list(
        Medewerker.objects.filter(is_demo=True, is_active=True, team__isnull=False)
        .select_related("team__leidinggevende")
        .order_by("personeelsnummer")
    )
    have = set(Afspraak.objects.values_list("medewerker_id", flat=True).distinct())
    builder = _Builder(rng, today)
    statuses, weights = zip(*VERVOLG, strict=True)
    showcase = iter(SHOWCASE)
    for person in people:
        if person.pk in have or not person.hybride_functie:
            continue
        leader = person.team.leidinggevende
        if leader is None or leader.pk == person.pk:
            continue
        # One generator per person: what one person gets does not depend on who exists.
        own = random.Random(f"2026-{person.personeelsnummer}")  # noqa: S311 - demo data.
        builder.rng = own
        if person.username == "medewerker":
            _pilot_version(builder, person, leader, pilot, own)
            _follow_up_version(builder, person, leader, vervolg, Status.AKKOORD, 2, own)
            continue
        waited = None
        holds = False
        if person.team.code == "KCD-01":
            # The demo leidinggevende's own team shows every situation in the inbox.
            state, waited, holds = next(showcase, (Status.AKKOORD, None, False))
            draw = 0.0
        else:
            draw = own.random()
            state = own.choices(statuses, weights=weights)[0]
        versie = 1
        if draw < 0.85:
            _pilot_version(builder, person, leader, pilot, own)
            versie = 2
        if holds:
            _follow_up_version(builder, person, leader, vervolg, Status.AKKOORD, versie, own)
            versie += 1
        if state is not None:
            _follow_up_version(builder, person, leader, vervolg, state, versie, own, waited)
    builder.save()
    created["afspraken"] = len(builder.afspraken)
    created["delegaties"] = _delegations(rng, today)
    created["teamplannen"] = _team_plans(rng, today)
    return created


def _delegations(rng: random.Random, today: date) -> int:
    """A few managers hand over to a fellow leader: some past, some now, some planned."""
    if Delegatie.objects.exists():
        return 0
    teams = list(
        Team.objects.filter(leidinggevende__is_demo=True, bovenliggend_team__isnull=False)
        .select_related("leidinggevende")
        .order_by("code")
    )
    demo_logins = {"medewerker", "comitelid", "secretaris", "orlid", "facilitair", "hr"}
    new = []
    for index, team in enumerate(teams[:: max(1, len(teams) // 12)]):
        peers = [
            t.leidinggevende
            for t in teams
            if t.bovenliggend_team_id == team.bovenliggend_team_id
            and t.leidinggevende_id != team.leidinggevende_id
            and t.leidinggevende.username not in demo_logins | {"leidinggevende"}
        ]
        if not peers:
            continue
        offset = (-60, -3, 21)[index % 3]  # past, running today, planned
        start = today + timedelta(days=offset)
        new.append(
            Delegatie(
                leidinggevende=team.leidinggevende,
                vervanger=rng.choice(peers),
                startdatum=start,
                einddatum=start + timedelta(days=rng.choice([7, 14, 21])),
            )
        )
    Delegatie.objects.bulk_create(new)
    return len(new)


def _team_plans(rng: random.Random, today: date) -> int:
    if Teamplan.objects.exists():
        return 0
    teams = list(
        Team.objects.filter(leidinggevende__is_demo=True, bovenliggend_team__isnull=False)
        .order_by("code")
        .select_related("leidinggevende")
    )
    plans = [
        Teamplan(
            team=team,
            versie=1,
            teamdagen=[2] if team.code == "KCD-01" else [rng.choice([1, 2, 3, 4])],
            vastgesteld_door=team.leidinggevende,
            toelichting="Teamdag met werkoverleg.",
        )
        for index, team in enumerate(teams)
        if team.code == "KCD-01" or index % 3 == 0
    ]
    Teamplan.objects.bulk_create(plans, batch_size=1000)
    return len(plans)
