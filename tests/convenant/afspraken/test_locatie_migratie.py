"""The agreement's office location text becomes a werkplekken.Locatie: matched by name or town
(case and spaces ignored); what matches nothing is reported with its count."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VOOR = ("convenant", "0007_afspraak_bron")
NA = ("convenant", "0009_afspraak_locatie_is_locatie")


@pytest.mark.django_db(transaction=True)
def test_text_is_matched_by_name_or_town_and_the_rest_is_reported(capsys):
    executor = MigrationExecutor(connection)
    executor.migrate([VOOR])
    executor.loader.build_graph()
    apps = executor.loader.project_state(list(executor.recorder.applied_migrations())).apps
    Locatie = apps.get_model("werkplekken", "Locatie")
    Afspraak = apps.get_model("convenant", "Afspraak")
    Medewerker = apps.get_model("pilot", "Medewerker")
    Periode = apps.get_model("pilot", "Periode")
    utrecht = Locatie.objects.create(naam="Kantoor Utrecht", plaats="Utrecht", openingsdagen=[1])
    zwolle = Locatie.objects.create(naam="Zwolle Centrum", plaats="Zwolle", openingsdagen=[1])
    person = Medewerker.objects.create(username="m", personeelsnummer="1")
    periode = Periode.objects.create(
        naam="P", startdatum=date(2026, 7, 1), einddatum=date(2027, 6, 30)
    )
    for versie, tekst in enumerate([" utrecht", "ZWOLLE CENTRUM", "Atlantis", "Atlantis"], 1):
        Afspraak.objects.create(
            medewerker=person,
            periode=periode,
            versie=versie,
            status="vervallen",
            kantoordagen=Decimal(1),
            ingangsdatum=date(2026, 7, 1),
            einddatum=date(2026, 7, 31),
            locatie=tekst,
        )
    executor = MigrationExecutor(connection)
    executor.migrate([NA])
    executor.loader.build_graph()
    apps = executor.loader.project_state(list(executor.recorder.applied_migrations())).apps
    Afspraak = apps.get_model("convenant", "Afspraak")
    assert list(Afspraak.objects.order_by("versie").values_list("locatie_id", flat=True)) == [
        utrecht.pk,
        zwolle.pk,
        None,
        None,
    ]
    assert "'Atlantis': 2" in capsys.readouterr().out
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
