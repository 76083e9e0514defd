from datetime import date
from decimal import Decimal

import pytest

from convenant import streefnorm as streefnorm_module
from convenant.streefnorm import Verlaging, streefnorm, streefnorm_dagen, streefnormen
from tests.factories import MedewerkerFactory

DAG = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("uren", "verwacht"),
    [
        (36, 2),  # full-time
        (32, 2),  # 1.78 → 2
        (28, 2),  # 1.56 → 2
        (27, 1),  # exactly 1.5: halves are rounded down
        (24, 1),  # 1.33 → 1
        (18, 1),  # 1.0
        (16, 1),  # 0.89 → 1
        (8, 0),  # 0.44 → 0
    ],
)
def test_streefnorm_is_pro_rata_in_whole_days_with_halves_rounded_down(db, uren, verwacht):
    person = MedewerkerFactory(contracturen=uren)
    norm = streefnorm(person, DAG)
    assert norm.dagen == Decimal(verwacht)
    assert f"U werkt {uren} uur. Bij 36 uur is het streven 2 dagen;" in norm.afleiding[0]


def test_the_norm_is_explained_in_words_not_a_formula(db):
    norm = streefnorm(MedewerkerFactory(contracturen=24), DAG)
    assert norm.afleiding == [
        "U werkt 24 uur. Bij 36 uur is het streven 2 dagen; voor u is dat 1 dag."
    ]
    assert norm.afleiding_ander == [
        "De medewerker werkt 24 uur. Bij 36 uur is het streven 2 dagen; voor de medewerker is "
        "dat 1 dag."
    ]


def test_streefnorm_is_never_above_two_days(db):
    assert streefnorm(MedewerkerFactory(contracturen=40), DAG).dagen == 2


def test_non_hybrid_role_has_no_streefnorm(db):
    norm = streefnorm(MedewerkerFactory(contracturen=36, hybride_functie=False), DAG)
    assert norm.dagen == 0
    assert "niet hybride" in norm.afleiding[0]


def test_an_exemption_plugs_in_and_lowers_the_norm_with_its_reason(db, monkeypatch):
    exempt = MedewerkerFactory(contracturen=36)
    other = MedewerkerFactory(contracturen=36)

    def mantelzorg(people, day):
        return {exempt.pk: [Verlaging(Decimal(1), "uitzondering mantelzorg")]}

    monkeypatch.setattr(streefnorm_module, "VERLAGINGEN", [mantelzorg])
    normen = streefnormen([exempt, other], DAG)
    assert normen[exempt.pk].dagen == 1
    assert normen[exempt.pk].afleiding == [
        "U werkt 36 uur. Bij 36 uur is het streven 2 dagen; voor u is dat 2 dagen.",
        "U hebt een uitzondering mantelzorg. Daardoor is het streven 1 dag.",
    ]
    assert normen[other.pk].dagen == 2


def test_an_exemption_never_raises_the_norm(db, monkeypatch):
    part_timer = MedewerkerFactory(contracturen=16)
    monkeypatch.setattr(
        streefnorm_module,
        "VERLAGINGEN",
        [lambda people, day: {part_timer.pk: [Verlaging(Decimal(2), "Hoger")]}],
    )
    assert streefnorm(part_timer, DAG).dagen == 1


def test_the_member_lists_norm_in_days_is_the_explained_norms(db, monkeypatch):
    deeltijd = MedewerkerFactory(contracturen=24)
    laag = MedewerkerFactory(contracturen=36)
    hoger_dan_norm = MedewerkerFactory(contracturen=18)
    niet_hybride = MedewerkerFactory(contracturen=36, hybride_functie=False)

    def uitzonderingen(people, day):
        return {
            laag.pk: [Verlaging(Decimal("0.5"), "medisch"), Verlaging(Decimal(1), "mantelzorg")],
            hoger_dan_norm.pk: [Verlaging(Decimal("1.5"), "mantelzorg")],
            niet_hybride.pk: [Verlaging(Decimal(1), "mantelzorg")],
        }

    monkeypatch.setattr(streefnorm_module, "VERLAGINGEN", [uitzonderingen])
    people = [deeltijd, laag, hoger_dan_norm, niet_hybride]
    dagen = streefnorm_dagen(people, DAG)
    assert dagen == {
        deeltijd.pk: Decimal(1),
        laag.pk: Decimal("0.5"),
        hoger_dan_norm.pk: Decimal(1),  # an exemption above the norm lowers nothing
        niet_hybride.pk: Decimal(0),
    }
    assert dagen == {pk: norm.dagen for pk, norm in streefnormen(people, DAG).items()}
