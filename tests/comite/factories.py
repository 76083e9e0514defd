from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from comite import termijnen
from comite.models import Advies, Panellid, Panelrol, Zaak, ZaakStatus, Zitting
from convenant.models import Status
from tests.convenant.factories import AfspraakFactory


class ZaakFactory(DjangoModelFactory):
    class Meta:
        model = Zaak

    afspraak = factory.SubFactory(AfspraakFactory, status=Status.AFGEWEZEN)
    medewerker = factory.SelfAttribute("afspraak.medewerker")
    leidinggevende = factory.LazyAttribute(lambda o: o.medewerker.team.leidinggevende)
    status = ZaakStatus.AANGEMELD
    verklaring = "Ik werk liever thuis door de lange reistijd naar kantoor."
    aangemeld_op = factory.LazyFunction(timezone.now)
    termijn = factory.LazyAttribute(lambda o: termijnen.intake(o.aangemeld_op))
    termijnsoort = "intake"


class PanellidFactory(DjangoModelFactory):
    class Meta:
        model = Panellid

    rol = Panelrol.VOORZITTER


class ZittingFactory(DjangoModelFactory):
    class Meta:
        model = Zitting

    begin = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    einde = factory.LazyAttribute(lambda o: o.begin + timedelta(hours=1))
    locatie = "Utrecht"
    uid = factory.Sequence(lambda n: f"zaak-test-{n}@kantoordagen")


class AdviesFactory(DjangoModelFactory):
    class Meta:
        model = Advies

    tekst = "Twee dagen op dinsdag en donderdag."
    kantoordagen = Decimal(2)
    voorkeursdagen = factory.LazyFunction(lambda: [2, 4])
    uitgebracht_op = factory.LazyFunction(timezone.now)
