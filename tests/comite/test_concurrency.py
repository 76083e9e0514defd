"""Under concurrency on PostgreSQL the row locks keep the rules: one open case after a double
filing, one answer when both parties answer the advice at the same moment."""

from decimal import Decimal

import pytest

from comite import services
from comite.models import Zaak
from convenant.models import Afspraak, Status
from pilot.workflow import TransitionNotAllowed
from tests.comite.conftest import seat_panel
from tests.comite.factories import AdviesFactory, ZaakFactory, ZittingFactory
from tests.convenant.afspraken.test_concurrency import race
from tests.convenant.factories import AfspraakFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

VERKLARING = "Ik werk liever thuis door de lange reistijd naar kantoor."


def test_a_double_filing_stores_one_case(org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.AFGEWEZEN)
    outcomes = race(
        *[
            lambda: services.zaak_aanmelden(
                actor=org["eigenaar"], afspraak=afspraak, verklaring=VERKLARING
            )
        ]
        * 4
    )
    assert sum(isinstance(o, Zaak) for o in outcomes) == 1
    assert sum(isinstance(o, TransitionNotAllowed) for o in outcomes) == 3
    assert Zaak.objects.filter(afspraak=afspraak).count() == 1


def test_both_accepting_at_once_records_one_new_agreement(org):
    zaak = seat_panel(
        ZaakFactory(afspraak__medewerker=org["eigenaar"], status="advies_uitgebracht"), org
    )
    ZittingFactory(zaak=zaak)
    AdviesFactory(zaak=zaak, kantoordagen=Decimal(2))
    outcomes = race(
        lambda: services.advies_aanvaarden(actor=org["eigenaar"], zaak=zaak),
        lambda: services.advies_aanvaarden(actor=org["leider"], zaak=zaak),
    )
    assert all(isinstance(o, Zaak) for o in outcomes), outcomes
    zaak.refresh_from_db()
    assert zaak.status == "opgelost"
    assert Afspraak.objects.filter(bron="advies_comite").count() == 1
