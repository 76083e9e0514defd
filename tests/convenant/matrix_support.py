"""Objects the role × page matrix needs for the convenant URLs (see tests/matrix.py).

Each builder works on the demo organisation: `medewerker` is in KCD-01, which `leidinggevende`
leads. A person has one open version at a time, so a builder first closes any open one.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

MOTIVATIE = "Het team heeft u op dinsdag nodig voor het werkoverleg."


def _afspraak(users: dict, status: str, **extra):
    from convenant.models import OPEN_STATUSES, Afspraak, Status
    from pilot.models import Periode

    medewerker = users["medewerker"]
    Afspraak.objects.filter(medewerker=medewerker, status__in=OPEN_STATUSES).update(
        status=Status.AFGEWEZEN
    )
    today = timezone.localdate()
    periode = Periode.objects.covering(today).order_by("-startdatum").first()
    versie = Afspraak.objects.filter(medewerker=medewerker).count() + 1
    return Afspraak.objects.create(
        medewerker=medewerker,
        leidinggevende=users["leidinggevende"],
        opgesteld_door=medewerker,
        periode=periode,
        versie=versie,
        status=status,
        kantoordagen=Decimal(2),
        voorkeursdagen=[2, 4],
        ingangsdatum=today,
        einddatum=periode.einddatum,
        overwegingen={"vitaliteit": "Fietsen naar kantoor houdt me fit."},
        ingediend_op=timezone.now() if status != "concept" else None,
        **extra,
    )


def concept(users: dict) -> dict:
    return {"pk": _afspraak(users, "concept").pk}


def ingediend(users: dict) -> dict:
    return {"pk": _afspraak(users, "ingediend").pk}


def tegenvoorstel(users: dict) -> dict:
    afspraak = _afspraak(
        users, "tegenvoorstel", tegenvoorstel_kantoordagen=Decimal(3), motivatie=MOTIVATIE
    )
    return {"pk": afspraak.pk}


def delegatie(users: dict) -> dict:
    from convenant.models import Delegatie
    from pilot.models import Medewerker

    vervanger = Medewerker.objects.filter(team__code="KCD-02").exclude(username__in=users).first()
    start = timezone.localdate() + timedelta(days=7)
    created = Delegatie.objects.create(
        leidinggevende=users["leidinggevende"],
        vervanger=vervanger,
        startdatum=start,
        einddatum=start + timedelta(days=7),
    )
    return {"pk": created.pk}


def team_pk(users: dict) -> dict:
    return {"team_pk": users["medewerker"].team_id}


def team_as_pk(users: dict) -> dict:
    return {"pk": users["medewerker"].team_id}


# --- exemptions (issue 4) ------------------------------------------------------------------


def uitzondering_met_bewijs(users: dict) -> dict:
    """A fresh `eerdere_afspraak` request of `medewerker`, with its document on disk."""
    from convenant.models import Uitzondering
    from tests.convenant.factories import bewaar_bewijsstuk

    naam, soort, grootte = bewaar_bewijsstuk()
    today = timezone.localdate()
    created = Uitzondering.objects.create(
        medewerker=users["medewerker"],
        leidinggevende=users["leidinggevende"],
        categorie="eerdere_afspraak",
        kantoordagen=Decimal(1),
        ingangsdatum=today,
        einddatum=today + timedelta(days=90),
        toelichting="Bij indiensttreding schriftelijk vastgelegd.",
        bewijsstuk=naam,
        bewijsstuk_type=soort,
        bewijsstuk_grootte=grootte,
    )
    return {"pk": created.pk}
