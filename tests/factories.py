import factory
from factory.django import DjangoModelFactory
from faker import Faker

from pilot.models import Afdeling, Medewerker, Notificatie, Roltoewijzing, Team

_NL = Faker("nl_NL")


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
    # Without the apostrophe of names like "van 't Riet": tests find a name in a page as plain
    # text, and HTML escapes that character. Escaping itself is Django's and tested there.
    last_name = factory.LazyFunction(lambda: _NL.last_name().replace("'", ""))
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
