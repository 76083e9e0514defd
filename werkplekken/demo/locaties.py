"""Demo buildings: locations with zones and desks on a floor plan. A building that exists is
left as it is, so a second run adds nothing."""

from django.db import transaction

from pilot.models import Team
from werkplekken.models import Locatie, Werkplek, Zone

# Small: three buildings whose names the demo agreements use (see convenant.demo).
KLEIN = (
    ("Amsterdam", "Amsterdam", "Karspeldreef 8", [1, 2, 3, 4, 5], 3, 16),
    ("Utrecht", "Utrecht", "Daalsedijk 4", [1, 2, 3, 4, 5], 2, 14),
    ("Zwolle", "Zwolle", "Pelsertstraat 2", [1, 2, 3, 4], 2, 10),
)
UWV_PLAATSEN = [
    "Amsterdam",
    "Utrecht",
    "Zwolle",
    "Eindhoven",
    "Rotterdam",
    "Den-Haag",
    "Groningen",
    "Leeuwarden",
    "Assen",
    "Emmen",
    "Enschede",
    "Hengelo",
    "Apeldoorn",
    "Arnhem",
    "Nijmegen",
    "Den-Bosch",
    "Tilburg",
    "Breda",
    "Roosendaal",
    "Goes",
    "Middelburg",
    "Heerlen",
    "Maastricht",
    "Sittard",
    "Venlo",
    "Roermond",
    "Helmond",
    "Amersfoort",
    "Hilversum",
    "Almere",
    "Lelystad",
    "Alkmaar",
    "Haarlem",
    "Hoorn",
    "Leiden",
    "Delft",
    "Dordrecht",
    "Gouda",
    "Zoetermeer",
    "Schiedam",
    "Deventer",
    "Doetinchem",
    "Ede",
    "Veenendaal",
    "Harderwijk",
    "Meppel",
    "Heerenveen",
    "Sneek",
    "Drachten",
    "Den-Helder",
]
SOORTEN = [Zone.Soort.FLEX, Zone.Soort.STILTE, Zone.Soort.SAMENWERKEN, Zone.Soort.ONTMOETEN]
PER_RIJ = 8  # desks per row on the floor plan


def _locaties(scale: str):
    if scale == "uwv":
        # 50 × 6 zones × 30 = 9 000 desks.
        return [
            (p.replace("-", " "), p.replace("-", " "), "", [1, 2, 3, 4, 5], 6, 30)
            for p in UWV_PLAATSEN
        ]
    return KLEIN


@transaction.atomic
def build_locaties(scale: str) -> dict[str, int]:
    created = {"locaties": 0, "zones": 0, "werkplekken": 0}
    teams = list(Team.objects.filter(code__endswith="-01").order_by("code"))
    for index, (naam, plaats, adres, open_dagen, zones, per_zone) in enumerate(_locaties(scale)):
        locatie, nieuw = Locatie.objects.get_or_create(
            naam=naam,
            defaults={
                "plaats": plaats,
                "adres": adres,
                "openingsdagen": open_dagen,
                "is_demo": True,
            },
        )
        if not nieuw:
            continue
        created["locaties"] += 1
        rijen = -(-per_zone // PER_RIJ)
        hoogte = 40 + rijen * 45
        nieuwe_zones = [
            Zone(
                locatie=locatie,
                naam=f"Zone {chr(65 + z)}",
                soort=SOORTEN[z % len(SOORTEN)],
                verdieping=z // 2,
                # The first zone of the first buildings is a team's home zone (vast honk).
                thuisteam=teams[index] if z == 0 and index < len(teams) else None,
                x=10 + (z % 2) * 390,
                y=10 + (z // 2) * (hoogte + 10),
                breedte=380,
                hoogte=hoogte,
            )
            for z in range(zones)
        ]
        Zone.objects.bulk_create(nieuwe_zones)
        created["zones"] += len(nieuwe_zones)
        desks = []
        for zone in Zone.objects.filter(locatie=locatie):
            letter = zone.naam[-1]
            for d in range(per_zone):
                desks.append(
                    Werkplek(
                        zone=zone,
                        code=f"{letter}-{d + 1:02d}",
                        hoog_laag=d % 3 == 0,
                        toegankelijk=d % 10 == 0,
                        dubbel_scherm=d % 2 == 0,
                        reserveerbaar=d % 15 != 14,
                        x=zone.x + 10 + (d % PER_RIJ) * 45,
                        y=zone.y + 30 + (d // PER_RIJ) * 45,
                    )
                )
        Werkplek.objects.bulk_create(desks, batch_size=5000)
        created["werkplekken"] += len(desks)
    return created
