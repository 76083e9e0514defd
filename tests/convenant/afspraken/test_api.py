import pytest
from django.urls import reverse

from convenant.models import Afspraak, Status, Teamplan
from tests.convenant.factories import AfspraakFactory, DelegatieFactory

MOTIVATIE = "Het team heeft u op dinsdag nodig voor het werkoverleg."
VOORSTEL = {
    "kantoordagen": "1.5",
    "voorkeursdagen": [2, 4],
    "ingangsdatum": "2026-12-01",
    "einddatum": "2027-06-30",
    "overwegingen": {"werk_privebalans": "Mantelzorg op vrijdag."},
}
# 1,5 days is below the norm of 2: submitting it asks for the reason.
REDEN = {
    "onder_norm_overweging": "werk_privebalans",
    "onder_norm_toelichting": "Mantelzorg op vrijdag, afgesproken voor dit halfjaar.",
}


def action_url(afspraak, name):
    return reverse(f"afspraak-{name}", args=[afspraak.pk])


def test_employee_proposes_and_manager_counters_and_employee_accepts(api, org):
    created = api(org["eigenaar"]).post(
        reverse("afspraak-list"), {**VOORSTEL, **REDEN, "indienen": True}, format="json"
    )
    assert created.status_code == 201, created.json()
    assert created.json()["status"] == "ingediend"
    afspraak = Afspraak.objects.get()
    counter = api(org["leider"]).post(
        action_url(afspraak, "tegenvoorstel"),
        {"kantoordagen": "2", "motivatie": MOTIVATIE},
        format="json",
    )
    assert counter.status_code == 200, counter.json()
    assert counter.json()["tegenvoorstel_kantoordagen"] == "2.0"
    accepted = api(org["eigenaar"]).post(action_url(afspraak, "accepteren"))
    assert accepted.json()["status"] == "akkoord"
    assert accepted.json()["kantoordagen"] == "2.0"


def test_a_concept_below_the_norm_is_submitted_only_with_its_reason_then_agreed(api, org):
    api(org["eigenaar"]).post(reverse("afspraak-list"), VOORSTEL, format="json")
    afspraak = Afspraak.objects.get()
    assert afspraak.status == Status.CONCEPT
    missing = api(org["eigenaar"]).post(action_url(afspraak, "indienen"))
    assert missing.status_code == 400
    assert missing.json() == {
        "onder_norm_overweging": [
            "Dit is minder dan de streefnorm (2 dagen). Dat kan, maar kies welke overweging "
            "daarvoor de reden is."
        ],
        "onder_norm_toelichting": ["Geef een schriftelijke motivering van minstens 20 tekens."],
    }
    afspraak.refresh_from_db()
    assert (afspraak.status, afspraak.ingediend_op) == (Status.CONCEPT, None)
    api(org["eigenaar"]).post(reverse("afspraak-list"), {**VOORSTEL, **REDEN}, format="json")
    assert api(org["eigenaar"]).post(action_url(afspraak, "indienen")).status_code == 200
    # The leidinggevende agrees without repeating the reason: the employee's stands.
    ok = api(org["leider"]).post(action_url(afspraak, "akkoord"), {}, format="json")
    assert ok.status_code == 200
    assert ok.json()["status"] == "akkoord"
    assert ok.json()["onder_norm_toelichting"] == REDEN["onder_norm_toelichting"]


def test_reject_and_refuse_actions(api, org):
    ingediend = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    response = api(org["leider"]).post(
        action_url(ingediend, "afwijzen"), {"motivatie": MOTIVATIE}, format="json"
    )
    assert response.json()["status"] == "afgewezen"
    tegen = AfspraakFactory(
        medewerker=org["collega"], status=Status.TEGENVOORSTEL, tegenvoorstel_kantoordagen=3
    )
    response = api(org["collega"]).post(action_url(tegen, "weigeren"), {}, format="json")
    assert response.json()["status"] == "geen_overeenstemming"


