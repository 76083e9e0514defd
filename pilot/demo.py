"""Demo organisation: deterministic, so that running demo_data twice changes nothing.

Other apps add their demo data through pilot.registry.register_demo_step, in dependency order.
"""

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from pilot.models import Afdeling, Medewerker, Periode, Rol, Roltoewijzing, Team

DEMO_PASSWORD = "kantoor2025"

FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Carlijn",
    "Daan",
    "Esra",
    "Fleur",
    "Gijs",
    "Hanna",
    "Ilse",
    "Jesse",
    "Kim",
    "Lars",
    "Mila",
    "Noah",
    "Olga",
    "Pieter",
    "Quinten",
    "Roos",
    "Sem",
    "Tess",
    "Umut",
    "Vera",
    "Wout",
    "Xander",
    "Yara",
    "Zoë",
    "Fatima",
    "Mohamed",
    "Sanne",
    "Thijs",
    "Lotte",
    "Ruben",
    "Nadia",
    "Koen",
    "Iris",
    "Joost",
    "Amira",
    "Bas",
    "Merel",
    "Stijn",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Yilmaz",
    "El Amrani",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van Dijk",
    "Schouten",
    "Willems",
    "Hoekstra",
    "Koster",
    "Prins",
    "Verhoeven",
    "Kaya",
    "Postma",
    "Kuipers",
    "Huisman",
    "Boer",
]
AFDELINGEN_SMALL = (
    ("KCD", "Klantcontactdiensten"),
    ("SMZ", "Sociaal-Medische Zaken"),
    ("WB", "WERKbedrijf"),
    ("GD", "Gegevensdiensten"),
)
# (hours, weight): mostly full-time, a realistic tail of part-timers.
CONTRACT_HOURS = ((36, 50), (32, 20), (28, 10), (27, 2), (24, 9), (18, 4), (16, 3), (8, 2))


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role_label: str
    first_name: str
    last_name: str
    team_code: str
    granted: str = ""


DEMO_LOGINS = (
    DemoLogin("medewerker", "medewerker", "Mirjam", "de Medewerker", "KCD-01"),
    DemoLogin(
        "leidinggevende", "leidinggevende (van medewerker)", "Lucas", "Leidinggevende", "KCD-MT"
    ),
    DemoLogin("comitelid", "comité-lid", "Carla", "Comité", "WB-01", Rol.COMITELID),
    DemoLogin("secretaris", "comité-secretaris", "Sander", "Secretaris", "GD-01", Rol.SECRETARIS),
    DemoLogin("orlid", "OR-lid", "Otto", "Ondernemingsraad", "SMZ-01", Rol.ORLID),
    DemoLogin("facilitair", "facilitair beheer", "Femke", "Facilitair", "GD-02", Rol.FACILITAIR),
    DemoLogin("hr", "HR / functioneel beheer", "Hatice", "Personeelszaken", "GD-03", Rol.HR),
)


@dataclass(frozen=True)
class Scale:
    afdelingen: int
    teams_per_afdeling: int
    members_per_team: int


SCALES = {
    "small": Scale(afdelingen=4, teams_per_afdeling=4, members_per_team=9),
    "uwv": Scale(afdelingen=25, teams_per_afdeling=59, members_per_team=16),
}


def _afdelingen(scale: Scale) -> list[tuple[str, str]]:
    result = list(AFDELINGEN_SMALL[: scale.afdelingen])
    for index in range(len(result), scale.afdelingen):
        result.append((f"AFD{index + 1:02d}", f"Afdeling {index + 1}"))
    return result


def _hours(rng: random.Random) -> Decimal:
    (hours,) = rng.choices([h for h, _ in CONTRACT_HOURS], weights=[w for _, w in CONTRACT_HOURS])
    return Decimal(hours)


