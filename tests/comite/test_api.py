"""The API's error contract on the comité endpoints: 404 → 403 → 409 → 400, nothing changed."""

from django.urls import reverse

from tests.comite.conftest import seat_panel
from tests.comite.factories import ZaakFactory, ZittingFactory


def test_advice_without_text_is_a_400_and_changes_nothing(client, org):
    zaak = seat_panel(
        ZaakFactory(afspraak__medewerker=org["eigenaar"], status="zitting_gepland"), org
    )
    ZittingFactory(zaak=zaak)
    client.force_login(org["voorzitter"])
    response = client.post(
        reverse("zaak-advies", args=[zaak.pk]),
        {"tekst": "", "kantoordagen": "2"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "tekst": ["Schrijf het advies uit: een advies zonder tekst kan niet."]
    }
    zaak.refresh_from_db()
    assert zaak.status == "zitting_gepland"


def test_a_transition_the_state_does_not_allow_is_a_409(client, org, zaak):
    client.force_login(org["secretaris"])
    response = client.post(
        reverse("zaak-advies", args=[zaak.pk]), {}, content_type="application/json"
    )
    assert response.status_code == 409
    assert response.json() == {
        "detail": "Een zaak met status ‘aangemeld’ kunt u niet het advies vastleggen."
    }


def test_a_conflicted_member_is_refused_by_the_panel_form(client, org, zaak):
    from comite import services

    services.zaak_accepteren(actor=org["secretaris"], zaak=zaak)
    client.force_login(org["secretaris"])
    page = client.get(reverse("zaak_detail", args=[zaak.pk])).text
    assert "kan niet: " in page and "belangenconflict" in page
    response = client.post(
        reverse("zaak_actie", args=[zaak.pk, "panel"]),
        {
            "voorzitter": org["conflict"].pk,
            "lid_werkgever": org["werkgeverslid"].pk,
            "lid_or": org["orlid_comite"].pk,
        },
    )
    assert response.status_code == 400
    assert "werkt in dezelfde afdeling als de medewerker (belangenconflict)." in response.text
    assert zaak.panelleden.count() == 0
