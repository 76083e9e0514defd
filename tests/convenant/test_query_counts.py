"""Every convenant page and list endpoint runs an exact, pinned number of queries, the same
for a team of 3 and a team of 40 (N+1 is a bug). A change in a count is a decision: update the
number here and say why in the commit."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.convenant.factories import AfspraakFactory, DelegatieFactory, UitzonderingFactory
from tests.factories import MedewerkerFactory, NotificatieFactory, TeamFactory

STATUSSEN = ["ingediend", "akkoord", "tegenvoorstel", "afgewezen"]


def grow(org, hr, size: int) -> None:
    """`size` more members, each with an agreement, an exemption and a notification."""
    for index in range(size):
        person = MedewerkerFactory(team=org["team"])
        AfspraakFactory(
            medewerker=person,
            status=STATUSSEN[index % 4],
            kantoordagen=Decimal(2),
            voorkeursdagen=[1 + index % 5],
            ingangsdatum=date(2026, 11, 2),
        )
        UitzonderingFactory(
            medewerker=person,
            status="aangevraagd" if index % 2 else "toegekend",
            categorie="eerdere_afspraak",
        )
        NotificatieFactory(ontvanger=org["leider"])
        NotificatieFactory(ontvanger=hr)
        DelegatieFactory(leidinggevende=org["leider"], vervanger=person)


def _team(org, hr):
    return f"{reverse('teamplan')}?team={org['team'].pk}"


def _eigen_afspraak(org, hr):
    if "afspraak" not in org:
        org["afspraak"] = AfspraakFactory(medewerker=org["eigenaar"], status="ingediend")
    return reverse("afspraak_detail", args=[org["afspraak"].pk])


def _eigen_uitzondering(org, hr):
    if "uitzondering" not in org:
        org["uitzondering"] = UitzonderingFactory(
            medewerker=org["eigenaar"], status="aangevraagd", categorie="eerdere_afspraak"
        )
    return reverse("uitzondering_detail", args=[org["uitzondering"].pk])


# (who, URL name or builder) → queries, written out.
PAGES = {
    ("eigenaar", "start"): 10,
    ("leider", "start"): 14,  # the comité cards count the team's cases in an aggregate
    ("hr", "start"): 10,
    ("eigenaar", "mijn_afspraak"): 9,
    ("eigenaar", "afspraak_nieuw"): 10,  # no timeline: the form does not show it
    ("eigenaar", _eigen_afspraak): 10,
    ("leider", _eigen_afspraak): 12,  # + the current agreement, + the locations to counter with
    # The inbox's lists and totals in two queries; a page of members with their total in one.
    ("leider", "mijn_team"): 11,
    ("leider", "afspraak_voorstel_lid"): 9,
    ("leider", "delegaties"): 8,
    ("leider", _team): 12,
    ("eigenaar", _team): 11,
    ("eigenaar", "mijn_uitzonderingen"): 8,
    ("eigenaar", "uitzondering_nieuw"): 6,
    ("eigenaar", _eigen_uitzondering): 10,
    ("leider", _eigen_uitzondering): 9,
    ("hr", _eigen_uitzondering): 9,
    ("leider", "team_uitzonderingen"): 7,
    ("hr", "uitzondering_verificatie"): 7,
    ("eigenaar", "afspraak-list"): 5,
    # The page's people in a query of their own, after the page is picked (not joined first).
    ("leider", "afspraak-list"): 6,
    ("leider", "uitzondering-list"): 6,
    ("hr", "uitzondering-list"): 5,
    ("leider", "teamplan-list"): 7,
    # The afdelingshoofd decides for every team below his own: the same counts as a
    # leidinggevende of one team, however large that span grows.
    ("hoofd", "start"): 14,
    ("hoofd", "mijn_team"): 11,
    ("hoofd", "afspraak_voorstel_lid"): 9,
    ("hoofd", "delegaties"): 8,
    ("hoofd", "team_uitzonderingen"): 7,
    ("hoofd", "afspraak-list"): 6,
    ("hoofd", "uitzondering-list"): 6,
}


def afdelingshoofd(org):
    """The head of the afdeling: leads a top team above the leidinggevende's team and team A."""
    hoofd = MedewerkerFactory(username="hoofd", first_name="Hans", last_name="Hoofd")
    top = TeamFactory(
        code="T-TOP", naam="Afdeling", afdeling=org["team"].afdeling, leidinggevende=hoofd
    )
    hoofd.team = top
    hoofd.save()
    for team in (org["team"], org["leider"].team):
        team.bovenliggend_team = top
        team.save()
    return hoofd


@pytest.mark.parametrize(
    ("who", "page"), list(PAGES), ids=[f"{w}-{getattr(p, '__name__', p)}" for w, p in PAGES]
)
def test_exact_query_count_at_two_team_sizes(client, org, hr, who, page, django_assert_num_queries):
    if who == "hoofd":
        org["hoofd"] = afdelingshoofd(org)
    client.force_login(hr if who == "hr" else org[who])
    for size in (3, 37):
        grow(org, hr, size)
        url = page(org, hr) if callable(page) else reverse(page)
        with django_assert_num_queries(PAGES[(who, page)]):
            response = client.get(url)
        assert response.status_code == 200, url
