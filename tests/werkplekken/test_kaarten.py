"""The start page of facilitair beheer is their dashboard; HR's links the payroll export."""

from datetime import date

from django.urls import reverse

from pilot.models import Roltoewijzing
from tests.factories import MedewerkerFactory
from tests.werkplekken.factories import AanwezigheidFactory


def _start(client, *rollen) -> str:
    person = MedewerkerFactory()
    for rol in rollen:
        Roltoewijzing.objects.create(medewerker=person, rol=rol)
    client.force_login(person)
    return client.get(reverse("start")).content.decode()


def test_facilitair_start_opens_with_occupancy_and_management(client, locatie):
    for n, reden in enumerate(["geen_werkplek", "zorgtaak", "anders", "geen_werkplek"]):
        AanwezigheidFactory(datum=date(2026, 12, 7 + n), soort="thuis", reden=reden)
    page = _start(client, "facilitair")
    # Utrecht, 3 desks, no demand: every open day of the coming week has enough.
    assert "Komende week is op 100 % van de locatiedagen de vraag niet groter dan het aanbod." in (
        page
    )
    assert "‘geen werkplek beschikbaar’ (4 redenen)" in page
    assert "is 50 %" in page
    for url in ("beheer_locaties", "beheer_zones", "beheer_werkplekken", "werkplekken_import"):
        assert f'href="{reverse(url)}"' in page
    # Their own work first, before the personal cards every employee has.
    assert page.index("Bezetting van de locaties") < page.index("Werkplekbeheer</h2>")
    assert page.index("Werkplekbeheer</h2>") < page.index("Notificaties</h2>")


def test_without_reasons_the_share_is_not_made_up(client, locatie):
    page = _start(client, "facilitair")
    assert (
        "In de afgelopen 4 weken heeft niemand een reden opgegeven voor een gemiste kantoordag."
        in page
    )


def test_an_employee_start_has_no_management_cards(client, db):
    page = _start(client)
    assert "Werkplekbeheer</h2>" not in page
    assert "Bezetting van de locaties" not in page
    assert "Naar de loonexport" not in page


def test_hr_start_links_the_payroll_export(client, db):
    page = _start(client, "hr")
    assert f'href="{reverse("loonexport")}"' in page
    assert "Werkplekbeheer</h2>" not in page
