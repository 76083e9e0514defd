from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from pilot.models import AuditEvent, Medewerker, Team
from pilot.organisation_import import import_organisation
from tests.factories import MedewerkerFactory, RoltoewijzingFactory

HEADER = (
    "personeelsnummer;voornaam;achternaam;email;contracturen;hybride_functie;afdeling_code;"
    "afdeling_naam;team_code;team_naam;bovenliggend_team;leidinggevende"
)
ROWS = [
    "3000001;Ingrid;Hoofdman;ingrid@uwv.example;36;ja;BZ;Bezwaar;BZ-MT;MT Bezwaar;;3000001",
    "3000002;Pim;Teamleider;pim@uwv.example;36;ja;BZ;Bezwaar;BZ-MT;MT Bezwaar;;3000001",
    "3000003;Sara;El Idrissi;sara@uwv.example;32;ja;BZ;Bezwaar;BZ-01;Team 1;BZ-MT;3000002",
    "3000004;Joris;van Dam;joris@uwv.example;24,5;nee;BZ;Bezwaar;BZ-01;Team 1;BZ-MT;3000002",
]


def csv_bytes(rows=ROWS, header=HEADER, sep=";", encoding="utf-8") -> bytes:
    text = "\n".join([header, *rows])
    if sep == ",":
        # Excel quotes a Dutch decimal comma when the separator is a comma.
        text = text.replace("24,5", '"24,5"').replace(";", ",")
    text += "\n"
    return text.encode(encoding)


@pytest.fixture
def hr_client(client, db):
    hr = RoltoewijzingFactory(rol="hr").medewerker
    client.force_login(hr)
    return client


def test_import_creates_the_organisation_and_a_second_run_changes_nothing(db):
    first = import_organisation(raw=csv_bytes())
    assert first.ok
    assert (first.afdelingen.created, first.teams.created, first.medewerkers.created) == (1, 2, 4)
    sub_team = Team.objects.get(code="BZ-01")
    assert sub_team.bovenliggend_team.code == "BZ-MT"
    assert sub_team.leidinggevende.personeelsnummer == "3000002"
    joris = Medewerker.objects.get(personeelsnummer="3000004")
    assert (joris.contracturen, joris.hybride_functie, joris.team) == (24.5, False, sub_team)
    assert not joris.has_usable_password()

    second = import_organisation(raw=csv_bytes())
    assert second.ok
    assert second.changes == 0
    assert (second.medewerkers.unchanged, second.teams.unchanged) == (4, 2)


def test_changed_rows_are_reported_as_updates(db):
    import_organisation(raw=csv_bytes())
    changed = [*ROWS[:3], ROWS[3].replace("24,5", "36")]
    report = import_organisation(raw=csv_bytes(changed))
    assert (report.medewerkers.updated, report.medewerkers.unchanged) == (1, 3)
    assert Medewerker.objects.get(personeelsnummer="3000004").contracturen == 36


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"\xef\xbb\xbf" + csv_bytes(), id="utf8-bom"),
        pytest.param(csv_bytes(sep=","), id="comma"),
        pytest.param(csv_bytes().replace(b"\n", b"\r\n"), id="windows-line-endings"),
    ],
)
def test_excel_variants_are_accepted(db, raw):
    report = import_organisation(raw=raw)
    assert report.ok, report.errors
    assert Medewerker.objects.count() == 4


def test_dry_run_reports_but_writes_nothing(db):
    report = import_organisation(raw=csv_bytes(), dry_run=True)
    assert report.ok and report.medewerkers.created == 4
    assert not Medewerker.objects.exists()
    assert not Team.objects.exists()


