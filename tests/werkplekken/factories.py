from datetime import date

import factory
from factory.django import DjangoModelFactory

from tests.factories import MedewerkerFactory, TeamFactory
from werkplekken.models import (
    Aanwezigheid,
    GevolgdTeam,
    Locatie,
    Reservering,
    Werkplek,
    Zichtbaarheid,
    Zone,
)


class LocatieFactory(DjangoModelFactory):
    class Meta:
        model = Locatie

    naam = factory.Sequence(lambda n: f"Kantoor {n}")
    plaats = factory.Faker("city", locale="nl_NL")
    adres = factory.Faker("street_address", locale="nl_NL")
    openingsdagen = factory.LazyFunction(lambda: [1, 2, 3, 4, 5])


class ZoneFactory(DjangoModelFactory):
    class Meta:
        model = Zone

    locatie = factory.SubFactory(LocatieFactory)
    naam = factory.Sequence(lambda n: f"Zone {n}")
    soort = Zone.Soort.FLEX


class WerkplekFactory(DjangoModelFactory):
    class Meta:
        model = Werkplek

    zone = factory.SubFactory(ZoneFactory)
    code = factory.Sequence(lambda n: f"W{n:03d}")
    x = factory.Sequence(lambda n: 20 + (n % 8) * 40)
    y = factory.Sequence(lambda n: 20 + (n // 8 % 4) * 40)


class ReserveringFactory(DjangoModelFactory):
    """A bare row; tests that need the half days held go through the service."""

    class Meta:
        model = Reservering

    medewerker = factory.SubFactory(MedewerkerFactory)
    werkplek = factory.SubFactory(WerkplekFactory)
    datum = date(2026, 11, 24)
    dagdeel = "hele_dag"


class AanwezigheidFactory(DjangoModelFactory):
    class Meta:
        model = Aanwezigheid

    medewerker = factory.SubFactory(MedewerkerFactory)
    datum = date(2026, 11, 23)
    soort = "thuis"
    bron = Aanwezigheid.Bron.REGISTRATIE


class ZichtbaarheidFactory(DjangoModelFactory):
    class Meta:
        model = Zichtbaarheid

    medewerker = factory.SubFactory(MedewerkerFactory)
    wie = "team"
    werkplek_tonen = False


class GevolgdTeamFactory(DjangoModelFactory):
    class Meta:
        model = GevolgdTeam

    medewerker = factory.SubFactory(MedewerkerFactory)
    team = factory.SubFactory(TeamFactory)
