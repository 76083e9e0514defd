"""API tokens expire, slide up to a maximum, end at logout and password reset, and their owner
can see and revoke them."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import MedewerkerFactory

LOGIN_TIME = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def person(db):
    return MedewerkerFactory(username="jan", email="jan@uwv.example")


def get_token(username="jan", password="kantoor2025") -> str:
    response = APIClient().post(
        reverse("api_token"), {"username": username, "password": password}, format="json"
    )
    assert response.status_code == 200
    return response.json()["token"]


def call_with(token: str, name: str = "periode-list", method: str = "get", **kwargs):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return getattr(api, method)(reverse(name, kwargs=kwargs or None))


def test_every_login_gets_a_new_token_and_both_work(person):
    first, second = get_token(), get_token()
    assert first != second
    assert call_with(first).status_code == 200
    assert call_with(second).status_code == 200


def test_the_token_answer_says_when_it_expires(person):
    with time_machine.travel(LOGIN_TIME, tick=False):
        response = APIClient().post(
            reverse("api_token"), {"username": "jan", "password": "kantoor2025"}, format="json"
        )
    assert response.json()["verloopt_op"] == "2026-03-02T17:00:00+01:00"


def test_an_unused_token_expires_after_eight_hours(person):
    with time_machine.travel(LOGIN_TIME, tick=False) as clock:
        token = get_token()
        clock.move_to(LOGIN_TIME + timedelta(hours=7, minutes=59))
        assert call_with(token).status_code == 200
        clock.move_to(LOGIN_TIME + timedelta(hours=7, minutes=59) + timedelta(hours=8, seconds=1))
        assert call_with(token).status_code == 403


def test_use_keeps_a_token_alive_but_not_past_the_maximum(person):
    with time_machine.travel(LOGIN_TIME, tick=False) as clock:
        token = get_token()
        for hours in (6, 12, 18, 23):
            clock.move_to(LOGIN_TIME + timedelta(hours=hours))
            assert call_with(token).status_code == 200, f"after {hours} hours"
        clock.move_to(LOGIN_TIME + timedelta(hours=24, seconds=1))
        assert call_with(token).status_code == 403


def test_logging_out_in_the_browser_ends_the_api_tokens(client, person):
    token = get_token()
    client.force_login(person)
    client.post(reverse("logout"))
    assert call_with(token).status_code == 403


def test_a_completed_password_reset_ends_the_api_tokens(client, person):
    token = get_token()
    client.post(reverse("password_reset"), {"email": "jan@uwv.example"})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/account/" in line)
    form_page = client.get(link.split("testserver", 1)[1], follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Zomer-kantoor-2026", "new_password2": "Zomer-kantoor-2026"},
    )
    assert call_with(token).status_code == 403
    assert call_with(get_token(password="Zomer-kantoor-2026")).status_code == 200


def test_a_person_lists_only_their_own_tokens_and_sees_which_is_in_use(person):
    MedewerkerFactory(username="piet")
    get_token("piet")
    older, current = get_token(), get_token()
    listing = call_with(current, "api-token-list").json()
    assert listing["count"] == 2
    assert [row["huidig"] for row in listing["results"]] == [True, False]
    assert all(older not in str(row) and current not in str(row) for row in listing["results"])


def test_a_person_revokes_their_own_token_but_cannot_touch_anothers(person):
    MedewerkerFactory(username="piet")
    pieter = get_token("piet")
    own, other_own = get_token(), get_token()
    rows = call_with(own, "api-token-list").json()["results"]
    other_kenmerk = next(row["kenmerk"] for row in rows if not row["huidig"])
    pieters_kenmerk = call_with(pieter, "api-token-list").json()["results"][0]["kenmerk"]

    assert call_with(own, "api-token-detail", "delete", kenmerk=pieters_kenmerk).status_code == 404
    assert call_with(pieter).status_code == 200
    assert call_with(own, "api-token-detail", "delete", kenmerk=other_kenmerk).status_code == 204
    assert call_with(other_own).status_code == 403
    assert call_with(own).status_code == 200


def test_the_token_page_lists_and_revokes(client, person):
    token = get_token()
    client.force_login(person)
    kenmerk = call_with(token, "api-token-list").json()["results"][0]["kenmerk"]
    page = client.get(reverse("api_tokens")).content.decode()
    assert kenmerk in page
    assert token not in page
    response = client.post(reverse("api_token_intrekken", kwargs={"kenmerk": kenmerk}), follow=True)
    body = response.content.decode()
    assert "Het API-token is ingetrokken." in body
    assert "U hebt geen API-tokens." in body
    assert call_with(token).status_code == 403


def test_a_malformed_token_header_is_refused_not_a_crash(person):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token \xff\xfe-niet-utf8")
    assert api.get(reverse("periode-list")).status_code == 403


def test_the_nightly_job_removes_expired_tokens_only(person):
    from knox.models import AuthToken

    from pilot.tasks import clear_expired_api_tokens

    with time_machine.travel(LOGIN_TIME, tick=False) as clock:
        get_token()
        clock.move_to(LOGIN_TIME + timedelta(hours=9))
        fresh = get_token()
        assert clear_expired_api_tokens() == 1
        assert AuthToken.objects.count() == 1
        assert call_with(fresh).status_code == 200


def test_the_token_page_in_english(client, person):
    client.force_login(person)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("api_tokens")).content.decode()
    assert "My API tokens" in page
    assert "has not been used for 8 hours, and at the latest 24 hours after the login" in page


def test_the_openapi_schema_describes_the_token_header(person):
    api = APIClient()
    api.force_authenticate(person)
    schema = api.get(reverse("api_schema"), {"format": "json"}).json()
    assert schema["components"]["securitySchemes"]["tokenAuth"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": 'Token-based authentication with required prefix "Token"',
    }


def test_an_expired_token_is_no_longer_listed(client, person):
    client.force_login(person)
    with time_machine.travel(LOGIN_TIME, tick=False) as clock:
        get_token()
        clock.move_to(LOGIN_TIME + timedelta(hours=9))
        get_token()
        page = client.get(reverse("api_tokens")).content.decode()
    assert page.count('<th scope="row">') == 1
