from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from convenant.models import Afspraak, Delegatie, Status
from pilot.models import Periode
from tests.factories import MedewerkerFactory


def vervolgperiode() -> Periode:
    periode, _ = Periode.objects.get_or_create(
        naam="Vervolgperiode (test)",
        defaults={"startdatum": date(2026, 7, 1), "einddatum": date(2027, 6, 30)},
    )
    return periode


class AfspraakFactory(DjangoModelFactory):
    class Meta:
        model = Afspraak

    medewerker = factory.SubFactory(MedewerkerFactory)
    leidinggevende = factory.LazyAttribute(lambda o: o.medewerker.team.leidinggevende)
    opgesteld_door = factory.SelfAttribute("medewerker")
    periode = factory.LazyFunction(vervolgperiode)
    versie = factory.Sequence(lambda n: n + 1)
    status = Status.CONCEPT
    kantoordagen = Decimal(2)
    voorkeursdagen = factory.LazyFunction(lambda: [2, 4])
    locatie = "Amsterdam"
    ingangsdatum = date(2026, 12, 1)
    einddatum = date(2027, 6, 30)
    overwegingen = factory.LazyFunction(
        lambda: {"werk_privebalans": "Ik breng op maandag en vrijdag de kinderen weg."}
    )


class DelegatieFactory(DjangoModelFactory):
    class Meta:
        model = Delegatie

    leidinggevende = factory.SubFactory(MedewerkerFactory)
    vervanger = factory.SubFactory(MedewerkerFactory)
    startdatum = date(2026, 11, 16)
    einddatum = date(2026, 11, 27)
