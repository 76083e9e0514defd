"""Evidence documents: recognised by content, limited in size, private, never orphaned."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from convenant import bewijsstukken
from convenant.models import Categorie, Uitzondering
from pilot.models import AuditEvent
from tests.convenant.factories import (
    UitzonderingFactory,
    exe_bytes,
    jpeg_bytes,
    pdf_bytes,
    png_bytes,
)
from tests.factories import MedewerkerFactory, RoltoewijzingFactory

MB10 = 10 * 1024 * 1024


def form_post(bestand=None, **overrides) -> dict:
    data = {
        "categorie": "eerdere_afspraak",
        "kantoordagen": "1",
        "ingangsdatum": "2026-12-01",
        "einddatum": "2027-06-30",
        "op_advies_bedrijfsarts": "nee",
        "toelichting": "Bij indiensttreding in 2019 schriftelijk vastgelegd.",
    }
    if bestand is not None:
        data["bewijsstuk"] = bestand
    data.update(overrides)
    return data


def files_on_disk() -> list[Path]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def eigenaar_client(client, org):
    client.force_login(org["eigenaar"])
    return client


@pytest.mark.parametrize(
    ("inhoud", "naam", "soort"),
    [
        (pdf_bytes(), "afspraak.pdf", "pdf"),
        (png_bytes(), "scan.png", "png"),
        (jpeg_bytes(), "foto.jpg", "jpeg"),
        # The name does not count, the content does: a PNG called .pdf is a PNG.
        (png_bytes(), "afspraak.pdf", "png"),
    ],
)
def test_a_valid_document_is_stored_privately_under_a_random_name(
    eigenaar_client, inhoud, naam, soort
):
    upload = SimpleUploadedFile(naam, inhoud, content_type="application/octet-stream")
    response = eigenaar_client.post(reverse("uitzondering_nieuw"), form_post(upload), follow=True)
    assert "Uw aanvraag is naar uw leidinggevende gestuurd." in response.text
    uitzondering = Uitzondering.objects.get()
    assert uitzondering.bewijsstuk_type == soort
    assert uitzondering.bewijsstuk_grootte == len(inhoud)
    [stored] = files_on_disk()
    assert stored.read_bytes() == inhoud
    assert naam.split(".")[0] not in stored.name  # the uploaded name says nothing on disk
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert oct(stored.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    ("inhoud", "naam", "content_type", "message"),
    [
        (exe_bytes(), "afspraak.pdf", "application/pdf", "geen geldige PDF, JPEG of PNG"),
        (b"%PDF-1.4\n1 0 obj<<", "kapot.pdf", "application/pdf", "beschadigd"),
        (png_bytes()[:40], "half.png", "image/png", "geen geldige PDF, JPEG of PNG"),
        (b"Hallo, dit is tekst.", "brief.pdf", "application/pdf", "geen geldige"),
        (b"", "leeg.pdf", "application/pdf", "leeg"),
        (pdf_bytes(MB10 + 1), "groot.pdf", "application/pdf", "groter dan 10 MB"),
    ],
    ids=["exe-als-pdf", "afgebroken-pdf", "afgebroken-png", "tekst", "leeg", "10MB+1"],
)
def test_a_bad_document_gets_a_clear_message_and_nothing_is_stored(
    eigenaar_client, inhoud, naam, content_type, message
):
    upload = SimpleUploadedFile(naam, inhoud, content_type=content_type)
    response = eigenaar_client.post(reverse("uitzondering_nieuw"), form_post(upload))
    assert response.status_code == 200
    assert message in response.text
    assert not Uitzondering.objects.exists()
    assert files_on_disk() == []


def test_exactly_10_mb_is_accepted(eigenaar_client):
    inhoud = pdf_bytes(MB10)
    assert len(inhoud) == MB10
    upload = SimpleUploadedFile("precies.pdf", inhoud, content_type="application/pdf")
    response = eigenaar_client.post(reverse("uitzondering_nieuw"), form_post(upload))
    assert response.status_code == 302
    assert Uitzondering.objects.get().bewijsstuk_grootte == MB10
    assert len(files_on_disk()) == 1


def test_a_valid_file_with_a_refused_request_leaves_no_file(eigenaar_client):
    upload = SimpleUploadedFile("afspraak.pdf", pdf_bytes(), content_type="application/pdf")
    response = eigenaar_client.post(
        reverse("uitzondering_nieuw"), form_post(upload, kantoordagen="2")
    )
    assert "nooit omhoog" in response.text
    assert not Uitzondering.objects.exists()
    assert files_on_disk() == []


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        ({"ingangsdatum": "1990-01-01", "einddatum": "1990-02-01"}, "ligt in het verleden"),
        ({"ingangsdatum": "2027-07-01", "einddatum": "2027-09-30"}, "loopt geen pilotperiode"),
    ],
    ids=["verleden", "buiten-periode"],
)
def test_a_valid_file_with_refused_dates_leaves_no_file(eigenaar_client, dates, message):
    upload = SimpleUploadedFile("afspraak.pdf", pdf_bytes(), content_type="application/pdf")
    response = eigenaar_client.post(reverse("uitzondering_nieuw"), form_post(upload, **dates))
    assert response.status_code == 200
    assert message in response.text
    assert not Uitzondering.objects.exists()
    assert files_on_disk() == []


def test_a_failure_after_writing_removes_the_file_again(org, monkeypatch):
    """Write-then-fail: the row rolls back, and so does the file."""
    from convenant.services import uitzonderingen as services

    def broken_notify(**kwargs):
        raise RuntimeError("mail queue down")

    monkeypatch.setattr(services, "leidinggevenden_van", lambda medewerker: [org["leider"]])
    monkeypatch.setattr(services, "notify", broken_notify)
    from datetime import date
    from decimal import Decimal

    upload = SimpleUploadedFile("afspraak.pdf", pdf_bytes(), content_type="application/pdf")
    with pytest.raises(RuntimeError):
        services.uitzondering_aanvragen(
            actor=org["eigenaar"],
            aanvraag=services.Aanvraag(
                categorie=Categorie.EERDERE_AFSPRAAK,
                kantoordagen=Decimal(1),
                ingangsdatum=date(2026, 12, 1),
                einddatum=date(2027, 6, 30),
            ),
            bestand=upload,
        )
    assert not Uitzondering.objects.exists()
    assert files_on_disk() == []


def test_the_size_is_checked_by_counting_bytes_not_by_the_declared_size(settings):
    settings.EVIDENCE_MAX_BYTES = 100
    upload = SimpleUploadedFile("liegt.pdf", pdf_bytes(101), content_type="application/pdf")
    upload.size = 10  # a client may claim anything
    with pytest.raises(Exception, match="groter dan"):
        bewijsstukken.lees(upload)


def test_a_stored_name_cannot_point_outside_the_private_root():
    with pytest.raises(ValueError):
        bewijsstukken.pad("../../etc/passwd")


# --- download: who may read it -------------------------------------------------------------


@pytest.fixture
def met_bewijs(org):
    hr = RoltoewijzingFactory(medewerker=MedewerkerFactory(username="hr-test"), rol="hr")
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    orlid = RoltoewijzingFactory(medewerker=MedewerkerFactory(username="or-test"), rol="orlid")
    return {**org, "hr": hr.medewerker, "orlid": orlid.medewerker, "uitzondering": uitzondering}


@pytest.mark.parametrize(
    ("wie", "verwacht"),
    [
        ("eigenaar", 200),
        ("hr", 200),
        ("leider", 404),  # the own leidinggevende sees "bewijs aanwezig", never the document
        ("collega", 404),
        ("orlid", 404),
        ("buitenstaander", 404),
        ("ander_leider", 404),
    ],
)
def test_evidence_download_per_role(client, met_bewijs, wie, verwacht):
    client.force_login(met_bewijs[wie])
    uitzondering = met_bewijs["uitzondering"]
    response = client.get(reverse("uitzondering_bewijsstuk", args=[uitzondering.pk]))
    assert response.status_code == verwacht
    if verwacht == 200:
        assert b"".join(response.streaming_content) == pdf_bytes()
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            f'attachment; filename="bewijsstuk-{uitzondering.pk}.pdf"'
        )
        assert "no-store" in response["Cache-Control"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert AuditEvent.objects.filter(
            actie="uitzondering.bewijsstuk_openen", actor=met_bewijs[wie]
        ).exists()


def test_anonymous_is_sent_to_the_login(client, met_bewijs):
    response = client.get(reverse("uitzondering_bewijsstuk", args=[met_bewijs["uitzondering"].pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_leidinggevende_sees_that_evidence_is_present_but_no_link(client, met_bewijs):
    client.force_login(met_bewijs["leider"])
    uitzondering = met_bewijs["uitzondering"]
    page = client.get(reverse("uitzondering_detail", args=[uitzondering.pk])).text
    assert "bewijs aanwezig" in page
    assert reverse("uitzondering_bewijsstuk", args=[uitzondering.pk]) not in page
    assert "Het bewijsstuk kunnen alleen de medewerker en HR openen." in page


def test_owner_gets_the_download_link(client, met_bewijs):
    client.force_login(met_bewijs["eigenaar"])
    uitzondering = met_bewijs["uitzondering"]
    page = client.get(reverse("mijn_uitzonderingen")).text
    assert reverse("uitzondering_bewijsstuk", args=[uitzondering.pk]) in page
    assert "Bewijsstuk downloaden (PDF)" in page


def test_no_document_means_404_even_for_the_owner(client, org):
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"])
    client.force_login(org["eigenaar"])
    response = client.get(reverse("uitzondering_bewijsstuk", args=[uitzondering.pk]))
    assert response.status_code == 404


def test_evidence_is_not_under_a_public_url(client, met_bewijs):
    naam = met_bewijs["uitzondering"].bewijsstuk
    client.force_login(met_bewijs["eigenaar"])
    for url in (f"/{naam}", f"/private-media/{naam}", f"/media/{naam}", f"/static/{naam}"):
        assert client.get(url).status_code == 404, url
    root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    for public in (settings.STATIC_ROOT, *settings.STATICFILES_DIRS):
        public = Path(public).resolve()
        assert root != public and public not in root.parents
