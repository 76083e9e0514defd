"""The API's one error contract, the same for every workflow action endpoint.

The same malformed body goes to every action, sent by someone who may not see the object
(404), by someone who sees it but is not the party for the action (403), by the right party in
a state that does not allow it (409), and by the right party in the right state (400, when the
action reads a body). Each check comes before the next: never a 400 for a request that could
not succeed anyway.
"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.convenant.factories import AfspraakFactory, UitzonderingFactory

# Wrong in every field an action could read.
MALFORMED = {
    "kantoordagen": "veel",
    "motivatie": "",
    "toelichting": "x" * 5000,
    "onder_norm_overweging": "geen-reden",
}

# route, action: (who may, a state that allows it, a state that does not, reads a body?)
ACTIONS = {
    ("afspraak", "indienen"): ("eigenaar", "concept", "ingediend", False),
    ("afspraak", "akkoord"): ("leider", "ingediend", "akkoord", True),
    ("afspraak", "tegenvoorstel"): ("leider", "ingediend", "afgewezen", True),
    ("afspraak", "afwijzen"): ("leider", "ingediend", "tegenvoorstel", True),
    ("afspraak", "accepteren"): ("eigenaar", "tegenvoorstel", "ingediend", False),
    ("afspraak", "weigeren"): ("eigenaar", "tegenvoorstel", "akkoord", True),
    ("afspraak", "intrekken"): ("eigenaar", "ingediend", "akkoord", False),
    ("uitzondering", "toekennen"): ("leider", "aangevraagd", "afgewezen", False),
    ("uitzondering", "afwijzen"): ("leider", "aangevraagd", "toegekend", True),
    ("uitzondering", "verifieren"): ("hr", "aangevraagd", "verlopen", False),
    ("uitzondering", "niet_aantoonbaar"): ("hr", "aangevraagd", "toegekend", True),
}


@pytest.fixture
def people(org, hr):
    return {**org, "hr": hr}


def _object(route: str, owner, status: str):
    if route == "afspraak":
        return AfspraakFactory(medewerker=owner, status=status)
    return UitzonderingFactory(medewerker=owner, status=status, categorie="eerdere_afspraak")


# Someone who sees the object but is not the party: the owner for a manager's action, the
# manager for the owner's, the owner for HR's.
WRONG_PARTY = {"eigenaar": "leider", "leider": "eigenaar", "hr": "eigenaar"}


def _post(user, route: str, action: str, pk: int):
    client = APIClient()
    client.force_authenticate(user)
    name = f"{route}-{action.replace('_', '-')}"  # DRF names action routes with dashes
    return client.post(reverse(name, args=[pk]), MALFORMED, format="json")


def test_every_workflow_action_endpoint_is_in_the_table():
    from pilot.urls import router

    endpoints = set()
    for _prefix, viewset, basename in router.registry:
        # This app's workflows; the comité has its own contract test.
        if getattr(viewset, "workflow", None) is None or basename not in (
            "afspraak",
            "uitzondering",
        ):
            continue
        for extra in viewset.get_extra_actions():
            endpoints.add((basename, extra.__name__))
    assert endpoints == set(ACTIONS)


@pytest.mark.parametrize(("route", "action"), list(ACTIONS))
def test_not_visible_is_404(people, route, action):
    who, allowed, _refused, _body = ACTIONS[(route, action)]
    obj = _object(route, people["eigenaar"], allowed)
    assert _post(people["buitenstaander"], route, action, obj.pk).status_code == 404


@pytest.mark.parametrize(
    ("route", "action"),
    # Indienen acts on a concept, which no one but its owner can see: there is no wrong party.
    [key for key in ACTIONS if key != ("afspraak", "indienen")],
)
def test_not_yours_is_403(people, route, action):
    who, allowed, _refused, _body = ACTIONS[(route, action)]
    obj = _object(route, people["eigenaar"], allowed)
    response = _post(people[WRONG_PARTY[who]], route, action, obj.pk)
    assert response.status_code == 403
    obj.refresh_from_db()
    assert obj.status == allowed


@pytest.mark.parametrize(("route", "action"), list(ACTIONS))
def test_wrong_state_is_409_with_a_message(people, route, action):
    who, _allowed, refused, _body = ACTIONS[(route, action)]
    obj = _object(route, people["eigenaar"], refused)
    response = _post(people[who], route, action, obj.pk)
    assert response.status_code == 409
    assert f"status ‘{refused.replace('_', ' ')}’" in response.json()["detail"]


@pytest.mark.parametrize(("route", "action"), [key for key in ACTIONS if ACTIONS[key][3]])
def test_bad_body_in_the_right_state_is_400_and_changes_nothing(people, route, action):
    who, allowed, _refused, _body = ACTIONS[(route, action)]
    obj = _object(route, people["eigenaar"], allowed)
    response = _post(people[who], route, action, obj.pk)
    assert response.status_code == 400
    assert set(response.json()) & set(MALFORMED)
    obj.refresh_from_db()
    assert obj.status == allowed
