"""Nobody decides about themselves, not even through a deputy (a probe's finding).

The demo afdelingshoofd leads the top team KCD-MT and sits in it: no one is above him. His
vervanger is a team leader inside that afdeling. Another afdeling's head is `topleider`.
"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from convenant.models import Afspraak, Uitzondering
from pilot.models import Notificatie

VOORSTEL = {
    "kantoordagen": "0",
    "voorkeursdagen": [],
    "ingangsdatum": "2026-12-01",
    "einddatum": "2027-06-30",
    "onder_norm_overweging": "werk_privebalans",
    "onder_norm_toelichting": "Ik leid het managementteam grotendeels op afstand.",
    "indienen": True,
}
MEDISCH = {
    "categorie": "medisch",
    "kantoordagen": "0",
    "ingangsdatum": "2026-12-01",
    "einddatum": "2027-03-31",
}


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def eigen_stukken(demo):
    hoofd = api(demo["afdelingshoofd"])
    afspraak = hoofd.post(reverse("afspraak-list"), VOORSTEL, format="json")
    uitzondering = hoofd.post(reverse("uitzondering-list"), MEDISCH, format="json")
    assert (afspraak.status_code, uitzondering.status_code) == (201, 201)
    return Afspraak.objects.get(pk=afspraak.json()["id"]), Uitzondering.objects.get(
        pk=uitzondering.json()["id"]
    )


def test_the_head_is_never_recorded_as_his_own_leidinggevende(demo, eigen_stukken):
    afspraak, uitzondering = eigen_stukken
    assert afspraak.leidinggevende is None
    assert uitzondering.leidinggevende is None


def test_hr_hears_that_nobody_can_decide_and_the_page_says_so(client, demo, eigen_stukken):
    onderwerpen = set(
        Notificatie.objects.filter(ontvanger=demo["hr"]).values_list("onderwerp", flat=True)
    )
    naam = demo["afdelingshoofd"].naam
    assert onderwerpen == {f"{naam} heeft geen leidinggevende"}
    assert Notificatie.objects.filter(ontvanger=demo["hr"]).count() == 2
    client.force_login(demo["afdelingshoofd"])
    page = client.get(reverse("mijn_afspraak")).text
    assert "In de organisatie staat niemand boven u" in page


@pytest.mark.parametrize("wie", ["vervanger", "topleider", "leidinggevende"])
def test_no_deputy_or_other_leader_sees_or_decides_the_heads_own_records(demo, eigen_stukken, wie):
    afspraak, uitzondering = eigen_stukken
    client = api(demo[wie])
    assert client.get(reverse("afspraak-detail", args=[afspraak.pk])).status_code == 404
    assert client.post(reverse("afspraak-akkoord", args=[afspraak.pk])).status_code == 404
    assert client.get(reverse("uitzondering-detail", args=[uitzondering.pk])).status_code == 404
    toekennen = reverse("uitzondering-toekennen", args=[uitzondering.pk])
    assert client.post(toekennen).status_code == 404
    afspraak.refresh_from_db()
    uitzondering.refresh_from_db()
    assert (afspraak.status, uitzondering.status) == ("ingediend", "aangevraagd")


def test_the_head_cannot_decide_his_own_records(demo, eigen_stukken):
    afspraak, uitzondering = eigen_stukken
    client = api(demo["afdelingshoofd"])
    assert client.post(reverse("afspraak-akkoord", args=[afspraak.pk])).status_code == 403
    toekennen = reverse("uitzondering-toekennen", args=[uitzondering.pk])
    assert client.post(toekennen).status_code == 403


def test_the_vervanger_decides_for_the_heads_team_but_not_for_himself(demo):
    team_leider = api(demo["leidinggevende"])  # sits in KCD-MT, under the head
    created = team_leider.post(reverse("afspraak-list"), VOORSTEL, format="json")
    assert created.status_code == 201
    afspraak = Afspraak.objects.get(pk=created.json()["id"])
    assert afspraak.leidinggevende == demo["afdelingshoofd"]
    eigen = api(demo["vervanger"]).post(reverse("afspraak-list"), VOORSTEL, format="json")
    eigen_pk = eigen.json()["id"]
    vervanger = api(demo["vervanger"])
    assert vervanger.post(reverse("afspraak-akkoord", args=[eigen_pk])).status_code == 403
    assert vervanger.post(reverse("afspraak-akkoord", args=[afspraak.pk])).status_code == 200
    afspraak.refresh_from_db()
    assert afspraak.status == "akkoord"
