"""The norm check covers the whole span of a proposal: an exemption that ends inside it splits
the norm in parts, and every page, the live check and the API use the same parts."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from convenant.models import Afspraak, Status, UitzonderingStatus
from tests.convenant.factories import AfspraakFactory, UitzonderingFactory

MOTIVATIE = "Het team heeft u op dinsdag nodig voor het werkoverleg."
DELEN = "tot en met 3 december 2026 0 dagen, daarna 2 dagen"
ONDER = (
    f"Dit is minder dan de streefnorm ({DELEN}). Dat kan, maar kies welke overweging daarvoor "
    "de reden is."
)
REDEN = "Ik zorg tot het voorjaar voor mijn vader en werk dan vaker thuis."


@pytest.fixture
def tot_3_december(org):
    """Eva's mantelzorg exemption (0 days) ends on 3 December 2026, inside her proposal."""
    return UitzonderingFactory(
        medewerker=org["eigenaar"],
        status=UitzonderingStatus.TOEGEKEND,
        kantoordagen=Decimal(0),
        ingangsdatum=date(2026, 11, 1),
        einddatum=date(2026, 12, 3),
    )


def toets(client, **params):
    return client.get(reverse("afspraak_toets"), params).text.strip()


@pytest.mark.parametrize(
    ("dagen", "verwacht"),
    [
        ("0", f"Onder de streefnorm.</strong> Uw streefnorm: {DELEN}."),
        ("1", f"Onder de streefnorm.</strong> Uw streefnorm: {DELEN}."),
        ("2", f"Dit voldoet aan uw streefnorm: {DELEN}."),
    ],
)
def test_the_live_check_shows_the_norm_per_part_of_the_span(
    client, org, tot_3_december, dagen, verwacht
):
    client.force_login(org["eigenaar"])
    fragment = toets(client, kantoordagen=dagen, ingangsdatum="2026-11-23", einddatum="2027-06-30")
    assert verwacht in fragment


def test_the_live_check_without_an_end_date_runs_to_the_end_of_the_period(
    client, org, tot_3_december
):
    client.force_login(org["eigenaar"])
    assert f"Uw streefnorm: {DELEN}." in toets(client, kantoordagen="0")


def test_a_span_inside_the_exemption_is_one_part(client, org, tot_3_december):
    client.force_login(org["eigenaar"])
    fragment = toets(client, kantoordagen="0", ingangsdatum="2026-11-23", einddatum="2026-12-03")
    assert "Dit voldoet aan uw streefnorm: 0 dagen." in fragment


def test_an_invalid_span_never_reads_as_meeting_the_norm(client, org, tot_3_december):
    client.force_login(org["eigenaar"])
    fragment = toets(client, kantoordagen="2", ingangsdatum="2026-12-10", einddatum="2026-12-01")
    assert "De einddatum ligt voor de ingangsdatum." in fragment
    assert "voldoet" not in fragment


def test_the_leidinggevende_checks_the_members_norm_live_and_outsiders_get_a_404(
    client, org, tot_3_december
):
    params = {"kantoordagen": "1", "ingangsdatum": "2026-11-23", "einddatum": "2027-06-30"}
    client.force_login(org["leider"])
    page = client.get(reverse("afspraak_voorstel_lid"), {"medewerker": org["eigenaar"].pk}).text
    assert f'hx-get="{reverse("afspraak_toets")}?medewerker={org["eigenaar"].pk}"' in page
    fragment = toets(client, medewerker=org["eigenaar"].pk, **params)
    assert f"De streefnorm van de medewerker: {DELEN}." in fragment
    client.force_login(org["ander_leider"])
    response = client.get(reverse("afspraak_toets"), {"medewerker": org["eigenaar"].pk, **params})
    assert response.status_code == 404


def voorstel(**overrides) -> dict:
    data = {
        "kantoordagen": "0",
        "voorkeursdagen": [],
        "ingangsdatum": "2026-11-23",
        "einddatum": "2027-06-30",
        "toelichting": "",
        "actie": "indienen",
    }
    data.update(overrides)
    return data


def test_submitting_below_the_norm_in_a_later_part_asks_the_reason(client, org, tot_3_december):
    client.force_login(org["eigenaar"])
    response = client.post(reverse("afspraak_nieuw"), voorstel())
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "onder_norm_overweging": [ONDER],
        "onder_norm_toelichting": ["Geef een schriftelijke motivering van minstens 20 tekens."],
    }
    assert not Afspraak.objects.exists()
    # A concept may wait for its reason; only submitting asks for it.
    client.post(reverse("afspraak_nieuw"), voorstel(actie="concept"))
    assert Afspraak.objects.get().status == Status.CONCEPT
    response = client.post(
        reverse("afspraak_nieuw"),
        voorstel(onder_norm_overweging="werk_privebalans", onder_norm_toelichting=REDEN),
        follow=True,
    )
    assert "Uw voorstel is ingediend bij uw leidinggevende." in response.text
    afspraak = Afspraak.objects.get()
    assert (afspraak.status, afspraak.onder_norm_toelichting) == (Status.INGEDIEND, REDEN)


def test_submitting_a_concept_without_the_reason_sends_the_employee_back_to_the_form(
    client, org, tot_3_december
):
    concept = AfspraakFactory(
        medewerker=org["eigenaar"],
        kantoordagen=Decimal(0),
        ingangsdatum=date(2026, 11, 23),
    )
    client.force_login(org["eigenaar"])
    response = client.post(reverse("afspraak_indienen", args=[concept.pk]), follow=True)
    assert response.redirect_chain == [(reverse("afspraak_nieuw"), 302)]
    assert ONDER in response.text
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT


def test_the_leidinggevendes_proposal_below_a_later_part_needs_the_reason(
    client, org, tot_3_december
):
    client.force_login(org["leider"])
    url = f"{reverse('afspraak_voorstel_lid')}?medewerker={org['eigenaar'].pk}"
    response = client.post(url, voorstel(kantoordagen="1"))
    assert response.context["form"].errors["onder_norm_overweging"] == [ONDER]
    assert not Afspraak.objects.exists()


def test_a_counter_proposal_below_a_later_part_needs_the_reason(api, org, tot_3_december):
    afspraak = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.INGEDIEND,
        kantoordagen=Decimal(2),
        ingangsdatum=date(2026, 11, 23),
    )
    response = api(org["leider"]).post(
        reverse("afspraak-tegenvoorstel", args=[afspraak.pk]),
        {"kantoordagen": "0", "motivatie": MOTIVATIE},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["onder_norm_overweging"] == [ONDER]
    afspraak.refresh_from_db()
    assert (afspraak.status, afspraak.tegenvoorstel_kantoordagen) == (Status.INGEDIEND, None)


def test_agreeing_checks_every_part_too(api, org, tot_3_december):
    afspraak = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.INGEDIEND,
        kantoordagen=Decimal(0),
        ingangsdatum=date(2026, 11, 23),
    )
    response = api(org["leider"]).post(
        reverse("afspraak-akkoord", args=[afspraak.pk]), {}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["onder_norm_overweging"] == [ONDER]


def test_a_date_in_a_field_message_reads_as_in_a_sentence(client, org):
    client.force_login(org["eigenaar"])
    response = client.post(
        reverse("afspraak_nieuw"), voorstel(kantoordagen="2", einddatum="2027-07-31")
    )
    assert response.context["form"].errors["einddatum"] == [
        "De einddatum valt buiten de periode Vervolgperiode (test) (tot en met 30 juni 2027)."
    ]
    assert not Afspraak.objects.exists()
