"""The start-page cards of the workplaces app (registered in apps.py)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pilot.permissions import has_role
from pilot.selectors import Card
from werkplekken.selectors.capaciteit import KRAP, TEKORT, heatmap


def aandacht(user) -> list:
    """Facilitair beheer's start page: the week's occupancy at a glance (five queries).

    Employees reach their bookings through the menu: their start page stays within its
    query budget, shared with every other app's cards.
    """
    return [_bezetting()] if has_role(user, "facilitair") else []


def _bezetting() -> Card:
    kaart = heatmap(timezone.localdate())
    krap = [
        f"{cel.weekdag_kort} · {locatie.naam} · {cel.niveau_label} · {cel.percentage} %"
        for locatie, cellen in kaart.rijen
        for cel in cellen
        if cel.open and cel.niveau in (KRAP, TEKORT)
    ]
    if kaart.voldoende_aandeel is None:
        tekst = _("Er zijn nog geen locaties met werkplekken.")
    else:
        tekst = _(
            "Komende week is op %(voldoende)s %% van de locatiedagen de vraag niet groter dan "
            "het aanbod. %(krap)s locatiedagen zijn krap of hebben een tekort."
        ) % {"voldoende": kaart.voldoende_aandeel, "krap": len(krap)}
    return Card(
        title=_("Bezetting van de locaties"),
        text=tekst,
        link=reverse("bezetting"),
        link_label=_("Naar de bezetting per locatie en weekdag"),
        items=krap[:10],
    )
