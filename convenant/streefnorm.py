"""The streefnorm: the aim in office days per week for one person on one day.

2 days for a full-timer (36 h), pro rata for part-timers, rounded to whole days with halves
rounded down, never above 2, and 0 for a role that cannot work hybrid. Exemptions lower it
further: they plug in through VERLAGINGEN without this module knowing about them.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_DOWN, Decimal

from django.utils.translation import gettext as _

from convenant.formatting import getal

VOLTIJD_UREN = Decimal(36)
NORM_VOLTIJD = Decimal(2)


@dataclass(frozen=True)
class Verlaging:
    """An active exemption (or anything else) that caps the streefnorm.

    `reden` completes the sentence "streefnorm 2 → 0 …", e.g. "door uitzondering mantelzorg
    t/m 31-03-2026".
    """

    dagen: Decimal
    reden: str


@dataclass(frozen=True)
class Streefnorm:
    dagen: Decimal
    afleiding: list[str] = field(default_factory=list)


# The seam for exemptions: each entry is `(medewerkers, datum) -> {medewerker_pk: [Verlaging]}`,
# answering for many people in one query so team pages stay constant in queries.
# convenant.apps registers the exemptions' provider (convenant.selectors.uitzonderingen).
VERLAGINGEN: list[Callable[[list, date], dict[int, list[Verlaging]]]] = []


def basisnorm(contracturen: Decimal, hybride_functie: bool) -> Decimal:
    if not hybride_functie:
        return Decimal(0)
    exact = NORM_VOLTIJD * Decimal(contracturen) / VOLTIJD_UREN
    return min(NORM_VOLTIJD, exact.quantize(Decimal(1), rounding=ROUND_HALF_DOWN))


def streefnorm(medewerker, datum: date) -> Streefnorm:
    return streefnormen([medewerker], datum)[medewerker.pk]


def streefnormen(medewerkers: Iterable, datum: date) -> dict[int, Streefnorm]:
    people = list(medewerkers)
    caps: dict[int, list[Verlaging]] = {}
    for provider in VERLAGINGEN:
        for pk, items in provider(people, datum).items():
            caps.setdefault(pk, []).extend(items)
    return {person.pk: _voor(person, caps.get(person.pk, [])) for person in people}


def _voor(person, verlagingen: list[Verlaging]) -> Streefnorm:
    if not person.hybride_functie:
        return Streefnorm(
            Decimal(0),
            [_("Uw functie kan niet hybride worden uitgeoefend: de streefnorm geldt niet (0).")],
        )
    uren = Decimal(person.contracturen)
    exact = NORM_VOLTIJD * uren / VOLTIJD_UREN
    dagen = basisnorm(uren, True)
    afleiding = [
        _(
            "2 dagen bij 36 uur; bij %(uren)s uur is dat 2 × %(uren)s / 36 = %(exact)s, "
            "afgerond op hele dagen (een halve naar beneden), hoogstens 2: %(dagen)s."
        )
        % {
            "uren": getal(uren),
            "exact": getal(exact.quantize(Decimal("0.01"))),
            "dagen": getal(dagen),
        }
    ]
    for verlaging in verlagingen:
        if verlaging.dagen < dagen:
            afleiding.append(
                _("streefnorm %(van)s → %(naar)s %(reden)s")
                % {"van": getal(dagen), "naar": getal(verlaging.dagen), "reden": verlaging.reden}
            )
            dagen = verlaging.dagen
    return Streefnorm(dagen, afleiding)
