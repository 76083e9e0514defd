"""Facilitair beheer: creating and changing locations, zones and desks.

Nothing is deleted here. Reservations point at desks (PROTECT) and attendance at locations, so
the history stays readable: a desk that should no longer be used is made not bookable
(`reserveerbaar=False`). Its reservations that are already made stay valid — people planned
their day on them — and new ones cannot be made. A location closes by its opening days.

Every write takes the row lock, checks the rules with one Dutch message per field, saves only
the changed fields and writes one timeline row that names them.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Min
from django.utils.translation import gettext as _

from pilot import audit
from werkplekken.models import Locatie, Werkplek, Zone

# A desk's rectangle on the floor plan (templates/werkplekken/includes/plattegrond.html).
PLEK_BREEDTE, PLEK_HOOGTE = 34, 30
# The largest floor plan drawn: a zone's rectangle stays inside it.
PLAN_MAX = 4000

LOCATIE_VELDEN = ("naam", "adres", "plaats", "openingsdagen", "bezettingsnorm")
ZONE_VELDEN = ("naam", "soort", "verdieping", "thuisteam", "x", "y", "breedte", "hoogte")
WERKPLEK_VELDEN = (
    "zone",
    "code",
    "hoog_laag",
    "toegankelijk",
    "dubbel_scherm",
    "reserveerbaar",
    "x",
    "y",
)


def _opslaan(*, actor, obj, velden: dict, actie: str) -> list[str]:
    """Copy the changed values onto obj, save them, and write the timeline row."""
    nieuw = obj.pk is None
    gewijzigd = (
        list(velden)
        if nieuw
        else [naam for naam, waarde in velden.items() if getattr(obj, naam) != waarde]
    )
    if not nieuw and not gewijzigd:
        return []
    for naam in gewijzigd:
        setattr(obj, naam, velden[naam])
    try:
        with transaction.atomic():
            obj.save(update_fields=None if nieuw else gewijzigd)
    except IntegrityError as exc:
        # Another request saved the same name or code between our check and this insert.
        melding = _("Dit is net door iemand anders vastgelegd. Probeer opnieuw.")
        raise ValidationError(melding) from exc
    audit.record(
        actor=actor,
        action=f"werkplekken.{actie}_{'aangemaakt' if nieuw else 'gewijzigd'}",
        obj=obj,
        note="" if nieuw else _("Gewijzigd: %(velden)s") % {"velden": ", ".join(gewijzigd)},
    )
    return gewijzigd


# Locations


def _locatie_fouten(velden: dict, *, pk=None) -> dict:
    fouten = {}
    if not velden["naam"].strip():
        fouten["naam"] = _("Vul een naam in.")
    elif Locatie.objects.filter(naam__iexact=velden["naam"]).exclude(pk=pk).exists():
        fouten["naam"] = _("Er is al een locatie met deze naam.")
    if not velden["plaats"].strip():
        fouten["plaats"] = _("Vul de plaats in.")
    if not velden["openingsdagen"]:
        fouten["openingsdagen"] = _("Kies minstens één openingsdag.")
    elif any(dag not in (1, 2, 3, 4, 5) for dag in velden["openingsdagen"]):
        fouten["openingsdagen"] = _("Kies weekdagen van maandag tot en met vrijdag.")
    if not 1 <= velden["bezettingsnorm"] <= 100:
        fouten["bezettingsnorm"] = _("De bezettingsnorm ligt tussen 1 en 100 %.")
    return fouten


def _locatie_velden(velden: dict) -> dict:
    velden = {naam: velden[naam] for naam in LOCATIE_VELDEN}
    velden["openingsdagen"] = sorted(set(velden["openingsdagen"]))
    return velden


def locatie_aanmaken(*, actor, **velden) -> Locatie:
    velden = _locatie_velden(velden)
    if fouten := _locatie_fouten(velden):
        raise ValidationError(fouten)
    with transaction.atomic():
        locatie = Locatie()
        _opslaan(actor=actor, obj=locatie, velden=velden, actie="locatie")
    return locatie


def locatie_bijwerken(*, actor, locatie: Locatie, **velden) -> list[str]:
    velden = _locatie_velden(velden)
    if fouten := _locatie_fouten(velden, pk=locatie.pk):
        raise ValidationError(fouten)
    with transaction.atomic():
        locatie = Locatie.objects.select_for_update().get(pk=locatie.pk)
        return _opslaan(actor=actor, obj=locatie, velden=velden, actie="locatie")


# Zones


def _zone_fouten(locatie: Locatie, velden: dict, *, zone: Zone | None = None) -> dict:
    fouten = {}
    if not velden["naam"].strip():
        fouten["naam"] = _("Vul een naam in.")
    elif (
        Zone.objects.filter(locatie=locatie, naam__iexact=velden["naam"])
        .exclude(pk=getattr(zone, "pk", None))
        .exists()
    ):
        fouten["naam"] = _("Locatie %(locatie)s heeft al een zone met deze naam.") % {
            "locatie": locatie.naam
        }
    if velden["soort"] not in Zone.Soort.values:
        fouten["soort"] = _("Kies stilte, samenwerken, ontmoeten of flex.")
    if velden["breedte"] < PLEK_BREEDTE or velden["hoogte"] < PLEK_HOOGTE:
        fouten["breedte"] = _(
            "Een zone is minstens %(b)s breed en %(h)s hoog: zo groot als één werkplek."
        ) % {"b": PLEK_BREEDTE, "h": PLEK_HOOGTE}
    for naam, maat in (("x", "breedte"), ("y", "hoogte")):
        if velden[naam] < 0 or velden[naam] + velden[maat] > PLAN_MAX:
            fouten[naam] = _("De zone moet binnen de plattegrond (0 tot %(max)s) vallen.") % {
                "max": PLAN_MAX
            }
    if zone is not None and not fouten:
        fouten.update(_plekken_buiten_zone(zone, velden))
    return fouten


def _plekken_buiten_zone(zone: Zone, velden: dict) -> dict:
    """A smaller or moved zone must still hold its desks (one aggregate query)."""
    grenzen = zone.werkplekken.aggregate(
        min_x=Min("x"), max_x=Max("x"), min_y=Min("y"), max_y=Max("y")
    )
    if grenzen["min_x"] is None:
        return {}
    past = (
        grenzen["min_x"] >= velden["x"]
        and grenzen["max_x"] + PLEK_BREEDTE <= velden["x"] + velden["breedte"]
        and grenzen["min_y"] >= velden["y"]
        and grenzen["max_y"] + PLEK_HOOGTE <= velden["y"] + velden["hoogte"]
    )
    if past:
        return {}
    return {
        "breedte": _(
            "Niet alle werkplekken van deze zone vallen dan nog binnen de zone. Verplaats die "
            "werkplekken eerst, of maak de zone groter."
        )
    }


def zone_aanmaken(*, actor, locatie: Locatie, **velden) -> Zone:
    velden = {naam: velden[naam] for naam in ZONE_VELDEN}
    if fouten := _zone_fouten(locatie, velden):
        raise ValidationError(fouten)
    with transaction.atomic():
        zone = Zone(locatie=locatie)
        _opslaan(actor=actor, obj=zone, velden=velden, actie="zone")
    return zone


def zone_bijwerken(*, actor, zone: Zone, **velden) -> list[str]:
    """A zone stays in its location: its desks' codes are unique per location."""
    velden = {naam: velden[naam] for naam in ZONE_VELDEN}
    with transaction.atomic():
        # Locked first, so no desk is placed between the check and the save.
        zone = Zone.objects.select_for_update().select_related("locatie").get(pk=zone.pk)
        if fouten := _zone_fouten(zone.locatie, velden, zone=zone):
            raise ValidationError(fouten)
        return _opslaan(actor=actor, obj=zone, velden=velden, actie="zone")


