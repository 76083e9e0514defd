"""The pages: booking through the list, own reservations, the week, the heatmap; and a fixed
number of queries whatever the number of locations, desks and reservations."""

from datetime import date

import pytest
from django.urls import reverse

from pilot.models import Roltoewijzing
from tests.factories import MedewerkerFactory
from tests.werkplekken.factories import LocatieFactory, WerkplekFactory, ZoneFactory
from werkplekken.models import Aanwezigheid, Reservering
from werkplekken.services.reserveringen import reservering_aanmaken

DONDERDAG = date(2026, 12, 17)


def gebouwen(aantal: int, plekken_per_zone: int) -> list:
    """`aantal` locations of two zones each, half of the first location's desks taken."""
    locaties = []
    for n in range(aantal):
        locatie = LocatieFactory(naam=f"Locatie {n:02d}")
        for z in range(2):
            zone = ZoneFactory(locatie=locatie, naam=f"Zone {z}")
            for d in range(plekken_per_zone):
                WerkplekFactory(zone=zone, code=f"{z}-{d:02d}", hoog_laag=d % 2 == 0)
        locaties.append(locatie)
    for werkplek in list(locaties[0].zones.first().werkplekken.all())[::2]:
        reservering_aanmaken(
            actor=MedewerkerFactory(), werkplek_id=werkplek.pk, datum=DONDERDAG, dagdeel="ochtend"
        )
    return locaties


@pytest.mark.parametrize(("aantal", "per_zone"), [(3, 4), (50, 12)])
def test_booking_page_and_floor_plan_queries_are_constant(
    client, mensen, aantal, per_zone, django_assert_num_queries
):
    locaties = gebouwen(aantal, per_zone)
    client.force_login(mensen["eigenaar"])
    url = reverse("werkplek_reserveren")
    query = {"locatie": locaties[0].pk, "datum": "2026-12-17", "dagdeel": "hele_dag"}
    # Every page: session, user, roles, led teams, unread count = 5. This page: locations,
    # the matching desks per floor, the shown floor's desks, taken half days, and for the
    # places left after location-level seats the bookable desks and the held half days = 6.
    with django_assert_num_queries(11):
        response = client.get(url, query)
    page = response.content.decode()
    assert page.count('class="plek plek-vrij"') == 2 * per_zone - per_zone // 2
    assert page.count('class="plek plek-bezet"') == per_zone // 2
    assert page.count("Reserveer 0-") + page.count("Reserveer 1-") == 2 * per_zone - per_zone // 2


def test_a_building_is_shown_one_floor_at_a_time(client, mensen):
    gebouw = LocatieFactory(naam="Toren")
    beneden = ZoneFactory(locatie=gebouw, naam="Hal", verdieping=0)
    boven = ZoneFactory(locatie=gebouw, naam="Dak", verdieping=2, thuisteam=mensen["eigenaar"].team)
    for code in ("H-1", "H-2"):
        WerkplekFactory(zone=beneden, code=code)
    for code in ("D-1", "D-2", "D-3"):
        WerkplekFactory(zone=boven, code=code)
    reservering_aanmaken(
        actor=mensen["collega"],
        werkplek_id=boven.werkplekken.get(code="D-1").pk,
        datum=DONDERDAG,
        dagdeel="hele_dag",
    )
    url = reverse("werkplek_reserveren")
    query = {"locatie": gebouw.pk, "datum": "2026-12-17", "dagdeel": "hele_dag"}

    # Someone without a home zone here starts on the ground floor; every floor is a link
    # with its free desks, and the building's total stays in the sentence above.
    client.force_login(mensen["buiten"])
    page = client.get(url, query).content.decode()
    assert "Toren, donderdag 17 december 2026: 4 werkplekken vrij." in page
    assert 'aria-current="page" href="?' in page
    assert "Begane grond: 2 vrij</a>" in page
    assert "Verdieping 2: 2 vrij</a>" in page
    assert "Reserveer H-1" in page and "Reserveer D-2" not in page

    # The floor link, a desk picked on another floor, and the home zone's floor for its team.
    page = client.get(url, {**query, "verdieping": 2}).content.decode()
    assert "Reserveer D-2" in page and "Reserveer H-1" not in page
    # On the plan a free desk is a link that names it; a taken one says so.
    d2 = boven.werkplekken.get(code="D-2")
    assert f"&amp;verdieping=2&amp;werkplek={d2.pk}#keuze" in page
    assert "<title>Werkplek D-2, vrij</title>" in page
    assert 'aria-label="Werkplek D-1, bezet"' in page
    d3 = boven.werkplekken.get(code="D-3")
    page = client.get(url, {**query, "werkplek": d3.pk}).content.decode()
    assert "Werkplek D-3 reserveren" in page and "Reserveer H-1" not in page
    client.force_login(mensen["eigenaar"])
    page = client.get(url, query).content.decode()
    assert "Reserveer D-2" in page and "Reserveer H-1" not in page
    # A desk picked on the ground floor shows the ground floor, not the home zone's.
    h2 = beneden.werkplekken.get(code="H-2")
    page = client.get(url, {**query, "werkplek": h2.pk}).content.decode()
    assert "Werkplek H-2 reserveren" in page and "Reserveer D-2" not in page

    # A floor the building lacks, or no floor at all, shows the default one.
    client.force_login(mensen["buiten"])
    for onzin in ("7", "boven", "-"):
        page = client.get(url, {**query, "verdieping": onzin}).content.decode()
        assert "Reserveer H-1" in page


