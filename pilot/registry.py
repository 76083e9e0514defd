"""The seams through which apps plug into the portal, filled from each app's `AppConfig.ready()`.

`pilot` names no other app: the menu, the start-page cards, the demo-data steps and the
timeline's labels are lists and tables here that the apps fill when Django starts.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    # Roles that see it; empty: everyone who is logged in.
    roles: frozenset[str] = frozenset()
    # Position in the menu: lower first.
    order: int = 100


MENU: list[MenuItem] = []
# (user) -> list[Card]; the start page shows their cards in registration order.
CARD_PROVIDERS: list[Callable] = []
# (order, step): `step(scale) -> dict[str, int]` creates demo data; lower orders run first.
DEMO_STEPS: list[tuple[int, Callable]] = []
# Timeline action ("<workflow>.<action>") → label; object type ("<app>.<model>") → states.
TIMELINE_LABELS: dict[str, str] = {}
STATE_LABELS: dict[str, dict[str, str]] = {}


def register_menu_item(item: MenuItem) -> None:
    if item not in MENU:
        MENU.append(item)
        MENU.sort(key=lambda entry: entry.order)


def register_cards(provider: Callable) -> None:
    if provider not in CARD_PROVIDERS:
        CARD_PROVIDERS.append(provider)


def register_demo_step(order: int, step: Callable) -> None:
    if (order, step) not in DEMO_STEPS:
        DEMO_STEPS.append((order, step))
        DEMO_STEPS.sort(key=lambda entry: entry[0])


def register_timeline_labels(labels: dict[str, str]) -> None:
    TIMELINE_LABELS.update(labels)


def register_states(object_type: str, labels: dict[str, str]) -> None:
    STATE_LABELS.setdefault(object_type, {}).update(labels)


def register_workflow(object_type: str, workflow) -> None:
    """A workflow's action labels and state labels, for the timeline of `object_type`."""
    register_timeline_labels(workflow.timeline_labels())
    register_states(object_type, workflow.state_labels())


def timeline_label(action: str) -> str:
    return str(TIMELINE_LABELS.get(action, action))


def state_label(object_type: str, state: str) -> str:
    return str(STATE_LABELS.get(object_type, {}).get(state, state))
