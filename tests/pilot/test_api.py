import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from pilot import audit
from pilot.models import AuditEvent
from tests.factories import MedewerkerFactory


@pytest.fixture
def api():
    return APIClient()


def test_token_login_gives_a_token_that_opens_the_api(api, db):
    MedewerkerFactory(username="jan")
    response = api.post(
        reverse("api_token"), {"username": "jan", "password": "kantoor2025"}, format="json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    periods = api.get(reverse("periode-list")).json()
    assert periods["count"] == 1
    assert periods["results"][0]["startdatum"] == "2025-10-01"


def test_wrong_password_gets_no_token(api, db):
    MedewerkerFactory(username="jan")
    response = api.post(
        reverse("api_token"), {"username": "jan", "password": "fout"}, format="json"
    )
    assert response.status_code == 400
    assert "token" not in response.json()


def test_api_refuses_anonymous_callers(api, db):
    assert api.get(reverse("periode-list")).status_code == 403
    assert api.get(reverse("api_schema")).status_code == 403


def test_openapi_schema_describes_the_token_endpoint(api, db):
    api.force_authenticate(MedewerkerFactory())
    response = api.get(reverse("api_schema"), {"format": "json"})
    assert response.status_code == 200
    assert "/api/token/" in response.json()["paths"]


def test_timeline_is_read_only_in_the_admin(client, db):
    admin = MedewerkerFactory(is_staff=True, is_superuser=True)
    event = audit.record(actor=admin, action="test", obj=admin, from_state="a", to_state="b")
    client.force_login(admin)
    change_url = reverse("admin:pilot_auditevent_change", args=[event.pk])
    page = client.get(change_url)
    assert page.status_code == 200
    client.post(change_url, {"actie": "vervalst"})
    assert AuditEvent.objects.get(pk=event.pk).actie == "test"
    delete = client.post(reverse("admin:pilot_auditevent_delete", args=[event.pk]), {"post": "yes"})
    assert delete.status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_api_docs_load_their_assets_from_our_own_static_files(client, db):
    client.force_login(MedewerkerFactory())
    response = client.get(reverse("api_docs"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in body
    assert "cdn" not in body.lower()
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert directives["script-src"] == "'self'"
