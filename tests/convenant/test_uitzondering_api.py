"""The exemptions API: scoped lists, 404 for the invisible, 409 for forbidden transitions,
400 with field errors, and evidence upload by multipart."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from convenant.models import Categorie, Uitzondering, UitzonderingStatus
from tests.convenant.factories import UitzonderingFactory, exe_bytes, pdf_bytes
from tests.factories import MedewerkerFactory, RoltoewijzingFactory

MOTIVATIE = "Het team heeft u op dinsdag nodig voor het werkoverleg."
AANVRAAG = {
    "categorie": "mantelzorg",
    "kantoordagen": "0.5",
    "ingangsdatum": "2026-12-01",
    "einddatum": "2027-03-31",
    "mantelzorg_uren": "12",
    "toelichting": "Drie middagen per week.",
}


@pytest.fixture
def api():
    def login(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return login


@pytest.fixture
def hr(db):
    return RoltoewijzingFactory(
        medewerker=MedewerkerFactory(username="hr-test"), rol="hr"
    ).medewerker


def url(uitzondering, name):
    return reverse(f"uitzondering-{name}", args=[uitzondering.pk])


def test_employee_requests_and_leidinggevende_grants(api, org):
    created = api(org["eigenaar"]).post(reverse("uitzondering-list"), AANVRAAG, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["status"], body["kantoordagen"], body["bewijs_aanwezig"]) == (
        "aangevraagd",
        "0.5",
        False,
    )
    uitzondering = Uitzondering.objects.get()
    granted = api(org["leider"]).post(url(uitzondering, "toekennen"))
    assert granted.status_code == 200
    assert granted.json()["status"] == "toegekend"
    again = api(org["leider"]).post(url(uitzondering, "toekennen"))
    assert again.status_code == 409
    assert "status ‘toegekend’" in again.json()["detail"]


def test_bad_input_is_a_400_with_field_errors(api, org):
    response = api(org["eigenaar"]).post(
        reverse("uitzondering-list"),
        {**AANVRAAG, "kantoordagen": "2", "einddatum": "2026-11-01"},
        format="json",
    )
    assert response.status_code == 400
    assert "einddatum" in response.json()
    response = api(org["eigenaar"]).post(
        reverse("uitzondering-list"), {**AANVRAAG, "kantoordagen": "2"}, format="json"
    )
    assert response.status_code == 400
    assert "nooit omhoog" in str(response.json()["kantoordagen"])
    response = api(org["eigenaar"]).post(
        reverse("uitzondering-list"), {**AANVRAAG, "categorie": "deeltijd"}, format="json"
    )
    assert response.status_code == 400 and "categorie" in response.json()
    assert not Uitzondering.objects.exists()


def test_evidence_upload_by_multipart(api, org, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {**AANVRAAG, "categorie": "eerdere_afspraak", "kantoordagen": "1"}
    data.pop("mantelzorg_uren")
    bad = SimpleUploadedFile("a.pdf", exe_bytes(), content_type="application/pdf")
    response = api(org["eigenaar"]).post(
        reverse("uitzondering-list"), {**data, "bewijsstuk": bad}, format="multipart"
    )
    assert response.status_code == 400
    assert "geen geldige PDF" in str(response.json()["bewijsstuk"])
    good = SimpleUploadedFile("a.pdf", pdf_bytes(), content_type="application/pdf")
    response = api(org["eigenaar"]).post(
        reverse("uitzondering-list"), {**data, "bewijsstuk": good}, format="multipart"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["bewijs_aanwezig"] is True
    assert body["bewijsstuk_url"] == reverse("uitzondering_bewijsstuk", args=[body["id"]])
    assert "bewijsstuk" not in body  # the storage name never leaves the server


def test_leidinggevende_gets_no_evidence_url(api, org):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    body = api(org["leider"]).get(url(uitzondering, "detail")).json()
    assert (body["bewijs_aanwezig"], body["bewijsstuk_url"]) == (True, None)


def test_lists_are_scoped(api, org, hr):
    own = UitzonderingFactory(medewerker=org["eigenaar"])
    UitzonderingFactory(medewerker=org["buitenstaander"])

    def ids(user):
        return [row["id"] for row in api(user).get(reverse("uitzondering-list")).json()["results"]]

    assert ids(org["eigenaar"]) == [own.pk]
    assert ids(org["collega"]) == []
    assert ids(org["leider"]) == [own.pk]
    assert len(ids(hr)) == 2
    assert api(org["collega"]).get(url(own, "detail")).status_code == 404
    assert api(org["ander_leider"]).post(url(own, "toekennen")).status_code == 404


def test_verified_earlier_agreement_rejection_is_a_409(api, org, hr):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    assert api(org["leider"]).post(url(uitzondering, "verifieren")).status_code == 403
    verified = api(hr).post(url(uitzondering, "verifieren"))
    assert verified.status_code == 200 and verified.json()["geverifieerd"] is True
    response = api(org["leider"]).post(
        url(uitzondering, "afwijzen"), {"motivatie": MOTIVATIE}, format="json"
    )
    assert response.status_code == 409
    assert "individueel recht" in response.json()["detail"]
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.AANGEVRAAGD


def test_rejection_without_motivation_is_a_400(api, org):
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"])
    response = api(org["leider"]).post(
        url(uitzondering, "afwijzen"), {"motivatie": "Nee."}, format="json"
    )
    assert response.status_code == 400
    assert "minstens 20 tekens" in str(response.json()["motivatie"])


def test_list_query_count_is_constant(api, org, hr, django_assert_max_num_queries):
    for _ in range(3):
        UitzonderingFactory(medewerker=MedewerkerFactory(team=org["team"]))
    client = api(hr)
    with django_assert_max_num_queries(10) as small:
        client.get(reverse("uitzondering-list"))
    for _ in range(30):
        UitzonderingFactory(medewerker=MedewerkerFactory(team=org["team"]))
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(client.get(reverse("uitzondering-list")).json()["results"]) == 33