@pytest.mark.parametrize(
    ("rows", "header", "expected"),
    [
        (
            [ROWS[0].replace(";;3000001", ";;9999999")],
            HEADER,
            ["Regel 2: Onbekende leidinggevende 9999999."],
        ),
        (
            [ROWS[0], ROWS[1].replace("3000002;Pim", "3000001;Pim")],
            HEADER,
            ["Regel 3: Personeelsnummer 3000001 staat ook op regel 2."],
        ),
        (
            ROWS,
            HEADER.replace(";leidinggevende", ""),
            ["Regel 1: Kolom ontbreekt: leidinggevende."],
        ),
        (
            [ROWS[0].replace(";36;", ";veel;")],
            HEADER,
            ["Regel 2: contracturen moet een getal van 0 tot en met 40 zijn, niet 'veel'."],
        ),
        (
            [
                "3000001;A;B;a@uwv.example;36;ja;BZ;Bezwaar;T-A;Team A;T-B;",
                "3000002;C;D;c@uwv.example;36;ja;BZ;Bezwaar;T-B;Team B;T-A;",
            ],
            HEADER,
            [
                "Regel 2: Kring in de teamboom: T-A → T-B → T-A.",
                "Regel 3: Kring in de teamboom: T-B → T-A → T-B.",
            ],
        ),
    ],
    ids=["unknown-manager", "duplicate-number", "missing-column", "bad-hours", "cycle"],
)
def test_invalid_file_lists_every_problem_with_its_line_and_writes_nothing(
    db, rows, header, expected
):
    report = import_organisation(raw=csv_bytes(rows, header))
    assert [str(error) for error in report.errors] == expected
    assert not Medewerker.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            ROWS[0].replace(";36;", ";NaN;"),
            "Regel 2: contracturen moet een getal van 0 tot en met 40 zijn, niet 'NaN'.",
        ),
        (
            ROWS[0].replace(";36;", ";Infinity;"),
            "Regel 2: contracturen moet een getal van 0 tot en met 40 zijn, niet 'Infinity'.",
        ),
        (
            ROWS[0].replace("3000001;Ingrid", "3" * 21 + ";Ingrid"),
            "Regel 2: personeelsnummer is langer dan 20 tekens.",
        ),
        (ROWS[0].replace("Ingrid", "I" * 151), "Regel 2: voornaam is langer dan 150 tekens."),
        (
            ROWS[0].replace("Ingrid", "I" * 200_000),
            "Regel 2: Deze regel is geen geldige CSV (een veld is te lang of een aanhalingsteken "
            "wordt niet gesloten).",
        ),
    ],
    ids=["nan-hours", "infinite-hours", "long-number", "long-name", "field-beyond-csv-limit"],
)
def test_values_the_database_cannot_hold_are_errors_not_crashes(db, row, expected):
    report = import_organisation(raw=csv_bytes([row]))
    assert [str(error) for error in report.errors] == [expected]
    assert not Medewerker.objects.exists()


def test_one_bad_row_among_good_ones_blocks_the_whole_file(db):
    rows = [*ROWS, "3000005;Eva;Kramer;geen-email;36;ja;BZ;Bezwaar;BZ-01;Team 1;BZ-MT;3000002"]
    report = import_organisation(raw=csv_bytes(rows))
    assert [str(e) for e in report.errors] == ["Regel 6: geen-email is geen geldig e-mailadres."]
    assert not Medewerker.objects.exists()


def test_non_utf8_file_is_refused_with_the_line_of_the_first_bad_byte(db):
    rows = [*ROWS[:2], ROWS[2].replace("Sara", "Søren")]
    report = import_organisation(raw=csv_bytes(rows, encoding="latin-1"))
    assert len(report.errors) == 1
    assert str(report.errors[0]).startswith("Regel 4: Het bestand is geen UTF-8.")


def test_empty_file_is_refused(db):
    assert [str(e) for e in import_organisation(raw=b"").errors] == [
        "Regel 1: Het bestand is leeg."
    ]


def test_command_imports_and_reports_counts(db, tmp_path):
    path = tmp_path / "org.csv"
    path.write_bytes(csv_bytes())
    out = StringIO()
    call_command("import_organisatie", str(path), stdout=out)
    assert "medewerkers: 4 nieuw" in out.getvalue()
    out = StringIO()
    call_command("import_organisatie", str(path), stdout=out)
    assert "Wijzigingen: 0" in out.getvalue()


def test_command_dry_run_writes_nothing(db, tmp_path):
    path = tmp_path / "org.csv"
    path.write_bytes(csv_bytes())
    out = StringIO()
    call_command("import_organisatie", str(path), "--dry-run", stdout=out)
    assert "Proefdraai" in out.getvalue()
    assert not Medewerker.objects.exists()


def test_command_fails_on_a_broken_file(db, tmp_path):
    path = tmp_path / "org.csv"
    path.write_bytes(csv_bytes([ROWS[0].replace(";;3000001", ";;404")]))
    err = StringIO()
    with pytest.raises(CommandError, match="1 fout"):
        call_command("import_organisatie", str(path), stderr=err)
    assert "Regel 2: Onbekende leidinggevende 404." in err.getvalue()


def test_example_csv_in_docs_imports_cleanly(db, settings):
    raw = (settings.BASE_DIR / "docs" / "organisatie-voorbeeld.csv").read_bytes()
    assert import_organisation(raw=raw).ok


