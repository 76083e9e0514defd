"""The menu, per role. Apps add their pages from `AppConfig.ready()` (pilot.registry)."""

from dataclasses import dataclass

from django.urls import reverse

from pilot.permissions import roles_of
from pilot.registry import MENU


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


def navigation_for(user, current_path: str) -> list[NavItem]:
    roles = roles_of(user)
    items = []
    for entry in MENU:
        if entry.roles and not entry.roles & roles:
            continue
        url = reverse(entry.url_name)
        active = current_path == url if url == "/" else current_path.startswith(url)
        items.append(NavItem(label=str(entry.label), url=url, active=active))
    return items
