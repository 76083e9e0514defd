"""Notifications reach each person in the language they chose, whoever's action caused them."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from convenant import services
from pilot.models import Medewerker
from tests.convenant.factories import AfspraakFactory
from tests.factories import MedewerkerFactory, TeamFactory


@pytest.fixture
def team(db):
    leider = MedewerkerFactory(first_name="Lies", last_name="Leider", email="lies@uwv.example")
    team = TeamFactory(leidinggevende=leider)
    leider.team = team
    leider.save()
    medewerker = MedewerkerFactory(first_name="Mo", last_name="Bakker", team=team)
    return leider, medewerker


def test_switching_language_is_remembered_on_the_person(client, team):
    leider, _medewerker = team
    client.force_login(leider)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert Medewerker.objects.get(pk=leider.pk).taal == "en"
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert Medewerker.objects.get(pk=leider.pk).taal == "en"


def test_an_english_reader_gets_english_for_a_dutch_colleagues_action(
    client, team, django_capture_on_commit_callbacks
):
    leider, medewerker = team
    Medewerker.objects.filter(pk=leider.pk).update(taal="en")
    leider.refresh_from_db()
    afspraak = AfspraakFactory(
        medewerker=medewerker,
        kantoordagen=Decimal("1.5"),
        # Below the norm of 2 days: a submitted proposal names its reason.
        onder_norm_overweging="werk_privebalans",
        onder_norm_toelichting="Ik werk twee ochtenden thuis vanwege de reistijd.",
    )
    with translation.override("nl"), django_capture_on_commit_callbacks(execute=True):
        services.afspraak_indienen(actor=medewerker, afspraak=afspraak)

    assert [m.subject for m in mail.outbox] == ["New office days proposal from Mo Bakker"]
    assert mail.outbox[0].to == ["lies@uwv.example"]
    assert "proposes 1.5 office days per week" in mail.outbox[0].body

    client.force_login(leider)
    page = client.get(reverse("notificaties"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "New office days proposal from Mo Bakker" in page


def test_a_dutch_reader_keeps_dutch_for_an_english_colleagues_action(team):
    leider, medewerker = team
    afspraak = AfspraakFactory(
        medewerker=medewerker,
        kantoordagen=Decimal("1.5"),
        # Below the norm of 2 days: a submitted proposal names its reason.
        onder_norm_overweging="werk_privebalans",
        onder_norm_toelichting="Ik werk twee ochtenden thuis vanwege de reistijd.",
    )
    with translation.override("en"):
        services.afspraak_indienen(actor=medewerker, afspraak=afspraak)
    notificatie = leider.notificaties.get()
    assert notificatie.onderwerp == "Nieuw voorstel voor kantoordagen van Mo Bakker"
    assert notificatie.tekst == (
        "Mo Bakker stelt 1,5 kantoordagen per week voor. Reageer binnen 10 werkdagen."
    )
