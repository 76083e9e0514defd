"""HR's monthly payroll export: days per person, the allowance, and who may download it."""

import csv
import io
from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from openpyxl import load_workbook

from pilot.models import AuditEvent, Roltoewijzing
from tests.factories import MedewerkerFactory
from tests.werkplekken.factories import AanwezigheidFactory
from werkplekken.services.aanwezigheid import aanwezigheid_registreren


@pytest.fixture
def hr(db):
    person = MedewerkerFactory(username="salaris")
    Roltoewijzing.objects.create(medewerker=person, rol="hr")
    return person


@pytest.fixture
def hr_client(client, hr):
    client.force_login(hr)
    return client


def _dagen(person, soorten: dict[date, str]) -> None:
    for datum, soort in soorten.items():
        AanwezigheidFactory(medewerker=person, datum=datum, soort=soort)


@pytest.fixture
def november(db):
    anna = MedewerkerFactory(personeelsnummer="1001", first_name="Anna", last_name="de Vries")
    bram = MedewerkerFactory(personeelsnummer="1002", first_name="Bram", last_name="Jansen")
    _dagen(
        anna,
        {
            date(2026, 11, 2): "thuis",
            date(2026, 11, 3): "kantoor",
            date(2026, 11, 4): "thuis",
            date(2026, 11, 5): "elders",
            date(2026, 11, 30): "thuis",
            # Outside the month: not counted.
            date(2026, 10, 30): "thuis",
            date(2026, 12, 1): "thuis",
        },
    )
    _dagen(bram, {date(2026, 11, 2): "kantoor", date(2026, 11, 3): "kantoor"})
    return anna, bram


