"""One client address for the login lock, the API throttle and the audit log.

The address comes from TRUSTED_PROXY_COUNT, never from what a client writes in X-Forwarded-For.
"""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.test import APIClient

from pilot.client_address import client_ip
from pilot.models import AuditEvent
from tests.factories import MedewerkerFactory, RoltoewijzingFactory

PROXY = "10.0.0.254"
ATTACKER = "203.0.113.5"
OWNER = "198.51.100.7"


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        # No proxy configured: whatever the client writes is ignored.
        (0, ATTACKER, "1.2.3.4", ATTACKER),
        # One proxy: it appended the client; the forged entries to its left do not count.
        (1, PROXY, OWNER, OWNER),
        (1, PROXY, f"1.2.3.4, {OWNER}", OWNER),
        (1, PROXY, f"1.2.3.4,{OWNER}", OWNER),
        # Two proxies: the first appended the client, the second appended the first.
        (2, PROXY, f"1.2.3.4, {OWNER}, 10.0.0.253", OWNER),
        # Fewer entries than proxies: not through all of them, so the direct peer is all we know.
        (2, PROXY, OWNER, PROXY),
        (1, PROXY, "", PROXY),
        # A proxy entry that is no address (garbage) is not believed either.
        (1, PROXY, "1.2.3.4, niet-een-adres", PROXY),
        (1, PROXY, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_follows_the_trusted_proxy_count(
    settings, proxies, remote, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


@pytest.fixture
def person(db):
    return MedewerkerFactory(username="jan")


def login(client, password, remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(reverse("login"), {"username": "jan", "password": password}, **extra)


def test_a_strangers_guesses_behind_the_proxy_do_not_lock_out_the_owner(client, person, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        login(client, "fout", PROXY, ATTACKER)
    assert login(client, "kantoor2025", PROXY, ATTACKER).status_code == 429
    assert login(client, "kantoor2025", PROXY, OWNER).status_code == 302


def test_forged_forwarded_addresses_do_not_buy_more_guesses(client, person, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        login(client, "fout", PROXY, f"192.0.2.{n}, {ATTACKER}")
    assert login(client, "kantoor2025", PROXY, f"192.0.2.99, {ATTACKER}").status_code == 429


def test_without_a_proxy_the_forwarded_header_is_ignored(client, person, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        login(client, "fout", ATTACKER, f"192.0.2.{n}")
    assert login(client, "kantoor2025", ATTACKER, "192.0.2.99").status_code == 429
    assert login(client, "kantoor2025", OWNER).status_code == 302


def test_many_addresses_together_lock_the_whole_account_until_hr_lifts_it(client, person, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_LOCK_FAILURE_LIMIT = 8
    for n in range(8):
        login(client, "fout", PROXY, f"192.0.2.{n}")
    locked = login(client, "kantoor2025", PROXY, OWNER)
    assert locked.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in locked.content.decode()

    hr = RoltoewijzingFactory(rol="hr").medewerker
    client.force_login(hr)
    page = client.get(reverse("inlogblokkades")).content.decode()
    assert '<th scope="row">jan</th>' in page
    response = client.post(
        reverse("inlogblokkade_opheffen"), {"gebruikersnaam": "jan"}, follow=True
    )
    assert "De inlogblokkade van jan is opgeheven." in response.content.decode()
    assert '<th scope="row">jan</th>' not in response.content.decode()
    event = AuditEvent.objects.get(actie="inlogblokkade.opheffen")
    assert (event.actor, event.object_omschrijving) == (hr, "jan")
    client.logout()

    assert login(client, "kantoor2025", PROXY, OWNER).status_code == 302


def test_below_the_account_limit_other_addresses_still_log_in(client, person, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_LOCK_FAILURE_LIMIT = 8
    for n in range(7):
        login(client, "fout", PROXY, f"192.0.2.{n}")
    assert login(client, "kantoor2025", PROXY, OWNER).status_code == 302


@pytest.fixture
def api():
    cache.clear()
    yield APIClient()
    cache.clear()


def token_request(api, remote, forwarded):
    return api.post(
        reverse("api_token"),
        {"username": "jan", "password": "fout"},
        format="json",
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_the_api_throttle_counts_the_real_client_not_a_forged_header(api, settings, db):
    settings.TRUSTED_PROXY_COUNT = 0
    statuses = [token_request(api, ATTACKER, f"192.0.2.{n}").status_code for n in range(31)]
    assert statuses[:30] == [400] * 30
    assert statuses[30] == 429
    # Someone else, from their own address, is not held up.
    assert token_request(api, OWNER, "192.0.2.1").status_code == 400


def test_the_api_throttle_behind_the_proxy_counts_each_client(api, settings, db):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(30):
        token_request(api, PROXY, f"192.0.2.77, {ATTACKER}")
    assert token_request(api, PROXY, f"192.0.2.78, {ATTACKER}").status_code == 429
    assert token_request(api, PROXY, OWNER).status_code == 400


def test_the_audit_log_records_the_client_behind_the_proxy(client, settings, db):
    settings.TRUSTED_PROXY_COUNT = 1
    hr = RoltoewijzingFactory(rol="hr").medewerker
    client.force_login(hr)
    client.post(
        reverse("inlogblokkade_opheffen"),
        {"gebruikersnaam": "jan"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"192.0.2.1, {OWNER}",
    )
    assert AuditEvent.objects.get(actie="inlogblokkade.opheffen").ip_adres == OWNER
