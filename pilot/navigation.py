"""The menu, per role. Apps add their pages here as they grow."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pilot.permissions import roles_of


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


# (label, url name, roles that see it); an empty role set means everyone who is logged in.
MENU = [
    (_("Start"), "start", set()),
    (_("Organisatie-import"), "organisatie_import", {"hr"}),
    (_("Mijn afspraak"), "mijn_afspraak", set()),
    (_("Mijn uitzonderingen"), "mijn_uitzonderingen", set()),
    (_("Mijn team"), "mijn_team", {"leidinggevende"}),
    (_("Teamplan"), "teamplan", set()),
    (_("Verificatie"), "uitzondering_verificatie", {"hr"}),
    (_("Inlogblokkades"), "inlogblokkades", {"hr"}),
]


def navigation_for(user, current_path: str) -> list[NavItem]:
    roles = roles_of(user)
    items = []
    for label, url_name, needed in MENU:
        if needed and not needed & roles:
            continue
        url = reverse(url_name)
        active = current_path == url if url == "/" else current_path.startswith(url)
        items.append(NavItem(label=str(label), url=url, active=active))
    return items
