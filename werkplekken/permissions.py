"""What a user is for one reservation or attendance row, and fetch-and-authorise per object type.

Reservations and attendance are personal: only the person sees them. A leidinggevende sees
the team-day places they booked through the team-day page, never another person's attendance.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from pilot.parsing import parse_id
from pilot.permissions import has_role
from pilot.workflow import Party
from werkplekken.models import Aanwezigheid, Locatie, Reservering, Werkplek, Zone
from werkplekken.workflow import EIGENAAR

FACILITAIR = "facilitair"
HR = "hr"


def reservering_partij(user, reservering: Reservering) -> Party:
    roles = {EIGENAAR} if user.is_authenticated and reservering.medewerker_id == user.pk else set()
    return Party(user=user, roles=frozenset(roles))


def reserveringen_zichtbaar_voor(user):
    if not user.is_authenticated:
        return Reservering.objects.none()
    return Reservering.objects.filter(medewerker=user)


def reservering_for(user, pk, *, lock: bool = False) -> Reservering:
    """The user's own reservation, or a 404 (unknown, foreign or not an id)."""
    parsed = parse_id(pk)
    if parsed is None:
        raise Http404
    queryset = reserveringen_zichtbaar_voor(user).select_related(
        "werkplek__zone__locatie", "locatie"
    )
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    reservering = queryset.filter(pk=parsed).first()
    if reservering is None:
        raise Http404
    return reservering


def aanwezigheid_zichtbaar_voor(user):
    """Only one's own days: never a leidinggevende's or OR-lid's view of another person."""
    if not user.is_authenticated:
        return Aanwezigheid.objects.none()
    return Aanwezigheid.objects.filter(medewerker=user)


def aanwezigheid_for(user, pk) -> Aanwezigheid:
    parsed = parse_id(pk)
    found = None if parsed is None else aanwezigheid_zichtbaar_voor(user).filter(pk=parsed).first()
    if found is None:
        raise Http404
    return found


def mag_beheren(user) -> bool:
    """Locations, zones and desks are managed by facilitair beheer."""
    return has_role(user, FACILITAIR)


def mag_capaciteit_zien(user) -> bool:
    return has_role(user, FACILITAIR, HR, "orlid")


def _beheer_object(user, queryset, pk):
    """Facilitair beheer only (others 403, before anything is read); unknown pk → 404."""
    if not mag_beheren(user):
        raise PermissionDenied
    parsed = parse_id(pk)
    found = None if parsed is None else queryset.filter(pk=parsed).first()
    if found is None:
        raise Http404
    return found


def locatie_beheer_for(user, pk) -> Locatie:
    return _beheer_object(user, Locatie.objects.all(), pk)


def zone_beheer_for(user, pk) -> Zone:
    return _beheer_object(user, Zone.objects.select_related("locatie", "thuisteam"), pk)


def werkplek_beheer_for(user, pk) -> Werkplek:
    return _beheer_object(user, Werkplek.objects.select_related("zone__locatie"), pk)
