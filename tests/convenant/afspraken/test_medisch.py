"""No medical free text in an agreement: the medical/social point is only a yes."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from convenant.models import Afspraak
from tests.convenant.factories import AfspraakFactory

NOTICE = "Schrijf hier geen diagnose of andere medische details."
VOORSTEL = {
    "kantoordagen": "2",
    "ingangsdatum": "2026-12-01",
    "einddatum": "2027-06-30",
}


def test_the_form_asks_only_whether_it_plays_a_part_and_says_where_medical_matters_go(client, org):
    client.force_login(org["eigenaar"])
    page = client.get(reverse("afspraak_nieuw")).text
    assert 'type="checkbox" name="overweging_medisch_sociaal"' in page
    assert '<textarea name="overweging_medisch_sociaal"' not in page
    assert NOTICE in page
    client.post(
        reverse("afspraak_nieuw"),
        {**VOORSTEL, "overweging_medisch_sociaal": "Ik heb een hernia", "actie": "concept"},
    )
    assert Afspraak.objects.get().overwegingen == {"medisch_sociaal": True}


def test_every_free_text_field_another_person_reads_carries_the_notice(client, org):
    client.force_login(org["eigenaar"])
    page = client.get(reverse("afspraak_nieuw")).text
    # Four explained considerations, the explanation and the reason for going below the norm:
    # the leidinggevende reads them.
    assert page.count("Uw leidinggevende leest dit.") == 6


@pytest.mark.parametrize(
    ("value", "status"), [("Op dinsdag naar de fysiotherapeut.", 400), (True, 201)]
)
def test_the_api_takes_only_true_for_it(api, org, value, status):
    response = api(org["eigenaar"]).post(
        reverse("afspraak-list"),
        {**VOORSTEL, "overwegingen": {"medisch_sociaal": value}},
        format="json",
    )
    assert response.status_code == status
    if status == 400:
        assert list(response.json()) == ["overwegingen"]
        assert not Afspraak.objects.exists()


def test_the_agreement_shows_it_plays_a_part_without_any_text(client, org):
    afspraak = AfspraakFactory(
        medewerker=org["eigenaar"], status="ingediend", overwegingen={"medisch_sociaal": True}
    )
    client.force_login(org["leider"])
    page = client.get(reverse("afspraak_detail", args=[afspraak.pk])).text
    assert "Medische en/of sociale aandachtspunten:</strong> speelt een rol" in page


@pytest.mark.django_db(transaction=True)
def test_the_migration_removes_stored_text_and_keeps_the_yes():
    executor = MigrationExecutor(connection)
    before = ("convenant", "0003_concept_naast_wachtend_voorstel")
    executor.migrate([before])
    # The state of exactly what is applied now: convenant stepped back, with what depends on it.
    executor.loader.build_graph()
    applied = list(executor.recorder.applied_migrations())
    apps = executor.loader.project_state(applied).apps
    Medewerker = apps.get_model("pilot", "Medewerker")
    Periode = apps.get_model("pilot", "Periode")
    Afspraak = apps.get_model("convenant", "Afspraak")
    person = Medewerker.objects.create(username="m", personeelsnummer="1")
    periode = Periode.objects.create(
        naam="P", startdatum=date(2026, 7, 1), einddatum=date(2027, 6, 30)
    )
    common = {
        "medewerker": person,
        "periode": periode,
        "status": "vervallen",
        "kantoordagen": Decimal(1),
        "ingangsdatum": date(2026, 7, 1),
        "einddatum": date(2026, 12, 31),
    }
    met_tekst = Afspraak.objects.create(
        versie=1,
        overwegingen={"medisch_sociaal": "Ik heb een hernia.", "vitaliteit": "Fietsen."},
        **common,
    )
    zonder = Afspraak.objects.create(versie=2, overwegingen={"vitaliteit": "Lopen."}, **common)
    executor = MigrationExecutor(connection)
    executor.migrate([("convenant", "0004_medisch_sociaal_alleen_ja")])
    met_tekst.refresh_from_db()
    zonder.refresh_from_db()
    assert met_tekst.overwegingen == {"medisch_sociaal": True, "vitaliteit": "Fietsen."}
    assert zonder.overwegingen == {"vitaliteit": "Lopen."}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
