"""The streefnorm: the aim in office days per week for one person on one day, and over a span.

2 days for a full-timer (36 h), pro rata for part-timers, rounded to whole days with halves
rounded down, never above 2, and 0 for a role that cannot work hybrid. Exemptions lower it
further: they plug in through VERLAGINGEN without this module knowing about them.

An agreement runs for months, and an exemption may start or end inside it, so a proposal is
checked against every part of its span (`normtoets`): the live check on the form and the
services' validation both call it, so they cannot disagree.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_DOWN, Decimal

from django.utils.translation import gettext as _

from convenant.formatting import dagen as dagen_tekst
from convenant.formatting import getal
from pilot.dates import in_sentence

VOLTIJD_UREN = Decimal(36)
NORM_VOLTIJD = Decimal(2)


@dataclass(frozen=True)
class Verlaging:
    """An active exemption (or anything else) that caps the streefnorm from `ingangsdatum` up
    to and including `einddatum` (None: no bound).

    `reden` completes the sentence "U hebt een …", e.g. "uitzondering mantelzorg tot en met
    31 maart 2026".
    """

    dagen: Decimal
    reden: str
    ingangsdatum: date | None = None
    einddatum: date | None = None

    def geldt_op(self, day: date) -> bool:
        return (self.ingangsdatum is None or self.ingangsdatum <= day) and (
            self.einddatum is None or day <= self.einddatum
        )


@dataclass(frozen=True)
class Streefnorm:
    dagen: Decimal
    # The explanation in words, to the person ("U werkt 24 uur. …") and about them, for their
    # leidinggevende ("De medewerker werkt 24 uur. …").
    afleiding: list[str] = field(default_factory=list)
    afleiding_ander: list[str] = field(default_factory=list)


# The seam for exemptions: each entry is `(medewerkers, datum, tot=None) ->
# {medewerker_pk: [Verlaging]}`: what caps the norm on `datum`, or anywhere in [datum, tot]
# when `tot` is given, answering for many people in one query so pages stay constant in
# queries. convenant.apps registers the exemptions' provider (convenant.selectors.uitzonderingen).
VERLAGINGEN: list[Callable[..., dict[int, list[Verlaging]]]] = []


def basisnorm(contracturen: Decimal, hybride_functie: bool) -> Decimal:
    if not hybride_functie:
        return Decimal(0)
    exact = NORM_VOLTIJD * Decimal(contracturen) / VOLTIJD_UREN
    return min(NORM_VOLTIJD, exact.quantize(Decimal(1), rounding=ROUND_HALF_DOWN))


def streefnorm(medewerker, datum: date) -> Streefnorm:
    return streefnormen([medewerker], datum)[medewerker.pk]


def streefnormen(medewerkers: Iterable, datum: date) -> dict[int, Streefnorm]:
    people = list(medewerkers)
    caps = _verlagingen(people, datum)
    return {person.pk: _voor(person, caps.get(person.pk, [])) for person in people}


def streefnorm_dagen(medewerkers: Iterable, datum: date) -> dict[int, Decimal]:
    """Per person only the number of days, for lists that show the norm and not how it follows
    from the hours and exemptions: the explanation is two translated sentences per person and
    per exemption, most of a member list's norm work."""
    people = list(medewerkers)
    caps = _verlagingen(people, datum)
    return {person.pk: _dagen(person, caps.get(person.pk, [])) for person in people}


def _verlagingen(people: list, datum: date) -> dict[int, list[Verlaging]]:
    caps: dict[int, list[Verlaging]] = {}
    for provider in VERLAGINGEN:
        for pk, items in provider(people, datum).items():
            caps.setdefault(pk, []).extend(items)
    return caps


def _dagen(person, verlagingen: list[Verlaging]) -> Decimal:
    """The norm in days, the one rule for it: none without a hybrid function, else the
    contract's share of two days or the lowest exemption below it (`_voor` explains it)."""
    if not person.hybride_functie:
        return Decimal(0)
    return min([basisnorm(Decimal(person.contracturen), True), *(v.dagen for v in verlagingen)])


@dataclass(frozen=True)
class Normdeel:
    """A stretch of days, up to and including `tot`, on which the norm stays the same."""

    van: date
    tot: date
    norm: Streefnorm


