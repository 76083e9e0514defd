from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from convenant.demo.uitzonderingen import build_exemptions
from convenant.models import Categorie, Uitzondering, UitzonderingStatus
from pilot.demo import build_organisation
from pilot.models import AuditEvent, Medewerker


def test_demo_exemptions_cover_every_category_and_state_and_running_twice_changes_nothing(db):
    build_organisation("small")
    first = build_exemptions("small")
    assert first["uitzonderingen"] >= 10
    categories = set(Uitzondering.objects.values_list("categorie", flat=True))
    # Deeltijd is derived from the contract hours, never stored as a request.
    assert categories == set(Categorie.values) - {Categorie.DEELTIJD}
    assert set(Uitzondering.objects.values_list("status", flat=True)) == set(
        UitzonderingStatus.values
    )
    assert Uitzondering.objects.filter(geverifieerd_op__isnull=False, status="aangevraagd")
    files = sorted(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.pdf"))
    assert (
        len(files) == first["bewijsstukken"] == Uitzondering.objects.exclude(bewijsstuk="").count()
    )
    counts = (Uitzondering.objects.count(), AuditEvent.objects.count())

    assert build_exemptions("small") == {"uitzonderingen": 0, "bewijsstukken": 0}
    assert (Uitzondering.objects.count(), AuditEvent.objects.count()) == counts
    assert len(sorted(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.pdf"))) == len(files)


def test_demo_personas_see_their_exemptions(client, db):
    call_command("demo_data", "--scale", "small", stdout=StringIO())
    medewerker = Medewerker.objects.get(username="medewerker")
    client.force_login(medewerker)
    start = client.get(reverse("start")).text
    assert "Uw uitzondering loopt af" in start
    assert (
        "U hebt een uitzondering mantelzorg tot en met" in client.get(reverse("mijn_afspraak")).text
    )
    client.force_login(Medewerker.objects.get(username="leidinggevende"))
    team = client.get(reverse("team_uitzonderingen")).context["data"]
    assert {u.categorie for u in team.te_beslissen} == {"medisch", "eerdere_afspraak"}
    assert any(u.onafwijsbaar for u in team.te_beslissen)
    client.force_login(Medewerker.objects.get(username="hr"))
    queue = client.get(reverse("uitzondering_verificatie")).context["data"]
    assert queue.te_verifieren
