"""What browsers and proxies are told: no cached personal data, no browser powers, no big bodies."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from convenant.models import Uitzondering
from tests.factories import MedewerkerFactory
from tests.pilot.production import manage


def directives(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.fixture
def person(db):
    return MedewerkerFactory(username="jan")


def test_a_page_for_a_signed_in_person_is_private_and_not_stored(client, person):
    client.force_login(person)
    response = client.get(reverse("start"))
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


def test_an_error_page_for_a_signed_in_person_is_not_stored_either(client, person):
    client.force_login(person)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert {"private", "no-store"} <= directives(response)


def test_an_api_answer_to_a_token_is_private_and_not_stored(person):
    api = APIClient()
    token = api.post(
        reverse("api_token"), {"username": "jan", "password": "kantoor2025"}, format="json"
    ).json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = api.get(reverse("periode-list"))
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


def test_the_token_itself_is_never_stored(person):
    response = APIClient().post(
        reverse("api_token"), {"username": "jan", "password": "kantoor2025"}, format="json"
    )
    assert {"private", "no-store"} <= directives(response)


def test_a_public_page_is_not_marked_private(client, db):
    response = client.get(reverse("toegankelijkheid"))
    assert "private" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("name", ["toegankelijkheid", "login", "api_schema"])
def test_every_response_denies_browser_features(client, db, name):
    response = client.get(reverse(name))
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_the_browsable_api_is_off_under_production_settings():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.test import Client; "
        "r = Client().get('/api/', HTTP_ACCEPT='text/html,*/*;q=0.8', "
        "HTTP_HOST='kantoordagen.uwv.example', secure=True); "
        "print(r.status_code, r['Content-Type'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["403", "application/json"]


def test_the_browsable_api_stays_for_development(client, person):
    client.force_login(person)
    response = client.get(reverse("api-root"), HTTP_ACCEPT="text/html")
    assert response["Content-Type"].startswith("text/html")


def evidence(size: int) -> SimpleUploadedFile:
    return SimpleUploadedFile("bewijs.pdf", b"%PDF-1.4\n" + b"0" * (size - 9), "application/pdf")


def test_an_oversized_upload_is_refused_before_the_form_sees_it(client, person):
    client.force_login(person)
    response = client.post(
        reverse("uitzondering_nieuw"),
        {"categorie": "mantelzorg", "bewijsstuk": evidence(12 * 1024 * 1024)},
    )
    assert response.status_code == 413
    assert "Het verzoek is te groot" in response.content.decode()
    assert not Uitzondering.objects.exists()


def test_an_oversized_api_body_gets_a_json_413(person):
    api = APIClient()
    api.force_authenticate(person)
    response = api.post(
        reverse("uitzondering-list"),
        {"categorie": "mantelzorg", "bewijsstuk": evidence(12 * 1024 * 1024)},
        format="multipart",
    )
    assert response.status_code == 413
    assert response.json()["detail"].startswith("Het verzoek is te groot")


def test_the_body_is_refused_on_its_stated_length_without_being_read(client, person):
    client.force_login(person)
    # The body is a few bytes but claims 50 MB: reading past its end would fail the test client.
    response = client.post(
        reverse("uitzondering_nieuw"),
        data=b"categorie=mantelzorg",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )
    assert response.status_code == 413


def test_a_ten_megabyte_evidence_document_still_reaches_the_form(client, person):
    client.force_login(person)
    response = client.post(
        reverse("uitzondering_nieuw"),
        {"categorie": "mantelzorg", "bewijsstuk": evidence(10 * 1024 * 1024)},
    )
    assert response.status_code != 413
