"""Mijn team: every member with where their agreement stands, searchable, filterable, paged."""

from datetime import date

from django.urls import reverse

from tests.convenant.factories import AfspraakFactory, UitzonderingFactory
from tests.factories import MedewerkerFactory


def _lid(org, voornaam: str, achternaam: str):
    return MedewerkerFactory(team=org["team"], first_name=voornaam, last_name=achternaam)


def _rijen(response) -> list[tuple[str, str]]:
    return [(r.lid.naam, r.stand) for r in response.context["leden"].pagina.object_list]


def test_each_member_shows_where_the_agreement_stands(client, org):
    open_lid = _lid(org, "Olaf", "Open")
    AfspraakFactory(medewerker=open_lid, status="ingediend")
    akkoord_lid = _lid(org, "Anna", "Akkoord")
    AfspraakFactory(medewerker=akkoord_lid, status="akkoord", ingangsdatum=date(2026, 11, 2))
    geweigerd_lid = _lid(org, "Gert", "Geweigerd")
    AfspraakFactory(medewerker=geweigerd_lid, status="afgewezen", motivatie="x" * 20)
    uitzondering_lid = _lid(org, "Ute", "Uitzondering")
    UitzonderingFactory(
        medewerker=uitzondering_lid, status="toegekend", ingangsdatum=date(2026, 11, 1)
    )
    client.force_login(org["leider"])
    response = client.get(reverse("mijn_team"))
    assert _rijen(response) == [
        ("Anna Akkoord", "akkoord"),
        ("Cas Collega", "geen"),
        ("Eva Eigen", "geen"),
        ("Gert Geweigerd", "geweigerd"),
        ("Olaf Open", "open"),
        ("Ute Uitzondering", "geen"),
    ]
    assert "met uitzondering" in response.text
    assert _rijen(client.get(reverse("mijn_team"), {"toon": "uitzondering"})) == [
        ("Ute Uitzondering", "geen")
    ]
    assert "Voorstel doen voor Olaf Open" not in response.text  # his proposal waits already
    assert "Voorstel doen voor Gert Geweigerd" in response.text


def test_a_refusal_stays_visible_until_a_later_version_supersedes_it(client, org):
    lid = _lid(org, "Gert", "Geweigerd")
    AfspraakFactory(medewerker=lid, status="geen_overeenstemming", versie=1)
    client.force_login(org["leider"])
    url = reverse("mijn_team") + "?toon=geweigerd"
    assert _rijen(client.get(url)) == [("Gert Geweigerd", "geweigerd")]
    AfspraakFactory(medewerker=lid, status="akkoord", versie=2, ingangsdatum=date(2026, 11, 2))
    assert _rijen(client.get(url)) == []


def test_an_escalated_refusal_shows_as_before_the_comite_not_as_refused(client, org):
    from tests.comite.factories import ZaakFactory

    lid = _lid(org, "Gert", "Geweigerd")
    weigering = AfspraakFactory(medewerker=lid, status="geen_overeenstemming", versie=1)
    client.force_login(org["leider"])
    ZaakFactory(afspraak=weigering, medewerker=lid, leidinggevende=org["leider"])
    assert _rijen(client.get(reverse("mijn_team") + "?toon=geweigerd")) == []
    response = client.get(reverse("mijn_team") + "?toon=voorgelegd")
    assert _rijen(response) == [("Gert Geweigerd", "voorgelegd")]
    assert "voorgelegd aan het adviserend comité" in response.text
    client.cookies["django_language"] = "en"
    english = client.get(reverse("mijn_team") + "?toon=voorgelegd").text
    assert "submitted to the advisory committee" in english