# Desks


def positie_fouten(zone: Zone, x: int, y: int) -> dict:
    """The desk must lie inside its zone's rectangle on the floor plan."""
    fouten = {}
    for naam, waarde, begin, maat, plek in (
        ("x", x, zone.x, zone.breedte, PLEK_BREEDTE),
        ("y", y, zone.y, zone.hoogte, PLEK_HOOGTE),
    ):
        hoogste = begin + maat - plek
        if not begin <= waarde <= hoogste:
            fouten[naam] = _(
                "%(as)s moet tussen %(min)s en %(max)s liggen, zodat de werkplek binnen zone "
                "%(zone)s valt."
            ) % {"as": naam, "min": begin, "max": hoogste, "zone": zone.naam}
    return fouten


def code_bezet(locatie_id: int, code: str, *, behalve=None) -> Werkplek | None:
    """The desk that already has this code at the location, if any (codes are unique there)."""
    return (
        Werkplek.objects.filter(zone__locatie_id=locatie_id, code__iexact=code)
        .exclude(pk=behalve)
        .select_related("zone")
        .first()
    )


def _werkplek_fouten(velden: dict, *, werkplek: Werkplek | None = None) -> dict:
    zone = velden["zone"]
    fouten = {}
    if werkplek is not None and zone.locatie_id != werkplek.zone.locatie_id:
        fouten["zone"] = _("Kies een zone van dezelfde locatie.")
    if not velden["code"].strip():
        fouten["code"] = _("Vul een code in.")
    elif andere := code_bezet(
        zone.locatie_id, velden["code"], behalve=getattr(werkplek, "pk", None)
    ):
        fouten["code"] = _("Code %(code)s bestaat al op deze locatie (zone %(zone)s).") % {
            "code": andere.code,
            "zone": andere.zone.naam,
        }
    fouten.update(positie_fouten(zone, velden["x"], velden["y"]))
    return fouten


def werkplek_aanmaken(*, actor, **velden) -> Werkplek:
    velden = {naam: velden[naam] for naam in WERKPLEK_VELDEN}
    with transaction.atomic():
        # The location row serialises new codes there, so two requests cannot add the same one.
        Locatie.objects.select_for_update().filter(pk=velden["zone"].locatie_id).first()
        if fouten := _werkplek_fouten(velden):
            raise ValidationError(fouten)
        werkplek = Werkplek()
        _opslaan(actor=actor, obj=werkplek, velden=velden, actie="werkplek")
    return werkplek


def werkplek_bijwerken(*, actor, werkplek: Werkplek, **velden) -> list[str]:
    """Making a desk not bookable keeps the reservations already made on it."""
    velden = {naam: velden[naam] for naam in WERKPLEK_VELDEN}
    with transaction.atomic():
        Locatie.objects.select_for_update().filter(pk=werkplek.zone.locatie_id).first()
        werkplek = Werkplek.objects.select_for_update().select_related("zone").get(pk=werkplek.pk)
        if fouten := _werkplek_fouten(velden, werkplek=werkplek):
            raise ValidationError(fouten)
        return _opslaan(actor=actor, obj=werkplek, velden=velden, actie="werkplek")