@pytest.mark.parametrize(("aantal", "per_zone"), [(3, 4), (50, 12)])
def test_heatmap_queries_are_constant(client, mensen, aantal, per_zone, django_assert_num_queries):
    gebouwen(aantal, per_zone)
    Roltoewijzing.objects.create(medewerker=mensen["eigenaar"], rol="facilitair")
    client.force_login(mensen["eigenaar"])
    # Every page: 8 (see above). The heatmap: locations, desks, agreements, reservations,
    # reason codes = 5.
    with django_assert_num_queries(10):
        response = client.get(reverse("bezetting"))
    assert response.content.decode().count("· ok</strong>") == aantal * 5


def test_filter_by_feature_shows_only_those_desks(client, mensen):
    locatie = gebouwen(1, 4)[0]
    client.force_login(mensen["eigenaar"])
    page = client.get(
        reverse("werkplek_reserveren"),
        {
            "locatie": locatie.pk,
            "datum": "2026-12-21",
            "dagdeel": "ochtend",
            "kenmerken": "hoog_laag",
        },
    ).content.decode()
    assert page.count("Reserveer ") == 4
    assert "Reserveer 0-01" not in page


def test_booking_from_the_list_and_a_taken_desk(client, mensen, plekken):
    client.force_login(mensen["eigenaar"])
    body = {"werkplek": plekken["A-01"].pk, "datum": "2026-12-17", "dagdeel": "hele_dag"}
    response = client.post(reverse("reservering_maken"), body, follow=True)
    assert "Gereserveerd: A-01 · 17-12-2026 · hele dag." in response.content.decode()

    client.force_login(mensen["collega"])
    response = client.post(reverse("reservering_maken"), body, follow=True)
    assert (
        "Werkplek A-01 is op 17 december 2026 in dit dagdeel al bezet." in response.content.decode()
    )
    assert Reservering.objects.count() == 1


def test_own_reservations_show_only_the_open_actions(client, mensen, plekken):
    vandaag = reservering_aanmaken(
        actor=mensen["eigenaar"],
        werkplek_id=plekken["A-01"].pk,
        datum=date(2026, 12, 16),
        dagdeel="ochtend",
    )
    reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plekken["A-02"].pk, datum=DONDERDAG, dagdeel="ochtend"
    )
    client.force_login(mensen["eigenaar"])
    page = client.get(reverse("mijn_reserveringen")).content.decode()
    assert page.count("Inchecken op") == 1
    assert page.count("Annuleren (") == 2

    client.post(reverse("reservering_inchecken", args=[vandaag.pk]))
    page = client.get(reverse("mijn_reserveringen")).content.decode()
    assert page.count("Inchecken op") == 0
    assert page.count("Annuleren (") == 1


def test_someone_elses_reservation_is_a_404(client, mensen, plekken):
    reservering = reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plekken["A-01"].pk, datum=DONDERDAG, dagdeel="ochtend"
    )
    client.force_login(mensen["leider"])
    assert client.post(reverse("reservering_annuleren", args=[reservering.pk])).status_code == 404
    assert client.post(reverse("reservering_annuleren", args=["1x"])).status_code == 404