def test_a_forbidden_transition_is_a_409_with_a_message(api, org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.AKKOORD)
    response = api(org["leider"]).post(
        action_url(afspraak, "afwijzen"), {"motivatie": MOTIVATIE}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["detail"] == "Een afspraak met status ‘akkoord’ kunt u niet afwijzen."
    afspraak.refresh_from_db()
    assert afspraak.status == Status.AKKOORD


def test_a_double_submit_is_a_409_and_stores_one_proposal(api, org):
    client = api(org["eigenaar"])
    payload = {**VOORSTEL, **REDEN, "indienen": True}
    assert client.post(reverse("afspraak-list"), payload, format="json").status_code == 201
    again = client.post(reverse("afspraak-list"), payload, format="json")
    assert again.status_code == 409
    assert Afspraak.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kantoordagen": "7"}, "kantoordagen"),
        ({"kantoordagen": "1.3"}, "kantoordagen"),
        ({"kantoordagen": "abc"}, "kantoordagen"),
        ({"voorkeursdagen": [0, 6]}, "voorkeursdagen"),
        ({"voorkeursdagen": "maandag"}, "voorkeursdagen"),
        ({"einddatum": "2026-11-01"}, "einddatum"),
        ({"einddatum": "2027-12-31"}, "einddatum"),
        ({"ingangsdatum": "2031-01-06", "einddatum": "2031-02-01"}, "ingangsdatum"),
        ({"toelichting": "x" * 10_000}, "toelichting"),
        ({"overwegingen": {"vitaliteit": "x" * 10_000}}, "overwegingen"),
        ({"overwegingen": {"hobby": "Tuinieren"}}, "overwegingen"),
    ],
)
def test_bad_input_is_a_400_with_field_errors_and_nothing_stored(api, org, change, field):
    response = api(org["eigenaar"]).post(
        reverse("afspraak-list"), {**VOORSTEL, **change}, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()
    assert not Afspraak.objects.exists()


def test_a_short_motivation_is_a_400(api, org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    response = api(org["leider"]).post(
        action_url(afspraak, "afwijzen"), {"motivatie": "Nee."}, format="json"
    )
    assert response.status_code == 400
    assert "motivatie" in response.json()


@pytest.mark.parametrize("who", ["collega", "buitenstaander", "ander_leider", "vervanger"])
def test_an_agreement_the_caller_may_not_see_is_a_404(api, org, who):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    client = api(org[who])
    assert client.get(reverse("afspraak-detail", args=[afspraak.pk])).status_code == 404
    assert client.post(action_url(afspraak, "akkoord"), {}, format="json").status_code == 404
    assert client.get(reverse("afspraak-list")).json()["results"] == []


def test_the_owner_cannot_approve_their_own_agreement(api, org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    response = api(org["eigenaar"]).post(action_url(afspraak, "akkoord"), {}, format="json")
    assert response.status_code == 403


def test_vervanger_in_range_decides_through_the_api(api, org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    DelegatieFactory(leidinggevende=org["leider"], vervanger=org["vervanger"])
    response = api(org["vervanger"]).post(action_url(afspraak, "akkoord"), {}, format="json")
    assert response.status_code == 200


def test_manager_starts_a_proposal_for_a_member_but_not_for_an_outsider(api, org):
    client = api(org["leider"])
    ok = client.post(
        reverse("afspraak-list"),
        {**VOORSTEL, "kantoordagen": "2", "medewerker": org["eigenaar"].pk},
        format="json",
    )
    assert ok.status_code == 201
    assert ok.json()["status"] == "tegenvoorstel"
    outsider = client.post(
        reverse("afspraak-list"),
        {**VOORSTEL, "kantoordagen": "2", "medewerker": org["buitenstaander"].pk},
        format="json",
    )
    assert outsider.status_code == 404


def test_teamplan_api_members_see_names_and_days_only(api, org):
    AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.AKKOORD,
        voorkeursdagen=[2],
        ingangsdatum="2026-11-02",
    )
    member_view = api(org["collega"]).get(reverse("teamplan-detail", args=[org["team"].pk]))
    assert member_view.status_code == 200
    tuesday = member_view.json()["dagen"][1]
    assert tuesday == {
        "weekdag": 2,
        "naam": "dinsdag",
        "aanwezig": [org["eigenaar"].naam],
        "teamdag": False,
    }
    manager_view = api(org["leider"]).get(reverse("teamplan-detail", args=[org["team"].pk]))
    assert manager_view.json()["dagen"][1]["percentage"] == 50
    outsider = api(org["buitenstaander"]).get(reverse("teamplan-detail", args=[org["team"].pk]))
    assert outsider.status_code == 404


def test_teamplan_vaststellen_api(api, org):
    url = reverse("teamplan-vaststellen", args=[org["team"].pk])
    response = api(org["leider"]).post(url, {"teamdagen": [2]}, format="json")
    assert response.status_code == 201
    assert response.json()["versie"] == 1
    bad = api(org["leider"]).post(url, {"teamdagen": [7]}, format="json")
    assert bad.status_code == 400
    assert api(org["eigenaar"]).post(url, {"teamdagen": [2]}, format="json").status_code == 403
    assert api(org["ander_leider"]).post(url, {"teamdagen": [2]}, format="json").status_code == 404
    assert Teamplan.objects.count() == 1
    listing = api(org["leider"]).get(reverse("teamplan-list")).json()["results"]
    row = next(team for team in listing if team["id"] == org["team"].pk)
    assert (row["vastgestelde_versie"], row["teamdagen"]) == (1, [2])


def test_schema_lists_the_actions(api, org):
    schema = api(org["eigenaar"]).get(reverse("api_schema")).content.decode()
    for path in (
        "/api/afspraken/{id}/tegenvoorstel/",
        "/api/afspraken/{id}/weigeren/",
        "/api/teamplannen/{id}/vaststellen/",
    ):
        assert path in schema


# --- a concept is the employee's private draft ---------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"), [("eigenaar", 200), ("leider", 404), ("vervanger", 404)]
)
def test_a_concept_exists_for_its_owner_only(api, org, who, status):
    DelegatieFactory(leidinggevende=org["leider"], vervanger=org["vervanger"])  # in range
    concept = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.CONCEPT,
        overwegingen={"medisch_sociaal": "Op dinsdag ga ik naar de fysiotherapeut."},
    )
    client = api(org[who])
    response = client.get(reverse("afspraak-detail", args=[concept.pk]))
    assert response.status_code == status
    listed = [row["id"] for row in client.get(reverse("afspraak-list")).json()["results"]]
    assert (concept.pk in listed) == (who == "eigenaar")
    decided = client.post(action_url(concept, "akkoord"), {}, format="json")
    assert decided.status_code == (403 if who == "eigenaar" else 404)
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT


# --- malformed ids: a 400 or a 404, never a server error -----------------------------------

MALFORMED = ["²", "9" * 5000, "-1", "abc", "", "1.5"]


@pytest.mark.parametrize("value", MALFORMED)
@pytest.mark.parametrize("resource", ["afspraken", "teamplannen"])
def test_a_malformed_id_in_the_url_is_a_404(api, org, resource, value):
    client = api(org["leider"])
    assert client.get(f"/api/{resource}/{value}/").status_code == 404


@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_id_in_the_url_of_an_action_is_a_404(api, org, value):
    client = api(org["leider"])
    response = client.post(f"/api/teamplannen/{value}/vaststellen/", {}, format="json")
    assert response.status_code == 404
    response = client.post(f"/api/afspraken/{value}/akkoord/", {}, format="json")
    assert response.status_code == 404
    assert not Teamplan.objects.exists()


@pytest.mark.parametrize("value", [*MALFORMED, "9" * 30])
def test_a_malformed_member_is_a_400(api, org, value):
    response = api(org["leider"]).post(
        reverse("afspraak-list"), {**VOORSTEL, "medewerker": value}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["medewerker"]
    assert not Afspraak.objects.exists()


def test_a_member_one_may_not_propose_for_is_a_404(api, org):
    response = api(org["leider"]).post(
        reverse("afspraak-list"),
        {**VOORSTEL, "medewerker": org["buitenstaander"].pk},
        format="json",
    )
    assert response.status_code == 404
    assert not Afspraak.objects.exists()


# --- office days: the form's words, not DRF's digit count ----------------------------------

HALVE_DAGEN = "Geef de kantoordagen op in hele of halve dagen, bijvoorbeeld 1 of 1,5."


@pytest.mark.parametrize("value", ["1.25", "1.333", "1.3", "0.25", "4.75", "1.5000000000000001"])
def test_a_counter_proposal_that_is_not_whole_or_half_days_says_so(api, org, value):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    response = api(org["leider"]).post(
        action_url(afspraak, "tegenvoorstel"),
        {"kantoordagen": value, "motivatie": MOTIVATIE},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"kantoordagen": [HALVE_DAGEN]}
    afspraak.refresh_from_db()
    assert afspraak.status == Status.INGEDIEND


@pytest.mark.parametrize(("value", "stored"), [("1.50", "1.5"), ("2.0000", "2.0"), ("0", "0.0")])
def test_whole_and_half_days_with_extra_zeros_are_accepted(api, org, value, stored):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    response = api(org["leider"]).post(
        action_url(afspraak, "tegenvoorstel"),
        {
            "kantoordagen": value,
            "motivatie": MOTIVATIE,
            "onder_norm_overweging": "vitaliteit",
            "onder_norm_toelichting": "Minder reizen houdt haar fit en gezond.",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["tegenvoorstel_kantoordagen"] == stored


@pytest.mark.parametrize("value", ["5.5", "12.5", "-0.5", "1e1"])
def test_office_days_outside_0_to_5_say_so(api, org, value):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    response = api(org["leider"]).post(
        action_url(afspraak, "tegenvoorstel"),
        {"kantoordagen": value, "motivatie": MOTIVATIE},
        format="json",
    )
    assert response.status_code == 400
    message = response.json()["kantoordagen"][0]
    assert "5" in message or "0" in message
    assert "cijfers" not in message
