"""Shared parts of the comité services: locks, the people to tell, links, document files."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from comite.models import Document, Partijkant, Zaak
from convenant import bewijsstukken
from convenant.validators import MAX_TEKST
from pilot.notifications import Text, notify

MAX_DOCUMENTEN = 5


def lock_zaak(zaak: Zaak) -> Zaak:
    """The case row is the lock for every step on the case and its advice, panel and zitting.

    `of=self`: PostgreSQL refuses FOR UPDATE on the nullable side of the outer joins.
    """
    return (
        Zaak.objects.select_for_update(of=("self",))
        .select_related("medewerker__team__afdeling", "leidinggevende__team", "afspraak")
        .get(pk=zaak.pk)
    )


def link(zaak: Zaak) -> str:
    return reverse("zaak_detail", args=[zaak.pk])


def secretarissen():
    return get_user_model().objects.filter(roltoewijzingen__rol="secretaris", is_active=True)


def vertel(ontvangers, zaak: Zaak, onderwerp: Text, tekst: Text = "") -> None:
    """Notify each person once (in the portal and by e-mail after commit), each in their own
    language: pass functions that build the text (see `pilot.notifications`)."""
    seen = set()
    for ontvanger in ontvangers:
        if ontvanger is None or ontvanger.pk in seen:
            continue
        seen.add(ontvanger.pk)
        notify(recipient=ontvanger, subject=onderwerp, body=tekst, link=link(zaak))


def tekst(value: str, veld: str, *, verplicht: str, minimum: int = 20) -> str:
    """A required free text of reasonable length, or a ValidationError on `veld`."""
    value = (value or "").strip()
    if len(value) < minimum:
        raise ValidationError({veld: verplicht})
    if len(value) > MAX_TEKST:
        raise ValidationError(
            {veld: _("De tekst is te lang (maximaal %(max)s tekens).") % {"max": MAX_TEKST}}
        )
    return value


def lees_documenten(bestanden) -> list:
    """Check every upload by its content (as exemption evidence) before anything is stored."""
    bestanden = list(bestanden or [])
    if len(bestanden) > MAX_DOCUMENTEN:
        raise ValidationError(
            {"documenten": _("Voeg hoogstens %(max)s documenten toe.") % {"max": MAX_DOCUMENTEN}}
        )
    gelezen = []
    for bestand in bestanden:
        try:
            gelezen.append((bestand, bewijsstukken.lees(bestand)))
        except ValidationError as error:
            raise ValidationError({"documenten": error.message_dict["bewijsstuk"]}) from error
    return gelezen


def bewaar_documenten(zaak: Zaak, actor, kant: str, gelezen: list) -> list[str]:
    """Create the rows and write the files; returns the storage names (to remove on failure)."""
    namen = []
    al = zaak.documenten.count()
    for index, (_bestand, bewijs) in enumerate(gelezen, start=al + 1):
        naam = bewijsstukken.nieuwe_naam(bewijs)
        # Not the uploaded file name: like an evidence name, it could itself say too much.
        omschrijving = _("Document %(nummer)s van de %(kant)s (%(soort)s)") % {
            "nummer": index,
            "kant": Partijkant(kant).label,
            "soort": bewijs.soort.upper(),
        }
        Document.objects.create(
            zaak=zaak,
            kant=kant,
            toegevoegd_door=actor,
            omschrijving=omschrijving,
            opslagnaam=naam,
            soort=bewijs.soort,
            grootte=bewijs.grootte,
        )
        bewijsstukken.opslaan(naam, bewijs)
        namen.append(naam)
    return namen


def verwijder_bestanden(namen: list[str]) -> None:
    for naam in namen:
        bewijsstukken.verwijderen(naam)
