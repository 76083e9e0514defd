"""The capacity check on a hand-computed example."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from convenant.models import Status
from tests.convenant.factories import AfspraakFactory
from tests.factories import MedewerkerFactory
from tests.werkplekken.conftest import NU
from tests.werkplekken.factories import AanwezigheidFactory, WerkplekFactory
from werkplekken.selectors.capaciteit import capaciteit, heatmap, niveau, volgende_werkweek
from werkplekken.services.reserveringen import reservering_aanmaken

MAANDAG = date(2026, 12, 21)
DINSDAG = date(2026, 12, 22)
WOENSDAG = date(2026, 12, 23)
DONDERDAG = date(2026, 12, 17)  # in the coming working week of Wednesday 16 December


@pytest.mark.parametrize(
    ("vraag", "aanbod", "verwacht"),
    [
        ("2.9", 4, "ok"),  # 72.5 % < 75 %
        ("3", 4, "krap"),  # exactly the norm
        ("4", 4, "krap"),  # exactly 100 %
        ("4.5", 4, "tekort"),
        ("0", 0, "ok"),
        ("1", 0, "tekort"),
    ],
)
def test_levels(vraag, aanbod, verwacht):
    assert niveau(Decimal(vraag), aanbod, 75) == verwacht


def test_the_coming_working_week_starts_today():
    assert volgende_werkweek(date(2026, 12, 16)) == [
        date(2026, 12, 16),
        date(2026, 12, 17),
        date(2026, 12, 18),
        date(2026, 12, 21),
        date(2026, 12, 22),
    ]


def test_demand_from_agreements_and_reservations_against_the_desks(locatie, plekken):
    """Utrecht (Mon–Thu), 3 bookable desks + 1 switched off; norm 75 %.

    - A: 2 days on Tuesday and Wednesday → 1 on Tue, 1 on Wed.
    - B: 1 day, no preferred days → 1/4 on each of Mon, Tue, Wed, Thu.
    - C: 2 days on Tuesday and Friday; Friday is closed → only Tue counts, capped at 1.
    - D: agreement elsewhere (no location) → not counted.
    - E: no agreement, books Tuesday morning → ½ on Tue. A's own booking is not counted twice.
    Tuesday: 1 + 0.25 + 1 + 0.5 = 2.75 of 3 desks = 92 % → krap.
    Wednesday: 1 + 0.25 = 1.25 → 42 % → ok. Monday: 0.25 → 8 % → ok.
    """
    WerkplekFactory(zone=plekken["A-01"].zone, code="A-04", reserveerbaar=False)
    a, b, c, d, e = (MedewerkerFactory() for _ in range(5))
    for persoon, dagen, voorkeur, plaats in (
        (a, 2, [2, 3], locatie),
        (b, 1, [], locatie),
        (c, 2, [2, 5], locatie),
        (d, 2, [2], None),
    ):
        AfspraakFactory(
            medewerker=persoon,
            status=Status.AKKOORD,
            kantoordagen=Decimal(dagen),
            voorkeursdagen=voorkeur,
            locatie=plaats,
            ingangsdatum=date(2026, 12, 1),
        )
    # Not in force yet: ignored.
    AfspraakFactory(status=Status.AKKOORD, locatie=locatie, ingangsdatum=date(2027, 1, 4))
    reservering_aanmaken(actor=e, werkplek_id=plekken["A-01"].pk, datum=DINSDAG, dagdeel="ochtend")
    reservering_aanmaken(actor=a, werkplek_id=plekken["A-02"].pk, datum=DINSDAG, dagdeel="hele_dag")

    cellen = capaciteit([locatie], [MAANDAG, DINSDAG, WOENSDAG])

    dinsdag = cellen[(locatie.pk, DINSDAG)]
    assert (dinsdag.vraag, dinsdag.aanbod, dinsdag.percentage, dinsdag.niveau) == (
        Decimal("2.75"),
        3,
        92,
        "krap",
    )
    woensdag = cellen[(locatie.pk, WOENSDAG)]
    assert (woensdag.vraag, woensdag.percentage, woensdag.niveau) == (Decimal("1.25"), 42, "ok")
    maandag = cellen[(locatie.pk, MAANDAG)]
    assert (maandag.vraag, maandag.percentage, maandag.niveau) == (Decimal("0.25"), 8, "ok")


def test_heatmap_prints_the_shares_of_enough_and_of_geen_werkplek(locatie, plekken):
    from tests.werkplekken.factories import AanwezigheidFactory

    for reden in ("geen_werkplek", "zorgtaak", "zorgtaak", "anders"):
        AanwezigheidFactory(reden=reden, medewerker=MedewerkerFactory())
    AanwezigheidFactory(soort="kantoor", medewerker=MedewerkerFactory())
    # Older than four weeks before the day of the heatmap: history, not today's state.
    AanwezigheidFactory(reden="geen_werkplek", datum=date(2026, 11, 18))

    kaart = heatmap(date(2026, 12, 16))

    assert [(c.datum, c.open) for c in kaart.rijen[0][1]] == [
        (date(2026, 12, 16), True),
        (date(2026, 12, 17), True),
        (date(2026, 12, 18), False),
        (date(2026, 12, 21), True),
        (date(2026, 12, 22), True),
    ]
    assert kaart.voldoende_aandeel == 100
    assert (kaart.geen_werkplek_aandeel, kaart.redenen) == (25, 4)


def test_the_stored_check_covers_every_working_date_of_the_horizon_and_replaces_itself(
    locatie, plekken
):
    from werkplekken.models import Capaciteitsstand
    from werkplekken.services.capaciteit import capaciteit_vastleggen

    Capaciteitsstand.objects.create(
        locatie=locatie, datum=date(2026, 12, 15), vraag=1, aanbod=3, berekend_op=NU
    )
    # Wednesday 16 December up to and including 30 December, weekdays only.
    assert capaciteit_vastleggen() == 11
    assert capaciteit_vastleggen() == 11
    datums = list(Capaciteitsstand.objects.order_by("datum").values_list("datum", flat=True))
    assert datums[0] == date(2026, 12, 16)
    assert datums[-1] == date(2026, 12, 30)
    assert len(datums) == 11
    assert date(2026, 12, 19) not in datums  # a Saturday


def test_pages_read_the_stored_check_and_say_when_it_was_computed(
    client, settings, mensen, locatie, plekken
):
    from pilot.models import Roltoewijzing
    from werkplekken.services.capaciteit import capaciteit_vastleggen

    settings.WERKPLEKKEN_CAPACITEIT_OPGESLAGEN = True
    Roltoewijzing.objects.create(medewerker=mensen["eigenaar"], rol="facilitair")
    client.force_login(mensen["eigenaar"])
    # Nothing stored yet: computed on the spot, so the page is never empty.
    reservering_aanmaken(
        actor=mensen["collega"], werkplek_id=plekken["A-01"].pk, datum=DONDERDAG, dagdeel="hele_dag"
    )
    page = client.get(reverse("bezetting")).content.decode()
    assert "Berekend op" not in page
    assert "1 / 3" in page

    capaciteit_vastleggen()
    # A booking or a reason after the computation shows at the next one, and the page says
    # when that was.
    reservering_aanmaken(
        actor=mensen["buiten"], werkplek_id=plekken["A-02"].pk, datum=DONDERDAG, dagdeel="hele_dag"
    )
    AanwezigheidFactory(
        medewerker=mensen["buiten"], datum=date(2026, 12, 15), soort="thuis", reden="geen_werkplek"
    )
    page = client.get(reverse("bezetting")).content.decode()
    assert "Berekend op 16 december 2026 09:00" in page
    assert "1 / 3" in page and "2 / 3" not in page
    assert "van 1 redenen" not in page

    capaciteit_vastleggen()
    page = client.get(reverse("bezetting")).content.decode()
    assert "2 / 3" in page
    assert "100 % (van 1 redenen)" in page


@pytest.mark.parametrize("aantal", [2, 12])
def test_the_stored_heatmap_reads_a_fixed_number_of_rows(
    client, settings, mensen, aantal, django_assert_num_queries
):
    from pilot.models import Roltoewijzing
    from tests.werkplekken.factories import LocatieFactory, ZoneFactory
    from werkplekken.services.capaciteit import capaciteit_vastleggen

    settings.WERKPLEKKEN_CAPACITEIT_OPGESLAGEN = True
    for n in range(aantal):
        zone = ZoneFactory(locatie=LocatieFactory(naam=f"Locatie {n:02d}"))
        for d in range(3):
            WerkplekFactory(zone=zone, code=f"W-{d}")
    capaciteit_vastleggen()
    Roltoewijzing.objects.create(medewerker=mensen["eigenaar"], rol="facilitair")
    client.force_login(mensen["eigenaar"])
    # Every page: session, user, roles, led teams, unread count = 5. The heatmap: locations,
    # the stored cells, the reason codes = 3 (computing it would read desks, agreements and
    # half days as well).
    with django_assert_num_queries(8):
        page = client.get(reverse("bezetting")).content.decode()
    assert page.count("0 / 3") == aantal * 5


def test_beat_computes_the_check_every_quarter():
    from django.conf import settings as django_settings

    schedule = {
        job["task"]: job["schedule"] for job in django_settings.CELERY_BEAT_SCHEDULE.values()
    }
    assert str(schedule["werkplekken.tasks.bereken_capaciteit"]) == (
        "<crontab: */15 * * * * (m/h/dM/MY/d)>"
    )
