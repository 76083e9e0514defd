"""Who sees a case, its advice, its internal notes and the exemption's evidence."""

import pytest
from django.urls import reverse

from comite.models import Notitie
from tests.comite.conftest import seat_panel
from tests.comite.factories import AdviesFactory, ZaakFactory, ZittingFactory
from tests.convenant.factories import UitzonderingFactory

NOTITIE = "Intern: de leidinggevende lijkt niet flexibel."


@pytest.fixture
def zaak_met_advies(org):
    zaak = seat_panel(
        ZaakFactory(afspraak__medewerker=org["eigenaar"], status="advies_uitgebracht"), org
    )
    ZittingFactory(zaak=zaak)
    AdviesFactory(zaak=zaak, tekst="Het comité adviseert twee dagen.")
    Notitie.objects.create(zaak=zaak, auteur=org["voorzitter"], tekst=NOTITIE)
    return zaak


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("eigenaar", 200),
        ("leider", 200),
        ("voorzitter", 200),
        ("secretaris", 200),
        ("buiten_panel", 404),  # a comité member not on the panel
        ("or", 404),
        ("collega", 404),
        ("conflict", 404),
    ],
)
def test_who_sees_the_case(client, org, zaak_met_advies, who, status):
    client.force_login(org[who])
    assert client.get(reverse("zaak_detail", args=[zaak_met_advies.pk])).status_code == status
    api = client.get(reverse("zaak-detail", args=[zaak_met_advies.pk]))
    assert api.status_code == status


def test_the_leidinggevende_reads_the_advice_but_not_the_internal_notes(
    client, org, zaak_met_advies
):
    client.force_login(org["leider"])
    page = client.get(reverse("zaak_detail", args=[zaak_met_advies.pk])).text
    assert "Het comité adviseert twee dagen." in page
    assert NOTITIE not in page
    assert NOTITIE not in client.get(reverse("zaak-detail", args=[zaak_met_advies.pk])).text
    client.force_login(org["voorzitter"])
    assert NOTITIE in client.get(reverse("zaak_detail", args=[zaak_met_advies.pk])).text


def test_the_panel_reads_the_evidence_and_nobody_else_new_does(client, org):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie="eerdere_afspraak", status="afgewezen"
    )
    zaak = seat_panel(
        ZaakFactory(afspraak=None, uitzondering=uitzondering, medewerker=org["eigenaar"]), org
    )
    url = reverse("zaak_bewijsstuk", args=[zaak.pk])
    for who in ("leider", "secretaris", "buiten_panel", "or", "collega"):
        client.force_login(org[who])
        assert client.get(url).status_code == 404, who
        assert (
            client.get(reverse("uitzondering_bewijsstuk", args=[uitzondering.pk])).status_code
            == 404
        )
    client.force_login(org["voorzitter"])
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    from pilot.models import AuditEvent

    openings = AuditEvent.objects.filter(
        actie="zaak.bewijsstuk_openen", object_id=str(zaak.pk), actor=org["voorzitter"]
    )
    assert openings.count() == 2
    # Details of the exemption: the panel may, others who see the case may not.
    from convenant.permissions import mag_details_zien

    assert mag_details_zien(org["voorzitter"], uitzondering)
    assert not mag_details_zien(org["secretaris"], uitzondering)
    assert not mag_details_zien(org["buiten_panel"], uitzondering)
