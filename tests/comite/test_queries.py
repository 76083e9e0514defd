"""Pages read a fixed number of rows: the same query count at two data sizes."""

import re

import pytest
from django.urls import reverse

from comite.models import Document, Notitie
from tests.comite.conftest import seat_panel
from tests.comite.factories import ZaakFactory
from tests.factories import MedewerkerFactory


def _zaken(org, n):
    for _ in range(n):
        ZaakFactory(afspraak__medewerker=MedewerkerFactory(team=org["eigenaar"].team))


def _vol_dossier(org, zaak, n):
    for i in range(n):
        Notitie.objects.create(zaak=zaak, auteur=org["voorzitter"], tekst=f"Notitie {i}")
        Document.objects.create(
            zaak=zaak,
            kant="medewerker",
            omschrijving=f"Document {i}",
            opslagnaam=f"x/{i}.pdf",
            soort="pdf",
            grootte=10,
        )


@pytest.mark.parametrize("n", [1, 8])
def test_the_queue(client, org, django_assert_num_queries, n):
    _zaken(org, n)
    client.force_login(org["secretaris"])
    # session, user, roles, unread count (4); counts per state, page count, page rows (3);
    # the rest is the start-page context of the menu.
    with django_assert_num_queries(8):
        assert client.get(reverse("comite_wachtrij")).status_code == 200


@pytest.mark.parametrize("n", [1, 8])
def test_the_dossier(client, org, zaak, django_assert_num_queries, n):
    seat_panel(zaak, org)
    _vol_dossier(org, zaak, n)
    client.force_login(org["voorzitter"])
    # The case with its panel and overdue flag, its two people; the agreement's versions; one
    # timeline for the case and those versions; documents, notes; plus the fixed cost of every
    # page (session, user, roles, decision scope, menu): the same whatever the dossier holds.
    with django_assert_num_queries(13):
        assert client.get(reverse("zaak_detail", args=[zaak.pk])).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_the_case_list_api_pages_with_a_cursor(client, org, django_assert_num_queries, n):
    _zaken(org, n)
    client.force_login(org["secretaris"])
    # session, user, roles, decision scope; the page of cases; their panels; delegations
    # (for the open actions): the same at both sizes, and no count.
    with django_assert_num_queries(7):
        body = client.get(reverse("zaak-list")).json()
    assert "count" not in body
    assert len(body["results"]) == min(n, 25)
    ids = [zaak["id"] for zaak in body["results"]]
    assert ids == sorted(ids, reverse=True)
    if n > 25:
        rest = client.get(body["next"]).json()
        assert len(rest["results"]) == n - 25
        assert rest["results"][0]["id"] < ids[-1]
    else:
        assert body["next"] is None


@pytest.mark.parametrize("n", [0, 3])
def test_the_geschil_list_api_runs_the_same_queries_empty_or_not(
    client, org, django_assert_num_queries, n
):
    from datetime import timedelta

    from django.utils import timezone

    from comite.models import Geschil

    for _ in range(n):
        zaak = ZaakFactory(
            afspraak__medewerker=MedewerkerFactory(team=org["eigenaar"].team),
            status="niet_opgelost",
            afgesloten_op=timezone.now(),
        )
        Geschil.objects.create(
            zaak=zaak,
            status="ingediend",
            toelichting="Ik vraag een bindende uitspraak.",
            ingediend_op=timezone.now(),
            uitspraak_termijn=timezone.localdate() + timedelta(days=30),
        )
    client.force_login(org["leider"])
    # session, user, roles, decision scope, delegations; the page of geschillen.
    with django_assert_num_queries(6):
        body = client.get(reverse("geschil-list")).json()
    assert "count" not in body
    assert len(body["results"]) == n


@pytest.mark.parametrize("n", [2, 30])
def test_my_panels_page_through_the_cases(client, org, django_assert_num_queries, n):
    for _ in range(n):
        seat_panel(ZaakFactory(afspraak__medewerker=MedewerkerFactory()), org)
    client.force_login(org["voorzitter"])
    # session, user, roles, decision scope, unread count; the count and the page of cases.
    with django_assert_num_queries(7):
        page = client.get(reverse("mijn_panels")).content.decode()
    assert len(re.findall(r">Zaak \d+</a>", page)) == min(n, 25)
    assert ("Pagina 1 van 2" in page) == (n > 25)
