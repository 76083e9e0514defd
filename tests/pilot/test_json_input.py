"""Bad text in a JSON body is a 400 with a message on every endpoint, never a 500."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.convenant import matrix_support as m

MESSAGE = "De JSON bevat tekst met een ongeldig teken (een losse UTF-16-surrogaat)."
# JSON escapes as the client sends them: the body itself is plain ASCII.
SURROGATE = "\\ud800"


@pytest.fixture
def api():
    return APIClient()


def post_raw(api, url: str, body: str):
    return api.post(url, data=body, content_type="application/json")


def assert_refused(response):
    assert response.status_code == 400
    assert MESSAGE in response.json()["detail"]


def test_token_login_with_a_lone_surrogate_is_a_400(api, db):
    assert_refused(
        post_raw(
            api, reverse("api_token"), f'{{"username": "{SURROGATE}", "password": "kantoor2025"}}'
        )
    )


@pytest.mark.parametrize(
    "body",
    [
        f'{{"kantoordagen": "1", "onder_norm_overweging": "{SURROGATE}"}}',
        f'{{"kantoordagen": "2", "overwegingen": {{"{SURROGATE}": "tekst"}}}}',
        f'{{"kantoordagen": "2", "voorkeursdagen": [2, "{SURROGATE}"]}}',
    ],
)
def test_a_proposal_with_a_lone_surrogate_anywhere_is_a_400(api, demo, body):
    api.force_authenticate(demo["medewerker"])
    assert_refused(post_raw(api, reverse("afspraak-list"), body))


def test_an_exemption_category_with_a_lone_surrogate_is_a_400(api, demo):
    api.force_authenticate(demo["medewerker"])
    assert_refused(post_raw(api, reverse("uitzondering-list"), f'{{"categorie": "{SURROGATE}"}}'))


@pytest.mark.parametrize("action", ["afspraak-akkoord", "afspraak-tegenvoorstel"])
def test_a_leaders_decision_with_a_lone_surrogate_is_a_400(api, demo, action):
    api.force_authenticate(demo["leidinggevende"])
    url = reverse(action, kwargs=m.ingediend(demo))
    body = f'{{"kantoordagen": "2.5", "motivatie": "{SURROGATE}", "toelichting": "{SURROGATE}"}}'
    assert_refused(post_raw(api, url, body))


def test_a_proper_surrogate_pair_is_ordinary_text(api, db):
    # "\ud83d\ude00" is one emoji: valid text, so the login fails as any wrong login does.
    response = post_raw(
        api, reverse("api_token"), '{"username": "\\ud83d\\ude00", "password": "fout"}'
    )
    assert response.status_code == 400
    assert "detail" not in response.json()


def test_json_nested_too_deep_is_a_400(api, demo):
    api.force_authenticate(demo["medewerker"])
    response = post_raw(api, reverse("afspraak-list"), "[" * 100_000 + "]" * 100_000)
    assert response.status_code == 400
    assert response.json()["detail"] == "De JSON is te diep genest."
