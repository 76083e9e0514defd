"""The desk import: same reading rules as the organisation import, all or nothing, idempotent."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from pilot.models import AuditEvent, Roltoewijzing
from tests.factories import MedewerkerFactory
from tests.werkplekken.factories import LocatieFactory, WerkplekFactory, ZoneFactory
from werkplekken.models import Werkplek
from werkplekken.services.werkplek_import import werkplekken_importeren

KOP = "locatie;zone;code;hoog_laag;toegankelijk;dubbel_scherm;reserveerbaar;x;y"
RIJEN = [
    "Utrecht;Zone A;A-01;ja;ja;nee;ja;20;40",
    "Utrecht;Zone A;A-02;nee;nee;ja;ja;65;40",
    "Utrecht;Zone B;B-01;nee;nee;nee;nee;420;40",
]


def csv_bytes(rows=None, *, header=KOP, sep=";", encoding="utf-8") -> bytes:
    lines = [header, *(RIJEN if rows is None else rows)]
    return ("\r\n".join(line.replace(";", sep) for line in lines) + "\r\n").encode(encoding)


@pytest.fixture
def gebouw(db):
    utrecht = LocatieFactory(naam="Utrecht")
    ZoneFactory(locatie=utrecht, naam="Zone A", x=10, y=10, breedte=380, hoogte=200)
    ZoneFactory(locatie=utrecht, naam="Zone B", x=400, y=10, breedte=380, hoogte=200)
    return utrecht


def _fouten(report) -> list[str]:
    return [str(e) for e in report.errors]


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(csv_bytes(), id="semicolon"),
        pytest.param(csv_bytes(sep=","), id="comma"),
        pytest.param(b"\xef\xbb\xbf" + csv_bytes(), id="utf8-bom"),
    ],
)
def test_import_creates_the_desks(gebouw, raw):
    report = werkplekken_importeren(raw=raw)
    assert report.ok, _fouten(report)
    assert report.summary() == "werkplekken: 3 nieuw, 0 gewijzigd, 0 ongewijzigd"
    a01 = Werkplek.objects.get(code="A-01")
    assert (a01.zone.naam, a01.hoog_laag, a01.toegankelijk, a01.dubbel_scherm) == (
        "Zone A",
        True,
        True,
        False,
    )
    assert (a01.x, a01.y) == (20, 40)
    assert Werkplek.objects.get(code="B-01").reserveerbaar is False


def test_second_run_changes_nothing(gebouw):
    werkplekken_importeren(raw=csv_bytes())
    report = werkplekken_importeren(raw=csv_bytes())
    assert report.summary() == "werkplekken: 0 nieuw, 0 gewijzigd, 3 ongewijzigd"
    assert Werkplek.objects.count() == 3


def test_dry_run_lists_per_row_what_would_change_and_writes_nothing(gebouw):
    werkplekken_importeren(raw=csv_bytes())
    rows = [
        "Utrecht;Zone A;A-01;ja;ja;nee;ja;20;40",
        "Utrecht;Zone B;A-02;nee;nee;ja;nee;420;40",
        "Utrecht;Zone A;A-03;nee;nee;nee;ja;110;40",
    ]
    report = werkplekken_importeren(raw=csv_bytes(rows), dry_run=True)
    assert [str(rij) for rij in report.rijen] == [
        "Regel 2: Utrecht A-01 — ongewijzigd",
        "Regel 3: Utrecht A-02 — gewijzigd: zone, reserveerbaar, x",
        "Regel 4: Utrecht A-03 — nieuw",
    ]
    assert not Werkplek.objects.filter(code="A-03").exists()
    assert Werkplek.objects.get(code="A-02").zone.naam == "Zone A"
    # Only the first, real import is on the timeline.
    assert AuditEvent.objects.filter(actie="werkplekken.werkplekken_geimporteerd").count() == 1


def test_every_error_is_reported_with_its_line_and_nothing_is_written(gebouw):
    LocatieFactory(naam="Zwolle")
    rows = [
        "Utrecht;Zone A;A-01;ja;ja;nee;ja;20;40",
        "Leiden;Zone A;L-01;ja;ja;nee;ja;20;40",
        "Utrecht;Zone C;C-01;ja;ja;nee;ja;20;40",
        "Zwolle;Zone A;Z-01;ja;ja;nee;ja;20;40",
        "Utrecht;Zone A;a-01;ja;ja;nee;ja;65;40",
        "Utrecht;Zone A;A-05;misschien;ja;nee;ja;20;40",
        "Utrecht;Zone A;A-06;ja;ja;nee;ja;-3;4,5",
        "Utrecht;Zone A;A-07;ja;ja;nee;ja;500;40",
    ]
    report = werkplekken_importeren(raw=csv_bytes(rows))
    assert _fouten(report) == [
        "Regel 3: Onbekende locatie Leiden.",
        "Regel 4: Locatie Utrecht heeft geen zone Zone C.",
        "Regel 5: Locatie Zwolle heeft geen zone Zone A.",
        "Regel 6: Code a-01 van Utrecht staat ook op regel 2.",
        "Regel 7: hoog_laag moet 'ja' of 'nee' zijn, niet 'misschien'.",
        "Regel 8: x moet een heel getal zijn, niet '-3'.",
        "Regel 8: y moet een heel getal zijn, niet '4,5'.",
        "Regel 9: x moet tussen 10 en 356 liggen, zodat de werkplek binnen zone Zone A valt.",
    ]
    assert not Werkplek.objects.exists()


def test_missing_column(gebouw):
    header = "locatie;zone;code;hoog_laag;toegankelijk;reserveerbaar;x"
    raw = csv_bytes(["Utrecht;Zone A;A-01;ja;ja;ja;20"], header=header)
    report = werkplekken_importeren(raw=raw)
    assert _fouten(report) == ["Regel 1: Kolom ontbreekt: dubbel_scherm, y."]


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, id="xlsx"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", id="pdf"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png"),
    ],
)
def test_a_file_that_is_no_csv_says_so(gebouw, raw):
    assert _fouten(werkplekken_importeren(raw=raw)) == [
        "Regel 1: Dit is geen CSV-bestand. Sla het in Excel op als 'CSV UTF-8'."
    ]


def test_latin1_is_refused_with_its_line(gebouw):
    rows = [*RIJEN, "Utrecht;Zone A;Ä-09;ja;ja;nee;ja;20;40"]
    report = werkplekken_importeren(raw=csv_bytes(rows, encoding="latin-1"))
    assert _fouten(report)[0].startswith("Regel 5: Het bestand is geen UTF-8.")


def test_header_only_file(gebouw):
    assert _fouten(werkplekken_importeren(raw=csv_bytes([]))) == [
        "Regel 2: Het bestand bevat geen werkplekken."
    ]


def test_example_csv_in_docs_imports_cleanly_on_the_demo_buildings(db, settings):
    from werkplekken.demo import build_locaties

    build_locaties("small")
    raw = (settings.BASE_DIR / "docs" / "werkplekken-voorbeeld.csv").read_bytes()
    report = werkplekken_importeren(raw=raw)
    assert report.ok, _fouten(report)
    assert werkplekken_importeren(raw=raw).summary().endswith("6 ongewijzigd")


# The page.


@pytest.fixture
def beheer_client(client, db):
    person = MedewerkerFactory()
    Roltoewijzing.objects.create(medewerker=person, rol="facilitair")
    client.force_login(person)
    return client


def _upload(raw: bytes, naam="plekken.csv"):
    return SimpleUploadedFile(naam, raw, content_type="text/csv")


def test_page_dry_run_shows_the_changes(beheer_client, gebouw):
    response = beheer_client.post(
        reverse("werkplekken_import"), {"bestand": _upload(csv_bytes()), "proefdraai": "on"}
    )
    page = response.content.decode()
    assert "Proefdraai: er is niets opgeslagen" in page
    assert "Regel 4: Utrecht B-01 — nieuw" in page
    assert not Werkplek.objects.exists()


def test_page_import_writes_and_records_the_timeline(beheer_client, gebouw):
    response = beheer_client.post(reverse("werkplekken_import"), {"bestand": _upload(csv_bytes())})
    assert "Import verwerkt" in response.content.decode()
    assert Werkplek.objects.count() == 3
    event = AuditEvent.objects.get(actie="werkplekken.werkplekken_geimporteerd")
    assert event.notitie == "werkplekken: 3 nieuw, 0 gewijzigd, 0 ongewijzigd"


def test_page_refuses_a_file_over_5_mb_before_reading_it(beheer_client, gebouw):
    groot = csv_bytes() + b"#" * (5 * 1024 * 1024)
    response = beheer_client.post(reverse("werkplekken_import"), {"bestand": _upload(groot)})
    assert "Het bestand is groter dan 5 MB." in response.content.decode()


def test_page_lists_errors(beheer_client, gebouw):
    WerkplekFactory(zone=gebouw.zones.get(naam="Zone A"), code="A-01", x=20, y=40)
    raw = csv_bytes(["Utrecht;Zone A;A-01;ja;ja;nee;ja;20;40", "Assen;Zone A;X;ja;ja;ja;ja;1;1"])
    page = beheer_client.post(
        reverse("werkplekken_import"), {"bestand": _upload(raw)}
    ).content.decode()
    assert "er is niets opgeslagen" in page
    assert "Regel 3: Onbekende locatie Assen." in page


def test_command_dry_run_and_import(gebouw, tmp_path):
    path = tmp_path / "plekken.csv"
    path.write_bytes(csv_bytes())
    out = StringIO()
    call_command("import_werkplekken", str(path), "--dry-run", stdout=out)
    assert "Regel 2: Utrecht A-01 — nieuw" in out.getvalue()
    assert "Proefdraai, niets opgeslagen. werkplekken: 3 nieuw" in out.getvalue()
    assert not Werkplek.objects.exists()
    call_command("import_werkplekken", str(path), stdout=StringIO())
    assert Werkplek.objects.count() == 3


def test_command_fails_on_a_broken_file(gebouw, tmp_path):
    path = tmp_path / "plekken.csv"
    path.write_bytes(csv_bytes(["Assen;Zone A;X-01;ja;ja;ja;ja;1;1"]))
    err = StringIO()
    with pytest.raises(CommandError, match="1 fout"):
        call_command("import_werkplekken", str(path), stderr=err)
    assert "Regel 2: Onbekende locatie Assen." in err.getvalue()
