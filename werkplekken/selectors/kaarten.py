"""The start-page cards of the workplaces app (registered in apps.py)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pilot.permissions import has_role
from pilot.selectors import Card
from werkplekken.selectors.capaciteit import KRAP, TEKORT, heatmap


def aandacht(user) -> list:
    """Facilitair beheer's start page is their dashboard: the week's occupancy and the two
    measures of "enough suitable workplaces" (five queries), then the management pages.
    HR gets the payroll export. These cards come before the personal ones.

    Employees reach their bookings through the menu: their start page stays within its
    query budget, shared with every other app's cards.
    """
    cards = []
    if has_role(user, "facilitair"):
        cards += [_bezetting(), _beheer()]
    if has_role(user, "hr"):
        cards.append(_loonexport())
    return cards


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
        tekst = (
            _(
                "Komende week is op %(voldoende)s %% van de locatiedagen de vraag niet groter "
                "dan het aanbod."
            )
            % {"voldoende": kaart.voldoende_aandeel}
            + " "
            + ngettext(
                "%(krap)s locatiedag is krap of heeft een tekort.",
                "%(krap)s locatiedagen zijn krap of hebben een tekort.",
                len(krap),
            )
            % {"krap": len(krap)}
        )
    if kaart.geen_werkplek_aandeel is None:
        tekst += " " + _(
            "In de afgelopen 4 weken heeft niemand een reden opgegeven voor een gemiste kantoordag."
        )
    else:
        tekst += " " + _(
            "Van de redenen voor een gemiste kantoordag in de afgelopen 4 weken is %(aandeel)s %% "
            "‘geen werkplek beschikbaar’ (%(n)s redenen)."
        ) % {"aandeel": kaart.geen_werkplek_aandeel, "n": kaart.redenen}
    return Card(
        title=_("Bezetting van de locaties"),
        text=tekst,
        link=reverse("bezetting"),
        link_label=_("Naar de bezetting per locatie en weekdag"),
        items=krap[:10],
        first=True,
    )


def _beheer() -> Card:
    return Card(
        title=_("Werkplekbeheer"),
        text=_("Locaties, zones en werkplekken bijhouden, of werkplekken importeren."),
        links=[
            (reverse("beheer_locaties"), _("Locaties")),
            (reverse("beheer_zones"), _("Zones")),
            (reverse("beheer_werkplekken"), _("Werkplekken")),
            (reverse("werkplekken_import"), _("Werkplekken importeren (CSV)")),
            (reverse("werkplek_labels"), _("QR-labels voor inchecken afdrukken")),
        ],
        first=True,
    )


def _loonexport() -> Card:
    return Card(
        title=_("Loonexport"),
        text=_("Thuis-, kantoor- en elders-dagen per maand voor de salarisadministratie."),
        link=reverse("loonexport"),
        link_label=_("Naar de loonexport"),
    )
