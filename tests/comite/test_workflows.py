"""The literal transition tables: party × action × state → result, written out by hand."""

import pytest
from django.core.exceptions import PermissionDenied

from comite.workflows import GESCHIL_WORKFLOW, ZAAK_WORKFLOW
from pilot.workflow import Party, TransitionNotAllowed

ZAAK_STATES = [
    "aangemeld",
    "in_behandeling",
    "zitting_gepland",
    "advies_uitgebracht",
    "opgelost",
    "niet_opgelost",
    "ingetrokken",
    "niet_ontvankelijk",
]
PARTIES = ["medewerker", "leidinggevende", "secretaris", "panel", "systeem"]

# action: (parties, {source state: target}); a target of "=" keeps the state.
ZAAK_TABLE = {
    "indienen": ({"medewerker"}, {None: "aangemeld"}),
    "accepteren": ({"secretaris"}, {"aangemeld": "in_behandeling"}),
    "niet_ontvankelijk": (
        {"secretaris"},
        {"aangemeld": "niet_ontvankelijk", "in_behandeling": "niet_ontvankelijk"},
    ),
    "reactie": ({"leidinggevende"}, {"in_behandeling": "=", "zitting_gepland": "="}),
    "panel": ({"secretaris"}, {"in_behandeling": "="}),
    "zitting_plannen": (
        {"secretaris"},
        {"in_behandeling": "zitting_gepland", "zitting_gepland": "zitting_gepland"},
    ),
    "advies": ({"secretaris", "panel"}, {"zitting_gepland": "advies_uitgebracht"}),
    "advies_aanvaarden": ({"medewerker", "leidinggevende"}, {"advies_uitgebracht": "="}),
    "advies_afwijzen": (
        {"medewerker", "leidinggevende"},
        {"advies_uitgebracht": "niet_opgelost"},
    ),
    "oplossen": ({"systeem"}, {"advies_uitgebracht": "opgelost"}),
    "intrekken": (
        {"medewerker"},
        {
            "aangemeld": "ingetrokken",
            "in_behandeling": "ingetrokken",
            "zitting_gepland": "ingetrokken",
        },
    ),
    "geschil_starten": ({"medewerker"}, {"niet_opgelost": "="}),
}
GESCHIL_TABLE = {
    "indienen": ({"medewerker"}, {None: "ingediend"}),
    "in_behandeling": ({"secretaris"}, {"ingediend": "in_behandeling"}),
    "verlengen": ({"secretaris"}, {"ingediend": "=", "in_behandeling": "="}),
    "uitspraak": ({"secretaris"}, {"in_behandeling": "uitspraak"}),
}


def test_the_tables_name_exactly_these_actions():
    assert {t.action for t in ZAAK_WORKFLOW.transitions} == set(ZAAK_TABLE)
    assert {t.action for t in GESCHIL_WORKFLOW.transitions} == set(GESCHIL_TABLE)


def _cases(table, states):
    for action, (parties, moves) in table.items():
        for party in PARTIES:
            for state in [None, *states]:
                yield action, party, state, parties, moves


class _Obj:
    """A stand-in whose guards all pass: the table itself is under test here."""

    status = None
    reactie = ""
    termijn_verlengd = False


@pytest.mark.parametrize(
    ("workflow", "table", "states"),
    [
        (ZAAK_WORKFLOW, ZAAK_TABLE, ZAAK_STATES),
        (GESCHIL_WORKFLOW, GESCHIL_TABLE, ["ingediend", "in_behandeling", "uitspraak"]),
    ],
)
def test_every_party_action_and_state(workflow, table, states):
    wrong = []
    for action, party, state, parties, moves in _cases(table, states):
        obj = None
        if state is not None:
            obj = _Obj()
            obj.status = state
        who = Party(user=None, roles=frozenset({party}))
        step = workflow[action]
        # Guards refuse for reasons in the object (tested with the services); here the table.
        refusal = (
            workflow.refusal(obj, action, who)
            if step.guard is None
            else _no_guard(workflow, obj, action, who)
        )
        if party not in parties:
            expected = PermissionDenied
        elif state not in moves:
            expected = TransitionNotAllowed
        else:
            expected = None
        got = type(refusal) if refusal is not None else None
        if got is not expected:
            wrong.append(f"{action} by {party} from {state}: {got}, expected {expected}")
        if expected is None:
            target = step.target if step.target is not None else state
            want = state if moves[state] == "=" else moves[state]
            if target != want:
                wrong.append(f"{action} from {state}: to {target}, expected {want}")
    assert not wrong, "\n".join(wrong)


def _no_guard(workflow, obj, action, who):
    step = workflow[action]
    if not step.parties & who.roles:
        return PermissionDenied()
    if workflow.state_of(obj) not in step.sources:
        return TransitionNotAllowed("state")
    return None
