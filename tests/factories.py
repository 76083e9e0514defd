import factory
from factory.django import DjangoModelFactory

from pilot.models import Afdeling, Medewerker, Notificatie, Roltoewijzing, Team


class AfdelingFactory(DjangoModelFactory):
    class Meta:
        model = Afdeling
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"AFD{n}")
    naam = factory.Sequence(lambda n: f"Afdeling {n}")


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    code = factory.Sequence(lambda n: f"T{n}")
    naam = factory.Sequence(lambda n: f"Team {n}")
    afdeling = factory.SubFactory(AfdelingFactory)


class MedewerkerFactory(DjangoModelFactory):
    class Meta:
        model = Medewerker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"mw{n}")
    personeelsnummer = factory.Sequence(lambda n: f"{2000000 + n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda o: f"{o.username}@uwv.example")
    team = factory.SubFactory(TeamFactory)
    contracturen = 36
    password = factory.django.Password("kantoor2025")


class RoltoewijzingFactory(DjangoModelFactory):
    class Meta:
        model = Roltoewijzing

    medewerker = factory.SubFactory(MedewerkerFactory)


class NotificatieFactory(DjangoModelFactory):
    class Meta:
        model = Notificatie

    ontvanger = factory.SubFactory(MedewerkerFactory)
    onderwerp = factory.Sequence(lambda n: f"Bericht {n}")
