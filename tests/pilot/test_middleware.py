"""IdleSessionMiddleware: idle expiry without a session write on every request."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pilot.middleware import IdleSessionMiddleware
from tests.factories import MedewerkerFactory

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def logged_in(client, db, clock):
    client.force_login(MedewerkerFactory(username="jan"))
    return client


def _expiry(client) -> datetime:
    return Session.objects.get(session_key=client.session.session_key).expire_date


def _session_writes(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return [
        query["sql"]
        for query in queries.captured_queries
        if "django_session" in query["sql"] and not query["sql"].lstrip().startswith("SELECT")
    ]


def test_login_sets_the_expiry_and_the_next_request_does_not_write_it_again(logged_in, clock):
    assert _expiry(logged_in) == START + timedelta(minutes=30)
    clock.shift(timedelta(seconds=10))
    assert _session_writes(logged_in, reverse("start")) == []
    assert _expiry(logged_in) == START + timedelta(minutes=30)


def test_a_session_from_before_this_middleware_is_refreshed_on_its_next_request(logged_in, clock):
    session = logged_in.session
    del session[IdleSessionMiddleware.KEY]
    session.save()
    clock.shift(timedelta(seconds=10))
    assert _session_writes(logged_in, reverse("start"))
    assert _expiry(logged_in) == START + timedelta(seconds=10, minutes=30)


def test_a_request_within_a_minute_of_the_refresh_does_not_write_the_session(logged_in, clock):
    logged_in.get(reverse("start"))
    clock.shift(timedelta(seconds=59))
    assert _session_writes(logged_in, reverse("start")) == []
    assert _expiry(logged_in) == START + timedelta(minutes=30)


def test_a_request_a_minute_after_the_refresh_extends_the_session(logged_in, clock):
    logged_in.get(reverse("start"))
    clock.shift(timedelta(seconds=60))
    assert _session_writes(logged_in, reverse("start"))
    assert _expiry(logged_in) == START + timedelta(minutes=31)


def test_a_session_idle_for_thirty_one_minutes_is_logged_out(logged_in, clock):
    assert logged_in.get(reverse("start")).status_code == 200
    clock.shift(timedelta(minutes=31))
    response = logged_in.get(reverse("start"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_session_in_steady_use_outlives_the_idle_limit(logged_in, clock):
    for _ in range(40):
        assert logged_in.get(reverse("start")).status_code == 200
        clock.shift(timedelta(seconds=59))
    assert logged_in.get(reverse("start")).status_code == 200


def test_a_request_without_a_session_creates_none(client, db):
    client.get(reverse("healthz"))
    assert Session.objects.count() == 0
    assert "sessionid" not in client.cookies


def test_a_refreshed_session_cookie_still_ends_when_the_browser_closes(logged_in, clock):
    clock.shift(timedelta(seconds=60))
    cookie = logged_in.get(reverse("start")).cookies["sessionid"]
    assert (cookie["max-age"], cookie["expires"]) == ("", "")
