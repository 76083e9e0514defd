"""A granted exemption lowers the streefnorm while it runs, and the agreement pages say so."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from convenant.models import Categorie, Status, UitzonderingStatus
from convenant.streefnorm import streefnorm, streefnormen
from tests.convenant.factories import AfspraakFactory, UitzonderingFactory
from tests.factories import MedewerkerFactory

AMS = ZoneInfo("Europe/Amsterdam")
REDEN = (
    "U hebt een uitzondering mantelzorg tot en met 31 maart 2026. Daardoor is het streven 0 dagen."
)


@pytest.fixture
def mantelzorg(org):
    return UitzonderingFactory(
        medewerker=org["eigenaar"],
        categorie=Categorie.MANTELZORG,
        status=UitzonderingStatus.TOEGEKEND,
        kantoordagen=Decimal(0),
        ingangsdatum=date(2026, 1, 1),
        einddatum=date(2026, 3, 31),
    )


@pytest.mark.parametrize(
    ("moment", "dagen", "met_reden"),
    [
        (datetime(2025, 12, 31, 12, tzinfo=AMS), "2", False),  # before
        (datetime(2026, 2, 10, 9, tzinfo=AMS), "0", True),  # during
        (datetime(2026, 3, 31, 23, tzinfo=AMS), "0", True),  # the end date itself (t/m)
        (datetime(2026, 4, 1, 0, 5, tzinfo=AMS), "2", False),  # after
    ],
)
def test_the_employee_sees_the_norm_during_and_after_the_exemption(
    client, org, mantelzorg, moment, dagen, met_reden
):
    with time_machine.travel(moment, tick=False):
        client.force_login(org["eigenaar"])  # sessions expire: log in at that moment
        page = client.get(reverse("mijn_afspraak")).text
    assert f"Streefnorm: {dagen} dagen per week" in page
    assert (REDEN in page) is met_reden


@pytest.mark.parametrize(
    "status", [UitzonderingStatus.AANGEVRAAGD, UitzonderingStatus.AFGEWEZEN, "verlopen"]
)
def test_only_a_granted_exemption_lowers_the_norm(org, status):
    UitzonderingFactory(
        medewerker=org["eigenaar"],
        status=status,
        ingangsdatum=date(2026, 1, 1),
        einddatum=date(2026, 3, 31),
    )
    assert streefnorm(org["eigenaar"], date(2026, 2, 10)).dagen == 2


def test_the_lowest_of_two_exemptions_wins_and_both_are_explained(org):
    UitzonderingFactory(
        medewerker=org["eigenaar"],
        categorie=Categorie.MEDISCH,
        status=UitzonderingStatus.TOEGEKEND,
        kantoordagen=Decimal(1),
        mantelzorg_uren=None,
    )
    UitzonderingFactory(
        medewerker=org["eigenaar"],
        status=UitzonderingStatus.TOEGEKEND,
        kantoordagen=Decimal("0.5"),
    )
    norm = streefnorm(org["eigenaar"], date(2027, 1, 4))
    assert norm.dagen == Decimal("0.5")
    assert (
        "U hebt een uitzondering mantelzorg tot en met 31 maart 2027. "
        "Daardoor is het streven 0,5 dag."
    ) in norm.afleiding


def test_norms_for_a_team_take_one_query_for_the_exemptions(org, django_assert_num_queries):
    people = [MedewerkerFactory(team=org["team"]) for _ in range(20)]
    for person in people[::2]:
        UitzonderingFactory(medewerker=person, status=UitzonderingStatus.TOEGEKEND)
    with django_assert_num_queries(1):
        normen = streefnormen(people, date(2027, 1, 4))
    assert [normen[p.pk].dagen for p in people[:2]] == [0, 2]


def test_agreement_pages_show_the_exemption(client, org):
    UitzonderingFactory(
        medewerker=org["eigenaar"],
        status=UitzonderingStatus.TOEGEKEND,
        ingangsdatum=date(2026, 11, 1),
        einddatum=date(2027, 3, 31),
    )
    reden = "U hebt een uitzondering mantelzorg tot en met 31 maart 2027."
    afspraak = AfspraakFactory(
        medewerker=org["eigenaar"], status=Status.INGEDIEND, kantoordagen=Decimal(0)
    )
    client.force_login(org["eigenaar"])
    assert reden in client.get(reverse("mijn_afspraak")).text
    assert reden in client.get(reverse("afspraak_nieuw")).text
    assert reden in client.get(reverse("mijn_uitzonderingen")).text
    client.force_login(org["leider"])
    detail = client.get(reverse("afspraak_detail", args=[afspraak.pk])).text
    # The leidinggevende reads about the employee, not "U hebt".
    assert "De medewerker heeft een uitzondering mantelzorg tot en met 31 maart 2027." in detail
    assert "U hebt een uitzondering" not in detail


def test_agreeing_to_the_exempted_days_needs_no_below_norm_reason(org):
    from convenant import services

    UitzonderingFactory(
        medewerker=org["eigenaar"],
        status=UitzonderingStatus.TOEGEKEND,
        ingangsdatum=date(2026, 11, 1),
        einddatum=date(2027, 6, 30),
    )
    afspraak = AfspraakFactory(
        medewerker=org["eigenaar"], status=Status.INGEDIEND, kantoordagen=Decimal(0)
    )
    services.afspraak_akkoord(actor=org["leider"], afspraak=afspraak)
    afspraak.refresh_from_db()
    assert (afspraak.status, afspraak.streefnorm_dagen) == (Status.AKKOORD, 0)
