"""Read queries for the pilot app, already scoped to what the user may see."""

from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pilot.models import Medewerker, Notificatie, Team
from pilot.permissions import has_role, managed_team_ids
from pilot.registry import CARD_PROVIDERS


@dataclass
class Card:
    title: str
    text: str
    link: str = ""
    link_label: str = ""
    items: list[str] = field(default_factory=list)
    # More places to go from the card: (url, label).
    links: list[tuple[str, str]] = field(default_factory=list)
    # A role's own work (facilitair's dashboard) opens the page, before the personal cards.
    first: bool = False


def notifications_for(user):
    return Notificatie.objects.filter(ontvanger=user)


def notification_for(user, pk: int) -> Notificatie:
    return get_object_or_404(Notificatie, pk=pk, ontvanger=user)


def attention_cards(user) -> list[Card]:
    """What needs this person's attention, per role they hold (apps register their cards)."""
    cards = _pilot_cards(user)
    for provider in CARD_PROVIDERS:
        cards.extend(provider(user))
    cards.sort(key=lambda card: not card.first)  # stable: otherwise in registration order
    return cards


def _pilot_cards(user) -> list[Card]:
    cards: list[Card] = []
    unread = Notificatie.objects.filter(ontvanger=user, gelezen_op__isnull=True).count()
    cards.append(
        Card(
            title=_("Notificaties"),
            text=ngettext(
                "U hebt %(count)s ongelezen notificatie.",
                "U hebt %(count)s ongelezen notificaties.",
                unread,
            )
            % {"count": unread}
            if unread
            else _("U hebt geen ongelezen notificaties."),
            link=reverse("notificaties"),
            link_label=_("Naar notificaties"),
        )
    )
    team_ids = managed_team_ids(user)
    if team_ids:
        teams = list(
            Team.objects.filter(pk__in=team_ids).order_by("naam").values_list("naam", flat=True)
        )
        members = Medewerker.objects.filter(team_id__in=team_ids, is_active=True).count()
        cards.append(
            Card(
                title=_("Mijn teams"),
                text=ngettext(
                    "U bent leidinggevende van %(teams)s team met %(members)s medewerkers.",
                    "U bent leidinggevende van %(teams)s teams met %(members)s medewerkers.",
                    len(teams),
                )
                % {"teams": len(teams), "members": members},
                items=teams[:10],
            )
        )
    if has_role(user, "hr"):
        cards.append(
            Card(
                title=_("Organisatie"),
                text=_("Houd de organisatie bij met de CSV-import uit het HR-systeem."),
                link=reverse("organisatie_import"),
                link_label=_("Organisatie importeren"),
            )
        )
    return cards


def leidinggevende_van(person) -> Medewerker | None:
    """Medewerker.leidinggevende in one query for the usual two levels (team, team above)."""
    person = Medewerker.objects.select_related(
        "team__leidinggevende", "team__bovenliggend_team__leidinggevende"
    ).get(pk=person.pk)
    return person.leidinggevende()