def test_search_by_name_and_filter_by_standing_work_without_javascript(client, org):
    AfspraakFactory(medewerker=_lid(org, "Olaf", "Open"), status="ingediend")
    _lid(org, "Olga", "Geen")
    client.force_login(org["leider"])
    response = client.get(reverse("mijn_team"), {"zoek": "ol", "toon": "open"})
    assert _rijen(response) == [("Olaf Open", "open")]
    assert 'value="ol"' in response.text
    assert '<option value="open" selected>' in response.text
    assert _rijen(client.get(reverse("mijn_team"), {"zoek": "olga geen"})) == [
        ("Olga Geen", "geen")
    ]


def test_a_large_span_is_paged_and_the_links_keep_the_search(client, org):
    for index in range(30):
        _lid(org, f"Lid{index:02d}", "Groot")
    client.force_login(org["leider"])
    first = client.get(reverse("mijn_team"), {"zoek": "groot"})
    assert len(first.context["leden"].pagina.object_list) == 25
    assert "30 medewerkers" in first.text
    assert "?zoek=groot&amp;pagina=2" in first.text
    second = client.get(reverse("mijn_team"), {"zoek": "groot", "pagina": "2"})
    assert len(second.context["leden"].pagina.object_list) == 5
    assert "Pagina 2 van 2" in second.text
    # An old link past the end shows the last page; a page that is no number the first.
    for pagina, eerste in (("9", "Lid25 Groot"), ("twee", "Lid00 Groot")):
        page = client.get(reverse("mijn_team"), {"zoek": "groot", "pagina": pagina})
        assert _rijen(page)[0][0] == eerste
        assert "30 medewerkers" in page.text


def test_choosing_a_member_for_a_proposal_uses_the_same_searchable_list(client, org):
    client.force_login(org["leider"])
    response = client.get(reverse("afspraak_voorstel_lid"), {"zoek": "eva"})
    assert _rijen(response) == [("Eva Eigen", "geen")]
    assert f"?medewerker={org['eigenaar'].pk}" in response.text


def test_every_filter_lists_exactly_the_members_shown_with_that_standing(client, org):
    from tests.comite.factories import ZaakFactory

    AfspraakFactory(medewerker=_lid(org, "Olaf", "Open"), status="ingediend")
    AfspraakFactory(
        medewerker=_lid(org, "Anna", "Akkoord"), status="akkoord", ingangsdatum=date(2026, 11, 2)
    )
    AfspraakFactory(medewerker=_lid(org, "Gert", "Geweigerd"), status="afgewezen")
    voorgelegd = _lid(org, "Vera", "Voorgelegd")
    ZaakFactory(
        afspraak=AfspraakFactory(medewerker=voorgelegd, status="geen_overeenstemming"),
        medewerker=voorgelegd,
        leidinggevende=org["leider"],
    )
    # Refused, then agreed in a later version: the agreement in force counts.
    later = _lid(org, "Lars", "Later")
    AfspraakFactory(medewerker=later, status="afgewezen", versie=1)
    AfspraakFactory(medewerker=later, status="akkoord", versie=2, ingangsdatum=date(2026, 11, 2))
    # An agreement that ended: no agreement now.
    AfspraakFactory(
        medewerker=_lid(org, "Eef", "Einde"),
        status="akkoord",
        ingangsdatum=date(2026, 1, 5),
        einddatum=date(2026, 6, 30),
    )
    client.force_login(org["leider"])
    alle = _rijen(client.get(reverse("mijn_team")))
    assert alle == [
        ("Anna Akkoord", "akkoord"),
        ("Cas Collega", "geen"),
        ("Eva Eigen", "geen"),
        ("Eef Einde", "geen"),
        ("Gert Geweigerd", "geweigerd"),
        ("Lars Later", "akkoord"),
        ("Olaf Open", "open"),
        ("Vera Voorgelegd", "voorgelegd"),
    ]
    for stand in ("open", "voorgelegd", "geweigerd", "akkoord", "geen"):
        gefilterd = _rijen(client.get(reverse("mijn_team"), {"toon": stand}))
        assert gefilterd == [rij for rij in alle if rij[1] == stand], stand
