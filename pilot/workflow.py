"""The one workflow mechanism: every state machine in the portal is a table of transitions.

A `Workflow` knows, per action, which parties may take it, from which states, and to which
state. Services call `begin()` under their row lock: it checks the party first (a wrong party
is PermissionDenied → 403), then the state (TransitionNotAllowed → 409); the service then
validates its input (400) and calls `Step.finish()`, which sets the state, saves and writes the
timeline row. Pages and the API ask `open_actions()` which buttons and links to offer, so what
the user sees and what the server accepts come from the same table.

Who someone is *for one object* (the owner, their leidinggevende, HR, …) is decided by the
app's permissions module, which returns a `Party`; this module only compares.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from pilot import audit

SYSTEEM = "systeem"


class TransitionNotAllowed(Exception):
    """A state change that the current state does not allow. The message is for the user (Dutch).

    Pages show it as an error message; the API answers 409.
    """

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# `Workflow._choose` without an explanation: refused, for a reason nobody will read.
REFUSED = object()


@dataclass(frozen=True)
class Party:
    """What a user is with respect to one object: their roles in its workflow.

    `on_behalf_of` is the leidinggevende a vervanger acts for (None: in one's own name).
    """

    user: object | None
    roles: frozenset[str] = frozenset()
    on_behalf_of: object | None = None

    @classmethod
    def system(cls) -> "Party":
        return cls(user=None, roles=frozenset({SYSTEEM}))

    def __contains__(self, role: str) -> bool:
        return role in self.roles


# A guard refuses a transition the table allows for a reason in the object itself (e.g. a
# verified earlier agreement cannot be rejected): it returns the Dutch reason, or None.
Guard = Callable[[models.Model], str | None]


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str | None]  # None: the object is being created
    target: str | None  # None: the state stays as it is (a fact is recorded)
    parties: frozenset[str]
    label: str  # for the timeline ("Voorstel ingediend")
    guard: Guard | None = None
    # Refused for the party with this text (403); default: a general sentence.
    party_message: str = ""


def transition(
    action: str,
    sources: Iterable[str | None],
    target: str | None,
    parties: Iterable[str],
    label,
    *,
    guard: Guard | None = None,
    party_message="",
) -> Transition:
    return Transition(
        action=str(action),
        sources=frozenset(None if s is None else str(s) for s in sources),
        target=None if target is None else str(target),
        parties=frozenset(str(p) for p in parties),
        label=label,
        guard=guard,
        party_message=party_message,
    )


@dataclass
class Workflow:
    """One state machine. `name` prefixes its timeline actions ("afspraak.indienen").

    An action may have more than one row when different parties take it from different states
    (the employee withdraws a submitted proposal, the leidinggevende their own proposal): the
    rows of the party's roles are tried in order.
    """

    name: str
    states: type[models.TextChoices]
    actions: type[models.TextChoices]
    transitions: list[Transition]
    noun: str  # "een afspraak": used in the refusal messages
    state_field: str = "status"
    _by_action: dict[str, list[Transition]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_action = {}
        for row in self.transitions:
            self._by_action.setdefault(row.action, []).append(row)
        unknown = set(self._by_action) - set(self.actions.values)
        if unknown:
            raise ValueError(f"{self.name}: actions not in {self.actions.__name__}: {unknown}")

    # --- reading the table -----------------------------------------------------------------

    def __getitem__(self, action: str) -> Transition:
        """The action's first row (its label and its refusal text for a wrong party)."""
        return self._by_action[str(action)][0]

    def state_of(self, obj: models.Model | None) -> str | None:
        return None if obj is None else getattr(obj, self.state_field)

    def _choose(self, obj: models.Model | None, action: str, party: Party, explain: bool = True):
        """(the row that applies, None) or (None, the exception that says why not). Without
        `explain` a refusal is (None, REFUSED): a page asking for every action of every row
        in a list need not build and translate the messages it never shows."""
        state = self.state_of(obj)
        all_rows = self._by_action[str(action)]
        rows = [row for row in all_rows if row.parties & party.roles]
        # Not the party's action at all, or in this state another party's (the leidinggevende
        # cannot withdraw the employee's submitted proposal): a wrong party, not a wrong state.
        others = [row for row in all_rows if row not in rows and state in row.sources]
        if not rows or (others and not any(state in row.sources for row in rows)):
            if not explain:
                return None, REFUSED
            first = others[0] if others else self[action]
            default = _("U mag dit niet doen bij %(noun)s.") % {"noun": self.noun}
            return None, PermissionDenied(str(first.party_message) or default)
        rows = [row for row in rows if state in row.sources]
        if not rows and not explain:
            return None, REFUSED
        if not rows:
            label = self.actions(str(action)).label
            if state is None:
                return None, TransitionNotAllowed(_("U kunt nu niet %(actie)s.") % {"actie": label})
            return None, TransitionNotAllowed(
                _("%(noun)s met status ‘%(status)s’ kunt u niet %(actie)s.")
                % {"noun": capfirst(self.noun), "status": self.states(state).label, "actie": label}
            )
        reasons = []
        for row in rows:
            reason = row.guard(obj) if row.guard is not None and obj is not None else None
            if not reason:
                return row, None
            reasons.append(reason)
        if not explain:
            return None, REFUSED
        return None, TransitionNotAllowed(str(reasons[0]))

    def refusal(self, obj: models.Model | None, action: str, party: Party) -> Exception | None:
        """Why `party` may not take `action` on `obj` now (an exception to raise), or None."""
        return self._choose(obj, action, party)[1]

    def check(self, obj: models.Model | None, action: str, party: Party) -> Transition:
        """The transition, or PermissionDenied (wrong party) / TransitionNotAllowed (state)."""
        row, error = self._choose(obj, action, party)
        if error is not None:
            raise error
        return row

    def allows(self, obj: models.Model | None, action: str, party: Party) -> bool:
        return self._choose(obj, action, party, explain=False)[1] is None

    def open_actions(self, obj: models.Model | None, party: Party) -> frozenset[str]:
        """The actions this party may take on this object now: what pages and the API offer."""
        return frozenset(action for action in self._by_action if self.allows(obj, action, party))

    def timeline_labels(self) -> dict[str, str]:
        return {f"{self.name}.{action}": rows[0].label for action, rows in self._by_action.items()}

    def state_labels(self) -> dict[str, str]:
        return dict(self.states.choices)

    # --- changing state --------------------------------------------------------------------

    def begin(self, obj: models.Model | None, action: str, party: Party) -> "Step":
        """Check the transition (call it with the object's row locked) and return the step."""
        step = self.check(obj, action, party)
        return Step(workflow=self, transition=step, party=party, from_state=self.state_of(obj))


@dataclass
class Step:
    """A checked transition, not yet applied: the service validates its input in between."""

    workflow: Workflow
    transition: Transition
    party: Party
    from_state: str | None

    @property
    def target(self) -> str | None:
        return self.transition.target if self.transition.target is not None else self.from_state

    def finish(
        self, obj: models.Model, *, update_fields: Iterable[str] | None = (), note: str = ""
    ) -> models.Model:
        """Set the target state, save (only `update_fields` and the state; None: every field),
        and write the timeline row."""
        state_field = self.workflow.state_field
        setattr(obj, state_field, self.target)
        if update_fields is None:
            obj.save()
        else:
            obj.save(update_fields=sorted({state_field, *update_fields}))
        return self.record(obj, note=note)

    def record(self, obj: models.Model, *, note: str = "") -> models.Model:
        """Only the timeline row: for an object the service has just created and saved."""
        audit.record(
            actor=self.party.user,
            action=f"{self.workflow.name}.{self.transition.action}",
            obj=obj,
            from_state=self.from_state or "",
            to_state=self.workflow.state_of(obj) or "",
            note=note,
            on_behalf_of=self.party.on_behalf_of,
        )
        return obj