@transaction.atomic
def build_organisation(scale_name: str) -> dict[str, int]:
    """Create what is missing; leave what exists. Returns how many rows were created."""
    scale = SCALES[scale_name]
    rng = random.Random(2025)  # noqa: S311 - reproducible demo data, not security.
    created = {"afdelingen": 0, "teams": 0, "medewerkers": 0}
    password = make_password(DEMO_PASSWORD)

    afdelingen = {}
    for code, naam in _afdelingen(scale):
        afdelingen[code], was_created = Afdeling.objects.get_or_create(
            code=code, defaults={"naam": naam}
        )
        created["afdelingen"] += was_created

    # Each afdeling: a management team (the afdelingshoofd and team leaders) and its teams.
    team_specs = []  # (code, naam, afdeling code, parent code)
    for code, afdeling in afdelingen.items():
        naam = afdeling.naam
        team_specs.append((f"{code}-MT", f"Managementteam {naam}", code, None))
        for number in range(1, scale.teams_per_afdeling + 1):
            team_specs.append((f"{code}-{number:02d}", f"{naam} team {number}", code, f"{code}-MT"))
    existing_teams = set(Team.objects.values_list("code", flat=True))
    new_teams = [
        Team(code=code, naam=naam, afdeling=afdelingen[afdeling_code])
        for code, naam, afdeling_code, _parent in team_specs
        if code not in existing_teams
    ]
    Team.objects.bulk_create(new_teams, batch_size=1000)
    created["teams"] = len(new_teams)
    teams = {team.code: team for team in Team.objects.all()}

    # People: per team a leader (in the parent MT) and members; numbers are stable per position.
    person_specs = []  # (personeelsnummer, username, first, last, team code, hours, hybrid)
    leaders = {}  # team code -> personeelsnummer of its leidinggevende
    serial = 0
    for code, _naam, _afdeling, parent in team_specs:
        if parent is None:
            serial += 1
            number = f"{1000000 + serial}"
            leaders[code] = number
            person_specs.append(_person(rng, number, number, code))
            continue
        serial += 1
        leader_number = f"{1000000 + serial}"
        leaders[code] = leader_number
        person_specs.append(_person(rng, leader_number, leader_number, parent))
        for _member in range(scale.members_per_team):
            serial += 1
            number = f"{1000000 + serial}"
            person_specs.append(_person(rng, number, number, code))
    for index, login in enumerate(DEMO_LOGINS, start=1):
        number = demo_number(index)
        person_specs.append(
            (
                number,
                login.username,
                login.first_name,
                login.last_name,
                login.team_code,
                Decimal(36),
                True,
            )
        )
        if login.username == "leidinggevende":
            leaders["KCD-01"] = number

    existing_people = set(Medewerker.objects.values_list("personeelsnummer", flat=True))
    new_people = [
        Medewerker(
            personeelsnummer=number,
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@uwv.example",
            team=teams[team_code],
            contracturen=hours,
            hybride_functie=hybrid,
            password=password,
            is_demo=True,
        )
        for number, username, first, last, team_code, hours, hybrid in person_specs
        if number not in existing_people
    ]
    Medewerker.objects.bulk_create(new_people, batch_size=2000)
    created["medewerkers"] = len(new_people)

    people = dict(Medewerker.objects.filter(is_demo=True).values_list("personeelsnummer", "pk"))
    to_update = []
    for code, _naam, _afdeling, parent in team_specs:
        team = teams[code]
        wanted = (teams[parent].pk if parent else None, people[leaders[code]])
        if (team.bovenliggend_team_id, team.leidinggevende_id) != wanted:
            team.bovenliggend_team_id, team.leidinggevende_id = wanted
            to_update.append(team)
    Team.objects.bulk_update(to_update, ["bovenliggend_team", "leidinggevende"], batch_size=1000)

    for index, login in enumerate(DEMO_LOGINS, start=1):
        if login.granted:
            Roltoewijzing.objects.get_or_create(
                medewerker_id=people[demo_number(index)], rol=login.granted
            )
    ensure_demo_period()
    return created


def demo_number(index: int) -> str:
    return f"D{index:04d}"


def _person(rng: random.Random, number: str, username: str, team_code: str) -> tuple:
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    hours = _hours(rng)
    # Some roles (front desk, on-site services) cannot be done from home.
    hybrid = rng.random() >= 0.08
    return (number, username, first, last, team_code, hours, hybrid)


def ensure_demo_period() -> Periode:
    """The pilot has ended; a demo follow-up period covering today keeps the demo alive."""
    today = timezone.localdate()
    periode, _created = Periode.objects.update_or_create(
        naam="Vervolgperiode (demo)",
        defaults={
            "startdatum": date(2026, 7, 1),
            "einddatum": max(date(2027, 6, 30), date(today.year + 1, 6, 30)),
            "is_demo": True,
        },
    )
    return periode
