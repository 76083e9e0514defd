"""Under concurrency on PostgreSQL the person's row lock keeps the rules: one open proposal
after a double submit, and one decision when two people decide at once."""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection

from convenant import services
from convenant.models import Afspraak, Status
from convenant.services.afspraken import Voorstel
from pilot.workflow import TransitionNotAllowed
from tests.convenant.factories import AfspraakFactory, DelegatieFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

MOTIVATIE = "Het team heeft u op dinsdag nodig voor het werkoverleg."


def race(*calls) -> list[object]:
    """Run the calls at the same moment, each in its own thread and connection."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[object] = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test inspects
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_a_double_submit_stores_one_proposal(org):
    voorstel = Voorstel(
        kantoordagen=Decimal(2), ingangsdatum=date(2026, 12, 1), einddatum=date(2027, 6, 30)
    )
    outcomes = race(
        *[
            lambda: services.afspraak_opslaan(
                actor=org["eigenaar"], voorstel=voorstel, indienen=True
            )
        ]
        * 4
    )
    assert sum(isinstance(o, Afspraak) for o in outcomes) == 1
    assert sum(isinstance(o, TransitionNotAllowed) for o in outcomes) == 3
    assert Afspraak.objects.filter(medewerker=org["eigenaar"]).count() == 1


def test_manager_and_vervanger_deciding_at_once_give_one_decision(org):
    DelegatieFactory(leidinggevende=org["leider"], vervanger=org["vervanger"])
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    outcomes = race(
        lambda: services.afspraak_akkoord(actor=org["leider"], afspraak=afspraak),
        lambda: services.afspraak_afwijzen(
            actor=org["vervanger"], afspraak=afspraak, motivatie=MOTIVATIE
        ),
    )
    assert sum(isinstance(o, Afspraak) for o in outcomes) == 1
    assert sum(isinstance(o, TransitionNotAllowed) for o in outcomes) == 1
    afspraak.refresh_from_db()
    assert afspraak.status in (Status.AKKOORD, Status.AFGEWEZEN)
