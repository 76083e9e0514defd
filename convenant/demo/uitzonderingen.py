"""Demo exemptions: every category and state, with timelines and (private) evidence files.

Deterministic, and idempotent: people who already have an exemption are left alone, so running
demo_data twice changes nothing. The demo `medewerker` has a granted mantelzorg exemption that
ends within 14 days (so the start page and the agreement page show it); team KCD-01 of the demo
`leidinggevende` has one of every situation to decide on; HR has earlier agreements to verify.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from convenant import bewijsstukken
from convenant.models import Categorie, Uitzondering
from convenant.models import UitzonderingStatus as S
from convenant.streefnorm import basisnorm
from pilot.models import AuditEvent, Medewerker, Rol

AMS = timezone.get_default_timezone()
TOELICHTING = {
    Categorie.MEDISCH: "Besproken met de bedrijfsarts; een tijdelijke aanpassing helpt.",
    Categorie.MANTELZORG: "Mijn zorgtaken vallen op vaste middagen in de week.",
    Categorie.EERDERE_AFSPRAAK: "Bij indiensttreding is schriftelijk vastgelegd dat ik thuis werk.",
    Categorie.OVERIG: "Mijn reistijd is door een verhuizing tijdelijk meer dan twee uur.",
}
MOTIVATIE = "Het team heeft u op dinsdag nodig; laten we samen naar een andere oplossing kijken."
# Team KCD-01: (category, state, verified, days from today to the start, length in days).
SHOWCASE = [
    (Categorie.MEDISCH, S.AANGEVRAAGD, False, 7, 90),
    (Categorie.EERDERE_AFSPRAAK, S.AANGEVRAAGD, False, 1, 365),
    (Categorie.EERDERE_AFSPRAAK, S.AANGEVRAAGD, True, 1, 365),
    (Categorie.MANTELZORG, S.TOEGEKEND, False, -30, 120),
    (Categorie.OVERIG, S.AFGEWEZEN, False, -20, 60),
    (Categorie.MEDISCH, S.VERLOPEN, False, -200, 90),
]
SPREIDING = [
    (Categorie.MEDISCH, 30),
    (Categorie.MANTELZORG, 30),
    (Categorie.EERDERE_AFSPRAAK, 20),
    (Categorie.OVERIG, 20),
]
STATES = [(S.AANGEVRAAGD, 20), (S.TOEGEKEND, 50), (S.AFGEWEZEN, 10), (S.VERLOPEN, 20)]
# One in this many demo people has an exemption.
AANDEEL = 25


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=AMS)


class _Builder:
    def __init__(self, today: date, hr):
        self.today = today
        self.hr = hr
        self.rows: list[Uitzondering] = []
        self.asked: list[datetime] = []
        self.events: list[tuple[Uitzondering, AuditEvent, datetime]] = []
        self.files: list[tuple[str, bewijsstukken.Bewijsstuk]] = []

    def add(self, person, rng, categorie, status, verified, start_in, length) -> None:
        norm = basisnorm(person.contracturen, person.hybride_functie)
        start = self.today + timedelta(days=start_in)
        end = start + timedelta(days=length)
        asked = min(self.today, start) - timedelta(days=rng.randrange(2, 15))
        leader = person.team.leidinggevende
        row = Uitzondering(
            medewerker=person,
            categorie=categorie,
            status=status,
            kantoordagen=rng.choice([d for d in (Decimal(0), Decimal(1)) if d < norm]),
            ingangsdatum=start,
            einddatum=end,
            herbeoordelingsdatum=start + timedelta(days=length // 2) if length > 120 else None,
            op_advies_bedrijfsarts=categorie == Categorie.MEDISCH and rng.random() < 0.6,
            mantelzorg_uren=Decimal(rng.choice([4, 8, 12, 16]))
            if categorie == Categorie.MANTELZORG
            else None,
            toelichting=TOELICHTING[categorie],
            leidinggevende=leader,
        )
        self.rows.append(row)
        self.asked.append(_at(asked))
        self.event(row, asked, person, "aanvragen", "", S.AANGEVRAAGD)
        if categorie == Categorie.EERDERE_AFSPRAAK or rng.random() < 0.2:
            bewijs = bewijsstukken.Bewijsstuk(inhoud=_demo_pdf(person.naam), soort="pdf")
            row.bewijsstuk = bewijsstukken.nieuwe_naam(bewijs)
            row.bewijsstuk_type, row.bewijsstuk_grootte = bewijs.soort, bewijs.grootte
            self.files.append((row.bewijsstuk, bewijs))
        # A verified earlier agreement is never rejected; granted ones were verified first.
        verifieer = (verified and status != S.AFGEWEZEN) or status in (S.TOEGEKEND, S.VERLOPEN)
        if categorie == Categorie.EERDERE_AFSPRAAK and verifieer and self.hr is not None:
            when = asked + timedelta(days=1)
            row.geverifieerd_door, row.geverifieerd_op = self.hr, _at(when)
            self.event(row, when, self.hr, "verifieren", "", S.AANGEVRAAGD)
        decided = asked + timedelta(days=3)
        if status in (S.TOEGEKEND, S.VERLOPEN):
            row.besloten_door, row.besloten_op = leader, _at(decided)
            self.event(row, decided, leader, "toekennen", S.AANGEVRAAGD, S.TOEGEKEND)
        if status == S.AFGEWEZEN:
            row.besloten_door, row.besloten_op, row.motivatie = leader, _at(decided), MOTIVATIE
            self.event(row, decided, leader, "afwijzen", S.AANGEVRAAGD, S.AFGEWEZEN, MOTIVATIE)
        if status == S.VERLOPEN:
            row.verlopen_op = _at(end + timedelta(days=1), 0)
            self.event(
                row, end + timedelta(days=1), None, "laten_verlopen", S.TOEGEKEND, S.VERLOPEN
            )

    def event(self, row, day: date, actor, action, van, naar, note="") -> None:
        event = AuditEvent(
            actor=actor,
            actie=f"uitzondering.{action}",
            object_type="convenant.uitzondering",
            van_status=van,
            naar_status=naar,
            notitie=note,
        )
        self.events.append((row, event, _at(day)))

    def save(self) -> None:
        Uitzondering.objects.bulk_create(self.rows, batch_size=2000)
        events = []
        for row, event, _when in self.events:
            event.object_id = str(row.pk)
            event.object_omschrijving = str(row)[:255]
            events.append(event)
        created = AuditEvent.objects.bulk_create(events, batch_size=2000)
        for event, (_row, _event, when) in zip(created, self.events, strict=True):
            event.tijdstip = when
        AuditEvent.objects.bulk_update(created, ["tijdstip"], batch_size=2000)
        # auto_now_add stamped "now" on insert; put the demo requests at their own moments.
        for row, asked in zip(self.rows, self.asked, strict=True):
            row.aangevraagd_op = asked
        Uitzondering.objects.bulk_update(self.rows, ["aangevraagd_op"], batch_size=2000)
        # Files last: a failure above rolls the rows back before anything is on disk.
        for naam, bewijs in self.files:
            bewijsstukken.opslaan(naam, bewijs)


def _demo_pdf(naam: str) -> bytes:
    text = f"Demo: eerdere afspraak over thuiswerken van {naam}".encode("latin-1", "replace")
    return b"%PDF-1.4\n% " + text + b"\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@transaction.atomic
def build_exemptions(scale_name: str) -> dict[str, int]:
    today = timezone.localdate()
    hr = Medewerker.objects.filter(roltoewijzingen__rol=Rol.HR, is_demo=True).first()
    people = list(
        Medewerker.objects.filter(is_demo=True, is_active=True, team__leidinggevende__isnull=False)
        .select_related("team__leidinggevende")
        .order_by("personeelsnummer")
    )
    have = set(Uitzondering.objects.values_list("medewerker_id", flat=True).distinct())
    builder = _Builder(today, hr)
    showcase = iter(SHOWCASE)
    categories, category_weights = zip(*SPREIDING, strict=True)
    states, state_weights = zip(*STATES, strict=True)
    for person in people:
        if person.team.leidinggevende_id == person.pk:
            continue
        if basisnorm(person.contracturen, person.hybride_functie) == 0:
            continue
        # Drawn before the "already has one" check: who gets what never depends on earlier runs.
        spec = next(showcase, None) if person.team.code == "KCD-01" else None
        if person.pk in have:
            continue
        rng = random.Random(f"uitzondering-{person.personeelsnummer}")  # noqa: S311 - demo data.
        if person.username == "medewerker":
            builder.add(person, rng, Categorie.MEDISCH, S.VERLOPEN, False, -300, 60)
            builder.add(person, rng, Categorie.MANTELZORG, S.TOEGEKEND, False, -60, 70)
            continue
        if spec is not None:
            builder.add(person, rng, *spec)
            continue
        if rng.randrange(AANDEEL):
            continue
        categorie = rng.choices(categories, weights=category_weights)[0]
        status = rng.choices(states, weights=state_weights)[0]
        start_in = -rng.randrange(200, 400) if status == S.VERLOPEN else rng.randrange(-90, 20)
        builder.add(person, rng, categorie, status, rng.random() < 0.5, start_in, 180)
    builder.save()
    return {"uitzonderingen": len(builder.rows), "bewijsstukken": len(builder.files)}