def _csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_csv_counts_days_and_the_allowance_per_person(hr_client, november):
    response = hr_client.post(reverse("loonexport"), {"maand": "2026-11", "formaat": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="loonexport-2026-11.csv"'
    assert _csv(response) == [
        [
            "personeelsnummer",
            "voornaam",
            "achternaam",
            "dagen_thuis",
            "dagen_kantoor",
            "dagen_elders",
            "thuiswerkvergoeding_eur",
        ],
        ["1001", "Anna", "de Vries", "3", "1", "1", "7.35"],
        ["1002", "Bram", "Jansen", "0", "2", "0", "0.00"],
    ]


def test_the_allowance_follows_the_year(hr_client, db):
    person = MedewerkerFactory(personeelsnummer="2001")
    _dagen(person, {date(2025, 11, 3): "thuis", date(2025, 11, 4): "thuis"})
    response = hr_client.post(reverse("loonexport"), {"maand": "2025-11", "formaat": "csv"})
    assert _csv(response)[1][3:] == ["2", "0", "0", "4.80"]


def test_a_day_is_never_both_home_and_office(hr_client, db):
    """The home allowance and the travel allowance never meet on one day: one row a day."""
    person = MedewerkerFactory(personeelsnummer="3001")
    aanwezigheid_registreren(actor=person, datum=date(2026, 12, 14), soort="kantoor")
    # Changing one's mind replaces the day; it does not add a second one.
    aanwezigheid_registreren(actor=person, datum=date(2026, 12, 14), soort="thuis")
    with pytest.raises(IntegrityError), transaction.atomic():
        AanwezigheidFactory(medewerker=person, datum=date(2026, 12, 14), soort="kantoor")
    response = hr_client.post(reverse("loonexport"), {"maand": "2026-12", "formaat": "csv"})
    assert _csv(response)[1][3:] == ["1", "0", "0", "2.45"]


def test_xlsx_has_the_same_rows(hr_client, november):
    response = hr_client.post(reverse("loonexport"), {"maand": "2026-11", "formaat": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="loonexport-2026-11.xlsx"'
    blad = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[1] == ("1001", "Anna", "de Vries", 3, 1, 1, 7.35)
    assert rijen[2] == ("1002", "Bram", "Jansen", 0, 2, 0, 0)


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_names_that_look_like_formulas_are_plain_text(hr_client, db, formaat):
    person = MedewerkerFactory(personeelsnummer="=1+1", first_name="@SUM(A1)", last_name="-2+3")
    _dagen(person, {date(2026, 11, 2): "thuis"})
    response = hr_client.post(reverse("loonexport"), {"maand": "2026-11", "formaat": formaat})
    if formaat == "csv":
        rij = _csv(response)[1]
    else:
        blad = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        rij = list(blad.iter_rows(values_only=True))[1]
    assert list(rij[:3]) == ["'=1+1", "'@SUM(A1)", "'-2+3"]


def test_every_export_is_on_the_timeline(hr_client, november):
    hr_client.post(reverse("loonexport"), {"maand": "2026-11", "formaat": "xlsx"})
    event = AuditEvent.objects.get(actie="werkplekken.loonexport")
    assert (event.actor.username, event.object_omschrijving, event.notitie) == (
        "salaris",
        "loonexport 2026-11",
        "xlsx",
    )


def test_a_year_without_an_allowance_is_a_clear_message(hr_client, settings, db):
    settings.THUISWERKVERGOEDING_PER_DAG = {2025: "2.40"}
    response = hr_client.post(reverse("loonexport"), {"maand": "2026-11", "formaat": "csv"})
    assert response.status_code == 200
    assert (
        "Voor 2026 is nog geen thuiswerkvergoeding per dag ingesteld." in response.content.decode()
    )
    assert not AuditEvent.objects.filter(actie="werkplekken.loonexport").exists()


@pytest.mark.parametrize(
    ("maand", "melding"),
    [
        ("2027-01", "Kies deze maand of een eerdere."),
        ("2026-13", "Kies een maand, bijvoorbeeld 2026-11."),
        ("november", "Kies een maand, bijvoorbeeld 2026-11."),
    ],
)
def test_bad_months_are_refused(hr_client, maand, melding):
    response = hr_client.post(reverse("loonexport"), {"maand": maand, "formaat": "csv"})
    assert melding in response.content.decode()


def test_only_hr_may_export(client, hr, november):
    anna, _bram = november
    leider = MedewerkerFactory()
    anna.team.leidinggevende = leider
    anna.team.save()
    orlid = MedewerkerFactory()
    Roltoewijzing.objects.create(medewerker=orlid, rol="orlid")
    # The person herself, her leidinggevende, and an outsider with a role: none of them.
    for user in (anna, leider, orlid):
        client.force_login(user)
        assert client.get(reverse("loonexport")).status_code == 403
        response = client.post(reverse("loonexport"), {"maand": "2026-11", "formaat": "csv"})
        assert response.status_code == 403
    assert not AuditEvent.objects.filter(actie="werkplekken.loonexport").exists()
    client.force_login(hr)
    assert client.get(reverse("loonexport")).status_code == 200


@pytest.mark.parametrize("mensen_aantal", [2, 40])
def test_export_is_one_grouped_query_at_any_size(
    hr_client, mensen_aantal, django_assert_num_queries
):
    for n in range(mensen_aantal):
        person = MedewerkerFactory(personeelsnummer=f"{5000 + n}")
        _dagen(person, {date(2026, 11, 2): "thuis", date(2026, 11, 3): "kantoor"})
    # Session, user, roles, led teams = 4 (a download renders no menu, so no unread count);
    # the timeline row = 1; the grouped attendance query = 1.
    with django_assert_num_queries(6):
        response = hr_client.post(reverse("loonexport"), {"maand": "2026-11", "formaat": "csv"})
        rijen = _csv(response)
    assert len(rijen) == mensen_aantal + 1


@pytest.mark.parametrize("mensen_aantal", [2, 40])
def test_export_page_queries_are_constant(hr_client, mensen_aantal, django_assert_num_queries):
    MedewerkerFactory.create_batch(mensen_aantal)
    with django_assert_num_queries(5):
        assert hr_client.get(reverse("loonexport")).status_code == 200
