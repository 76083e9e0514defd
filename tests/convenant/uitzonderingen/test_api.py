"""The exemptions API: scoped lists, 404 for the invisible, 409 for forbidden transitions,
400 with field errors, and evidence upload by multipart."""

import pytest
from django.urls import reverse

from convenant.models import Categorie, Uitzondering, UitzonderingStatus
from tests.convenant.factories import UitzonderingFactory, exe_bytes, pdf_bytes

MOTIVATIE = "Het team heeft u op dinsdag nodig voor het werkoverleg."
AANVRAAG = {
    "categorie": "mantelzorg",
    "kantoordagen": "0.5",
    "ingangsdatum": "2026-12-01",
    "einddatum": "2027-03-31",
    "mantelzorg_uren": "12",
    "toelichting": "Drie middagen per week.",
}


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


# --- dates against the calendar --------------------------------------------------------------


@pytest.mark.parametrize(
    ("dates", "field", "message"),
    [
        (
            {"ingangsdatum": "1990-01-01", "einddatum": "1990-02-01"},
            "einddatum",
            "De einddatum (1 februari 1990) ligt in het verleden.",
        ),
        (
            {"ingangsdatum": "2026-10-01", "einddatum": "2026-11-22"},  # ended yesterday
            "einddatum",
            "ligt in het verleden",
        ),
        (
            {"ingangsdatum": "2027-07-01", "einddatum": "2027-09-30"},  # after the last period
            "ingangsdatum",
            "Op 1 juli 2027 loopt geen pilotperiode.",
        ),
    ],
    ids=["1990", "gisteren-geeindigd", "buiten-periode"],
)
def test_dates_outside_reality_are_a_400_on_the_field(api, org, dates, field, message):
    response = api(org["eigenaar"]).post(
        reverse("uitzondering-list"), {**AANVRAAG, **dates}, format="json"
    )
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])
    assert not Uitzondering.objects.exists()


def test_an_exemption_already_running_or_ending_today_may_be_requested(api, org):
    client = api(org["eigenaar"])
    started = client.post(
        reverse("uitzondering-list"),
        {**AANVRAAG, "ingangsdatum": "2026-11-01", "einddatum": "2026-11-23"},
        format="json",
    )
    assert started.status_code == 201, started.json()


def test_a_refused_date_with_an_upload_leaves_no_file(api, org, settings):
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {**AANVRAAG, "categorie": "eerdere_afspraak", "kantoordagen": "1"}
    data.pop("mantelzorg_uren")
    upload = SimpleUploadedFile("a.pdf", pdf_bytes(), content_type="application/pdf")
    response = api(org["eigenaar"]).post(
        reverse("uitzondering-list"),
        {**data, "ingangsdatum": "1990-01-01", "einddatum": "1990-02-01", "bewijsstuk": upload},
        format="multipart",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"einddatum", "ingangsdatum"}
    assert not Uitzondering.objects.exists()
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    assert not root.exists() or not [p for p in root.rglob("*") if p.is_file()]


# --- order: a transition that cannot be taken is a 409, whatever the body ---------------------


def test_rejecting_a_verified_earlier_agreement_without_motivation_is_a_409(api, org, hr):
    from convenant import services

    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    services.uitzondering_verifieren(actor=hr, uitzondering=uitzondering)
    client = api(org["leider"])
    for body in ({}, {"motivatie": ""}, {"motivatie": "Nee."}, {"motivatie": ["x"] * 3}):
        response = client.post(url(uitzondering, "afwijzen"), body, format="json")
        assert response.status_code == 409, (body, response.json())
        assert "individueel recht" in response.json()["detail"]
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.AANGEVRAAGD


def test_rejecting_a_decided_exemption_without_motivation_is_a_409(api, org):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], status=UitzonderingStatus.TOEGEKEND
    )
    response = api(org["leider"]).post(url(uitzondering, "afwijzen"), {}, format="json")
    assert response.status_code == 409
    assert "status ‘toegekend’" in response.json()["detail"]


def test_rejecting_someone_elses_or_ones_own_is_refused_before_the_body(api, org, hr):
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"])
    assert api(hr).post(url(uitzondering, "afwijzen"), {}, format="json").status_code == 403
    own = api(org["eigenaar"]).post(url(uitzondering, "afwijzen"), {}, format="json")
    assert own.status_code == 403
    assert api(org["ander_leider"]).post(url(uitzondering, "afwijzen"), {}).status_code == 404


def test_granting_or_verifying_in_the_wrong_state_is_a_409_even_with_a_bad_body(api, org, hr):
    from convenant import services

    granted = UitzonderingFactory(medewerker=org["eigenaar"], status=UitzonderingStatus.TOEGEKEND)
    kapot = '{"motivatie": '  # not even JSON
    response = api(org["leider"]).post(
        url(granted, "toekennen"), kapot, content_type="application/json"
    )
    assert response.status_code == 409
    assert "status ‘toegekend’" in response.json()["detail"]
    verified = UitzonderingFactory(
        medewerker=org["collega"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    services.uitzondering_verifieren(actor=hr, uitzondering=verified)
    response = api(hr).post(url(verified, "verifieren"), kapot, content_type="application/json")
    assert response.status_code == 409
    assert "al geverifieerd" in response.json()["detail"]


def test_hr_pages_through_every_exemption_25_at_a_time_or_up_to_100(api, hr):
    UitzonderingFactory.create_batch(120)
    client = api(hr)
    eerste = client.get("/api/uitzonderingen/").json()
    assert len(eerste["results"]) == 25
    tweede = client.get(eerste["next"]).json()
    assert len(tweede["results"]) == 25
    assert {u["id"] for u in eerste["results"]}.isdisjoint(u["id"] for u in tweede["results"])
    assert len(client.get("/api/uitzonderingen/?aantal=40").json()["results"]) == 40
    assert len(client.get("/api/uitzonderingen/?aantal=500").json()["results"]) == 100
