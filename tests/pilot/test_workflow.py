"""The one workflow mechanism on its own: party before state, guards, open actions, labels."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied
from django.db import models

from pilot.workflow import Party, TransitionNotAllowed, Workflow, transition


class Staat(models.TextChoices):
    OPEN = "open", "open"
    DICHT = "dicht", "dicht"


class Handeling(models.TextChoices):
    MAKEN = "maken", "maken"
    SLUITEN = "sluiten", "sluiten"
    NOTEREN = "noteren", "noteren"


DEUR = Workflow(
    name="deur",
    states=Staat,
    actions=Handeling,
    noun="een deur",
    transitions=[
        transition("maken", [None], "open", ["bouwer"], "Gemaakt"),
        transition(
            "sluiten",
            ["open"],
            "dicht",
            ["portier"],
            "Gesloten",
            guard=lambda deur: "Er staat iemand in de deuropening." if deur.bezet else None,
            party_message="Alleen de portier sluit.",
        ),
        transition("noteren", ["open", "dicht"], None, ["portier", "bouwer"], "Genoteerd"),
    ],
)
PORTIER = Party(user=None, roles=frozenset({"portier"}))
BOUWER = Party(user=None, roles=frozenset({"bouwer"}))


def deur(status="open", bezet=False):
    return SimpleNamespace(status=status, bezet=bezet)


def test_the_wrong_party_is_refused_before_the_state_is_looked_at():
    with pytest.raises(PermissionDenied, match="Alleen de portier sluit."):
        DEUR.check(deur("dicht"), "sluiten", BOUWER)


def test_the_right_party_in_the_wrong_state_gets_the_state_in_words():
    with pytest.raises(TransitionNotAllowed) as error:
        DEUR.check(deur("dicht"), "sluiten", PORTIER)
    assert error.value.message == "Een deur met status ‘dicht’ kunt u niet sluiten."


def test_a_guard_refuses_with_its_own_reason():
    with pytest.raises(TransitionNotAllowed) as error:
        DEUR.check(deur("open", bezet=True), "sluiten", PORTIER)
    assert error.value.message == "Er staat iemand in de deuropening."


def test_creating_starts_from_no_state():
    assert DEUR.begin(None, "maken", BOUWER).target == "open"
    with pytest.raises(TransitionNotAllowed, match="U kunt nu niet sluiten."):
        DEUR.check(None, "sluiten", PORTIER)


def test_a_recorded_fact_keeps_the_state():
    assert DEUR.begin(deur("dicht"), "noteren", PORTIER).target == "dicht"


@pytest.mark.parametrize(
    ("obj", "party", "expected"),
    [
        (deur("open"), PORTIER, {"sluiten", "noteren"}),
        (deur("open", bezet=True), PORTIER, {"noteren"}),
        (deur("dicht"), PORTIER, {"noteren"}),
        (deur("open"), BOUWER, {"noteren"}),
        (None, BOUWER, {"maken"}),
        (deur("open"), Party(user=None), set()),
    ],
)
def test_open_actions_are_what_the_check_allows(obj, party, expected):
    assert DEUR.open_actions(obj, party) == expected


def test_timeline_labels_are_named_after_the_workflow():
    assert DEUR.timeline_labels() == {
        "deur.maken": "Gemaakt",
        "deur.sluiten": "Gesloten",
        "deur.noteren": "Genoteerd",
    }


def test_an_action_outside_the_actions_is_a_mistake_at_definition():
    with pytest.raises(ValueError, match="vliegen"):
        Workflow(
            name="fout",
            states=Staat,
            actions=Handeling,
            noun="iets",
            transitions=[transition("vliegen", ["open"], "dicht", ["portier"], "Gevlogen")],
        )