def normdelen(medewerker, van: date, tot: date) -> list[Normdeel]:
    """The span [van, tot] split at every date where the norm changes (an exemption starts or
    ends inside it); neighbouring parts with the same norm and explanation are one part."""
    tot = max(van, tot)
    caps: list[Verlaging] = []
    for provider in VERLAGINGEN:
        caps.extend(provider([medewerker], van, tot).get(medewerker.pk, []))
    grenzen = {van}
    for cap in caps:
        if cap.ingangsdatum and van < cap.ingangsdatum <= tot:
            grenzen.add(cap.ingangsdatum)
        if cap.einddatum and van <= cap.einddatum < tot:
            grenzen.add(cap.einddatum + timedelta(days=1))
    starts = sorted(grenzen)
    delen: list[Normdeel] = []
    for index, start in enumerate(starts):
        eind = starts[index + 1] - timedelta(days=1) if index + 1 < len(starts) else tot
        norm = _voor(medewerker, [cap for cap in caps if cap.geldt_op(start)])
        if delen and delen[-1].norm == norm:
            delen[-1] = Normdeel(delen[-1].van, eind, norm)
        else:
            delen.append(Normdeel(start, eind, norm))
    return delen


@dataclass(frozen=True)
class Normtoets:
    """A number of office days (None: not a valid number) against every part of a span."""

    dagen: Decimal | None
    delen: list[Normdeel]

    @property
    def onder(self) -> list[Normdeel]:
        if self.dagen is None:
            return []
        return [deel for deel in self.delen if self.dagen < deel.norm.dagen]

    @property
    def voldoet(self) -> bool:
        return self.dagen is not None and not self.onder

    @property
    def eerste(self) -> Streefnorm:
        return self.delen[0].norm

    @property
    def in_woorden(self) -> str:
        return normdelen_in_woorden(self.delen)


def normtoets(medewerker, dagen: Decimal | None, van: date, tot: date) -> Normtoets:
    return Normtoets(dagen, normdelen(medewerker, van, tot))


def normdelen_in_woorden(delen: list[Normdeel]) -> str:
    """'2 dagen', or per part: 'tot en met 3 december 2026 0 dagen, daarna 2 dagen'."""
    if len(delen) == 1:
        return dagen_tekst(delen[0].norm.dagen)
    stukken = []
    for index, deel in enumerate(delen):
        n = dagen_tekst(deel.norm.dagen)
        if index == 0:
            stukken.append(_("tot en met %(tot)s %(n)s") % {"tot": in_sentence(deel.tot), "n": n})
        elif index == len(delen) - 1:
            stukken.append(_("daarna %(n)s") % {"n": n})
        else:
            stukken.append(
                _("van %(van)s tot en met %(tot)s %(n)s")
                % {"van": in_sentence(deel.van), "tot": in_sentence(deel.tot), "n": n}
            )
    return ", ".join(stukken)


def _voor(person, verlagingen: list[Verlaging]) -> Streefnorm:
    if not person.hybride_functie:
        return Streefnorm(
            _dagen(person, verlagingen),
            [_("Uw functie kunt u niet hybride doen. Daarom geldt het streven niet: 0 dagen.")],
            [
                _(
                    "De functie van de medewerker kan niet hybride. Daarom geldt het streven "
                    "niet: 0 dagen."
                )
            ],
        )
    uren = Decimal(person.contracturen)
    dagen = basisnorm(uren, True)
    values = {"uren": getal(uren), "dagen": dagen_tekst(dagen)}
    afleiding = [
        _("U werkt %(uren)s uur. Bij 36 uur is het streven 2 dagen; voor u is dat %(dagen)s.")
        % values
    ]
    ander = [
        _(
            "De medewerker werkt %(uren)s uur. Bij 36 uur is het streven 2 dagen; voor de "
            "medewerker is dat %(dagen)s."
        )
        % values
    ]
    # A sentence for each exemption that lowers the norm further; the number itself is the one
    # rule of `_dagen`, which the member lists read without these sentences.
    for verlaging in verlagingen:
        if verlaging.dagen < dagen:
            values = {"reden": verlaging.reden, "dagen": dagen_tekst(verlaging.dagen)}
            afleiding.append(_("U hebt een %(reden)s. Daardoor is het streven %(dagen)s.") % values)
            ander.append(
                _("De medewerker heeft een %(reden)s. Daardoor is het streven %(dagen)s.") % values
            )
            dagen = verlaging.dagen
    return Streefnorm(_dagen(person, verlagingen), afleiding, ander)
