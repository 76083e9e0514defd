"""The timeline every object's page shows: who did what, when, on whose behalf, and the states."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from convenant.models import Status
from pilot.audit import record
from tests.convenant.factories import AfspraakFactory
from tests.factories import MedewerkerFactory, TeamFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _items(page: str) -> list[str]:
    """The timeline's rows as a reader sees them: text only, whitespace collapsed."""
    rows = re.findall(r'<li class="mb-2">(.*?)</li>', page, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in rows]


@pytest.fixture
def afspraak(db):
    leider = MedewerkerFactory(first_name="Lotte", last_name="Leider")
    medewerker = MedewerkerFactory(
        first_name="Eva", last_name="Eigenaar", team=TeamFactory(leidinggevende=leider)
    )
    afspraak = AfspraakFactory(medewerker=medewerker, status=Status.AKKOORD)
    vervanger = MedewerkerFactory(first_name="Victor", last_name="<Vervanger>")
    with time_machine.travel(datetime(2026, 11, 23, 9, 5, tzinfo=AMSTERDAM), tick=False):
        record(
            actor=medewerker,
            action="afspraak.indienen",
            obj=afspraak,
            from_state=Status.CONCEPT,
            to_state=Status.INGEDIEND,
        )
    with time_machine.travel(datetime(2026, 11, 24, 16, 30, tzinfo=AMSTERDAM), tick=False):
        record(
            actor=vervanger,
            action="afspraak.akkoord",
            obj=afspraak,
            from_state=Status.INGEDIEND,
            to_state=Status.AKKOORD,
            note="Dinsdag en donderdag.\nVanaf december.",
            on_behalf_of=leider,
        )
    with time_machine.travel(datetime(2026, 11, 25, 8, 0, tzinfo=AMSTERDAM), tick=False):
        record(actor=None, action="afspraak.herinnering", obj=afspraak)
    return afspraak


def test_the_timeline_names_who_when_on_whose_behalf_and_the_states(client, afspraak):
    client.force_login(afspraak.medewerker)
    page = client.get(reverse("afspraak_detail", args=[afspraak.pk])).text
    assert _items(page) == [
        "23 november 2026 09:05 Voorstel ingediend door Eva Eigenaar (concept → ingediend)",
        "24 november 2026 16:30 Akkoord gegeven door Victor &lt;Vervanger&gt; namens Lotte Leider"
        " (ingediend → akkoord) Dinsdag en donderdag. Vanaf december.",
        "25 november 2026 08:00 afspraak.herinnering door het portaal",
    ]
    # The note keeps its line break; the name is text, not markup.
    assert "Dinsdag en donderdag.<br>Vanaf december." in page
    assert "<Vervanger>" not in page


def test_the_timeline_in_english(client, afspraak):
    client.force_login(afspraak.medewerker)
    client.cookies["django_language"] = "en"
    with translation.override("en"):  # its exit resets what the request activated
        page = client.get(reverse("afspraak_detail", args=[afspraak.pk])).text
    assert _items(page)[1] == (
        "24 November 2026 16:30 Agreed by Victor &lt;Vervanger&gt; on behalf of Lotte Leider"
        " (submitted → agreed) Dinsdag en donderdag. Vanaf december."
    )