def test_hr_upload_page_imports_and_records_the_timeline(hr_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("org.csv", csv_bytes(), content_type="text/csv")
    response = hr_client.post(reverse("organisatie_import"), {"bestand": upload})
    assert response.status_code == 200
    assert "Import verwerkt" in response.content.decode()
    assert Medewerker.objects.filter(personeelsnummer="3000003").exists()
    event = AuditEvent.objects.get(actie="organisatie_geimporteerd")
    assert event.ip_adres == "127.0.0.1"
    assert "medewerkers: 4 nieuw" in event.notitie


def test_hr_upload_page_dry_run_shows_counts_without_writing(hr_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("org.csv", csv_bytes(), content_type="text/csv")
    response = hr_client.post(
        reverse("organisatie_import"), {"bestand": upload, "proefdraai": "on"}
    )
    assert "Proefdraai: er is niets opgeslagen" in response.content.decode()
    assert not Medewerker.objects.filter(personeelsnummer="3000003").exists()


def test_hr_upload_page_lists_errors(hr_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    broken = csv_bytes([ROWS[0].replace(";;3000001", ";;404")])
    upload = SimpleUploadedFile("org.csv", broken, content_type="text/csv")
    response = hr_client.post(reverse("organisatie_import"), {"bestand": upload})
    body = response.content.decode()
    assert "er is niets opgeslagen" in body
    assert "Regel 2: Onbekende leidinggevende 404." in body


def test_upload_page_is_for_hr_only(client, db):
    client.force_login(MedewerkerFactory())
    assert client.get(reverse("organisatie_import")).status_code == 403


def test_dry_run_lists_each_change_and_one_click_imports_the_same_file(hr_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    MedewerkerFactory(
        personeelsnummer="3000004", first_name="Joris", last_name="Dam", email="oud@uwv.example"
    )
    upload = SimpleUploadedFile("org.csv", csv_bytes(), content_type="text/csv")
    body = hr_client.post(
        reverse("organisatie_import"), {"bestand": upload, "proefdraai": "on"}
    ).content.decode()
    assert "<td>3000003</td><td>Sara El Idrissi</td>\n        <td>nieuw</td>" in body
    assert (
        "<td>3000004</td><td>Joris van Dam</td>\n"
        "        <td>gewijzigd: achternaam, e-mail, contracturen, hybride functie, team</td>"
    ) in body
    assert 'name="nu_importeren"' in body
    assert not Medewerker.objects.filter(personeelsnummer="3000003").exists()

    body = hr_client.post(reverse("organisatie_import"), {"nu_importeren": "1"}).content.decode()
    assert "Import verwerkt" in body
    assert Medewerker.objects.get(personeelsnummer="3000004").email == "joris@uwv.example"
    assert Medewerker.objects.filter(personeelsnummer="3000003").exists()

    # The kept file is used once: a second click finds nothing and asks for the file again.
    response = hr_client.post(reverse("organisatie_import"), {"nu_importeren": "1"}, follow=True)
    assert "De proefdraai is verlopen of al gebruikt." in response.content.decode()
    assert AuditEvent.objects.filter(actie="organisatie_geimporteerd").count() == 1


def test_the_kept_file_expires(hr_client, time_machine):
    from django.core.files.uploadedfile import SimpleUploadedFile

    time_machine.move_to("2026-11-23 10:00 +01:00", tick=False)
    upload = SimpleUploadedFile("org.csv", csv_bytes(), content_type="text/csv")
    hr_client.post(reverse("organisatie_import"), {"bestand": upload, "proefdraai": "on"})
    time_machine.shift(16 * 60)
    response = hr_client.post(reverse("organisatie_import"), {"nu_importeren": "1"}, follow=True)
    assert "De proefdraai is verlopen of al gebruikt." in response.content.decode()
    assert not Medewerker.objects.filter(personeelsnummer="3000003").exists()


@pytest.mark.parametrize(
    "raw",
    [
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
        b"Beste collega,\nHierbij de lijst van het team.\nGroet, HR\n",
    ],
    ids=["pdf", "xlsx", "tekst"],
)
def test_a_file_that_is_not_csv_is_called_that(db, raw):
    report = import_organisation(raw=raw)
    assert [str(error) for error in report.errors] == [
        "Regel 1: Dit is geen CSV-bestand. Sla het bestand in Excel op als "
        "'CSV UTF-8 (door komma's gescheiden)' en kies dat bestand."
    ]