def test_the_week_page_registers_and_releases(client, mensen, plekken):
    reservering_aanmaken(
        actor=mensen["eigenaar"],
        werkplek_id=plekken["A-01"].pk,
        datum=DONDERDAG,
        dagdeel="hele_dag",
    )
    client.force_login(mensen["eigenaar"])
    response = client.post(
        reverse("aanwezigheid_week") + "?week=2026-12-14",
        {
            "soort_20261214": "kantoor",
            "soort_20261215": "thuis",
            "reden_20261215": "zorgtaak",
            "soort_20261217": "thuis",
        },
    )
    assert response.status_code == 302
    assert sorted(Aanwezigheid.objects.values_list("datum", "soort", "reden")) == [
        (date(2026, 12, 14), "kantoor", ""),
        (date(2026, 12, 15), "thuis", "zorgtaak"),
        (DONDERDAG, "thuis", ""),
    ]
    assert Reservering.objects.get().status == "geannuleerd"


def test_a_bad_week_changes_nothing(client, mensen):
    client.force_login(mensen["eigenaar"])
    response = client.post(
        reverse("aanwezigheid_week") + "?week=2026-12-14",
        {"soort_20261214": "thuis", "soort_20261215": "kantoor", "reden_20261215": "zorgtaak"},
        follow=True,
    )
    assert "Een reden geeft u alleen op voor een dag niet op kantoor." in response.content.decode()
    assert not Aanwezigheid.objects.exists()


def test_capacity_fragment_for_the_agreement_form(client, mensen, locatie, plekken):
    client.force_login(mensen["eigenaar"])
    fragment = client.get(
        reverse("capaciteit_fragment"), {"locatie": locatie.pk, "voorkeursdagen": ["2", "5", "x"]}
    ).content.decode()
    assert "di · Utrecht · <strong>ok</strong> · 0 %" in fragment
    assert "vr · Utrecht · gesloten" in fragment
    assert client.get(reverse("capaciteit_fragment"), {"locatie": "junk"}).content.strip() == b""


def test_team_capacity_fragment_for_members_and_their_leidinggevende(client, mensen, locatie):
    from convenant.models import Status
    from tests.convenant.factories import AfspraakFactory

    AfspraakFactory(
        medewerker=mensen["eigenaar"],
        status=Status.AKKOORD,
        locatie=locatie,
        voorkeursdagen=[2],
        ingangsdatum=date(2026, 12, 1),
    )
    url = reverse("capaciteit_team", args=[mensen["eigenaar"].team_id])
    client.force_login(mensen["leider"])
    fragment = client.get(url).content.decode()
    assert "Utrecht (75 %)" in fragment
    # Tuesday 22 December: one of three desks → 33 %.
    assert "33 % · ok · 1 / 3" in fragment
    client.force_login(mensen["buiten"])
    assert client.get(url).status_code == 404


def test_the_agreement_form_offers_the_locations_and_stores_one(client, mensen, locatie):
    from convenant.models import Afspraak
    from tests.convenant.factories import vervolgperiode

    vervolgperiode()
    client.force_login(mensen["eigenaar"])
    form = client.get(reverse("afspraak_nieuw")).content.decode()
    assert f'<option value="{locatie.pk}">Utrecht</option>' in form
    assert 'id="capaciteit-check"' in form
    client.post(
        reverse("afspraak_nieuw"),
        {
            "kantoordagen": "2",
            "voorkeursdagen": ["2", "4"],
            "locatie": str(locatie.pk),
            "ingangsdatum": "2026-12-21",
            "einddatum": "2027-06-30",
            "overweging_vitaliteit": "Fietsen naar kantoor houdt me fit.",
            "actie": "concept",
        },
    )
    assert Afspraak.objects.get(medewerker=mensen["eigenaar"]).locatie == locatie


def test_team_day_page_books_the_home_zone(client, mensen, locatie):
    team = mensen["eigenaar"].team
    honk = ZoneFactory(locatie=locatie, naam="Zone B", thuisteam=team)
    WerkplekFactory(zone=honk, code="B-01")
    WerkplekFactory(zone=honk, code="B-02")
    client.force_login(mensen["leider"])
    assert client.get(reverse("teamdag")).status_code == 200
    client.post(reverse("teamdag"), {"team": team.pk, "datum": "2026-12-22"})
    assert sorted(
        Reservering.objects.filter(teamdag=True).values_list("werkplek__code", flat=True)
    ) == [
        "B-01",
        "B-02",
    ]
    client.force_login(mensen["eigenaar"])
    assert client.get(reverse("teamdag")).status_code == 403
    page = client.get(reverse("mijn_reserveringen")).content.decode()
    assert "jouw plek op de teamdag" in page
