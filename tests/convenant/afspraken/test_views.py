"""The pages, as people use them: owner, colleague, outsider, leidinggevende and vervanger."""

import html
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from convenant import services
from convenant.models import Afspraak, Delegatie, Status
from pilot.models import AuditEvent, Notificatie
from tests.convenant.factories import AfspraakFactory, DelegatieFactory
from tests.factories import MedewerkerFactory

MOTIVATIE = "Het team heeft u op dinsdag nodig voor het werkoverleg."


def proposal_post(**overrides) -> dict:
    data = {
        "kantoordagen": "2",
        "voorkeursdagen": ["2", "4"],
        "ingangsdatum": "2026-12-01",
        "einddatum": "2027-06-30",
        "overweging_vitaliteit": "Fietsen naar kantoor houdt me fit.",
        "toelichting": "",
        "actie": "indienen",
    }
    data.update(overrides)
    return data


def test_employee_submits_a_proposal_and_sees_it_on_mijn_afspraak(client, org):
    client.force_login(org["eigenaar"])
    response = client.post(reverse("afspraak_nieuw"), proposal_post(), follow=True)
    assert "Uw voorstel is ingediend bij uw leidinggevende." in response.text
    afspraak = Afspraak.objects.get()
    assert afspraak.status == Status.INGEDIEND
    assert afspraak.overwegingen == {"vitaliteit": "Fietsen naar kantoor houdt me fit."}
    page = client.get(reverse("mijn_afspraak")).text
    assert "Versie 1 — ingediend" in page
    assert "Voorstel ingediend" in page  # the timeline
    assert "Streefnorm: 2 dagen per week" in page
    assert Notificatie.objects.filter(ontvanger=org["leider"]).exists()


def test_a_double_submit_stores_one_proposal_and_says_why(client, org):
    client.force_login(org["eigenaar"])
    client.post(reverse("afspraak_nieuw"), proposal_post())
    response = client.post(reverse("afspraak_nieuw"), proposal_post(), follow=True)
    assert "U hebt al een voorstel dat op antwoord wacht" in response.text
    assert Afspraak.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"kantoordagen": "6"}, "kantoordagen", "hoogstens 5"),
        ({"kantoordagen": "-0.5"}, "kantoordagen", "minstens 0"),
        ({"kantoordagen": "1.3"}, "kantoordagen", "hele of halve dagen"),
        ({"voorkeursdagen": ["6"]}, "voorkeursdagen", "geldige keuze"),
        (
            {"ingangsdatum": "2030-01-07", "einddatum": "2030-02-01"},
            "ingangsdatum",
            "geen pilotperiode",
        ),
        ({"einddatum": "2027-08-01"}, "einddatum", "buiten de periode"),
        ({"einddatum": "2026-11-01"}, "einddatum", "voor de ingangsdatum"),
        ({"toelichting": "x" * 10_000}, "toelichting", "niet meer dan 2000 tekens"),
        (
            {"overweging_vitaliteit": "x" * 10_000},
            "overweging_vitaliteit",
            "niet meer dan 1000 tekens",
        ),
    ],
)
def test_bad_input_on_the_proposal_form_shows_a_message_and_saves_nothing(
    client, org, overrides, field, message
):
    client.force_login(org["eigenaar"])
    response = client.post(reverse("afspraak_nieuw"), proposal_post(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert message in " ".join(errors[field]), errors[field]
    assert not Afspraak.objects.exists()


def test_concept_can_be_saved_and_submitted_later(client, org):
    client.force_login(org["eigenaar"])
    client.post(reverse("afspraak_nieuw"), proposal_post(actie="concept"))
    afspraak = Afspraak.objects.get()
    assert afspraak.status == Status.CONCEPT
    assert not Notificatie.objects.filter(ontvanger=org["leider"]).exists()
    client.post(reverse("afspraak_indienen", args=[afspraak.pk]))
    afspraak.refresh_from_db()
    assert afspraak.status == Status.INGEDIEND


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("eigenaar", 200),
        ("leider", 200),
        ("collega", 404),
        ("buitenstaander", 404),
        ("ander_leider", 404),
    ],
)
def test_who_may_open_an_agreement(client, org, who, status):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    client.force_login(org[who])
    assert client.get(reverse("afspraak_detail", args=[afspraak.pk])).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [("eigenaar", 403), ("collega", 404), ("buitenstaander", 404), ("ander_leider", 404)],
)
def test_only_the_leidinggevende_may_decide(client, org, who, status):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    client.force_login(org[who])
    response = client.post(reverse("afspraak_besluit", args=[afspraak.pk]), {"besluit": "akkoord"})
    assert response.status_code == status
    afspraak.refresh_from_db()
    assert afspraak.status == Status.INGEDIEND


def test_leidinggevende_decides_from_the_inbox(client, org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    client.force_login(org["leider"])
    inbox = client.get(reverse("mijn_team")).text
    assert org["eigenaar"].naam in inbox
    detail = client.get(reverse("afspraak_detail", args=[afspraak.pk])).text
    assert "Uw besluit" in detail
    response = client.post(
        reverse("afspraak_besluit", args=[afspraak.pk]), {"besluit": "akkoord"}, follow=True
    )
    assert "Uw besluit is vastgelegd." in response.text
    afspraak.refresh_from_db()
    assert afspraak.status == Status.AKKOORD


def test_rejection_without_motivation_shows_the_rule_on_the_field(client, org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    client.force_login(org["leider"])
    response = client.post(
        reverse("afspraak_besluit", args=[afspraak.pk]),
        {"besluit": "afwijzen", "motivatie": "Nee."},
    )
    assert response.status_code == 200
    assert "minstens 20 tekens" in response.context["besluit_form"].errors["motivatie"][0]
    afspraak.refresh_from_db()
    assert afspraak.status == Status.INGEDIEND


def test_a_decision_in_the_wrong_state_is_a_clear_message_not_an_error_page(client, org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.AKKOORD)
    client.force_login(org["leider"])
    response = client.post(
        reverse("afspraak_besluit", args=[afspraak.pk]),
        {"besluit": "afwijzen", "motivatie": MOTIVATIE},
        follow=True,
    )
    assert response.status_code == 200
    assert "Een afspraak met status ‘akkoord’ kunt u niet afwijzen." in response.text


def test_employee_accepts_a_counter_proposal(client, org):
    afspraak = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.TEGENVOORSTEL,
        tegenvoorstel_kantoordagen=Decimal("2.5"),
        motivatie=MOTIVATIE,
    )
    client.force_login(org["eigenaar"])
    page = client.get(reverse("mijn_afspraak")).text
    assert "Accepteren" in page and "Weigeren" in page
    client.post(reverse("afspraak_antwoord", args=[afspraak.pk]), {"antwoord": "accepteren"})
    afspraak.refresh_from_db()
    assert (afspraak.status, afspraak.kantoordagen) == (Status.AKKOORD, Decimal("2.5"))


def test_the_way_to_the_comite_opens_after_a_rejection(client, org):
    AfspraakFactory(medewerker=org["eigenaar"], status=Status.AFGEWEZEN, motivatie=MOTIVATIE)
    client.force_login(org["eigenaar"])
    assert "Naar het adviserend comité" in client.get(reverse("mijn_afspraak")).text


def test_leidinggevende_starts_a_proposal_for_a_member(client, org):
    client.force_login(org["leider"])
    url = reverse("afspraak_voorstel_lid") + f"?medewerker={org['eigenaar'].pk}"
    assert client.get(url).status_code == 200
    data = proposal_post(toelichting="Graag zie ik je op de teamdag.")
    client.post(url, data)
    afspraak = Afspraak.objects.get()
    assert afspraak.status == Status.TEGENVOORSTEL
    assert afspraak.opgesteld_door == org["leider"]
    assert Notificatie.objects.filter(ontvanger=org["eigenaar"]).exists()


def test_leidinggevende_cannot_start_a_proposal_for_another_team(client, org):
    client.force_login(org["leider"])
    url = reverse("afspraak_voorstel_lid") + f"?medewerker={org['buitenstaander'].pk}"
    assert client.get(url).status_code == 404


def test_an_employee_without_a_team_to_lead_has_no_inbox(client, org):
    client.force_login(org["eigenaar"])
    assert client.get(reverse("mijn_team")).status_code == 403


# --- delegation ----------------------------------------------------------------------------


def test_vervanger_decides_in_the_managers_name_inside_the_range(client, org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    DelegatieFactory(leidinggevende=org["leider"], vervanger=org["vervanger"])
    client.force_login(org["vervanger"])
    assert org["eigenaar"].naam in client.get(reverse("mijn_team")).text
    client.post(reverse("afspraak_besluit", args=[afspraak.pk]), {"besluit": "akkoord"})
    afspraak.refresh_from_db()
    assert afspraak.status == Status.AKKOORD
    event = AuditEvent.objects.get(actie="afspraak.akkoord")
    assert (event.actor, event.namens) == (org["vervanger"], org["leider"])
    page = client.get(reverse("afspraak_detail", args=[afspraak.pk])).text
    assert f"namens {org['leider'].naam}" in page


@pytest.mark.parametrize(
    ("start", "end", "revoked"),
    [
        (date(2026, 11, 1), date(2026, 11, 20), False),  # ended before today
        (date(2026, 11, 24), date(2026, 12, 4), False),  # starts tomorrow
        (date(2026, 11, 16), date(2026, 11, 27), True),  # revoked
    ],
)
def test_vervanger_sees_nothing_outside_the_range(client, org, start, end, revoked):
    from django.utils import timezone

    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    DelegatieFactory(
        leidinggevende=org["leider"],
        vervanger=org["vervanger"],
        startdatum=start,
        einddatum=end,
        ingetrokken_op=timezone.now() if revoked else None,
    )
    client.force_login(org["vervanger"])
    assert client.get(reverse("afspraak_detail", args=[afspraak.pk])).status_code == 404
    response = client.post(reverse("afspraak_besluit", args=[afspraak.pk]), {"besluit": "akkoord"})
    assert response.status_code == 404
    assert client.get(reverse("mijn_team")).status_code == 403
    afspraak.refresh_from_db()
    assert afspraak.status == Status.INGEDIEND


def test_leidinggevende_appoints_and_revokes_a_vervanger(client, org):
    # Another leader in the same afdeling, and a team member the organisation marks eligible.
    org["ander_team"].afdeling = org["team"].afdeling
    org["ander_team"].save()
    org["collega"].mag_vervangen = True
    org["collega"].save()
    client.force_login(org["leider"])
    # As a reader sees it: a generated name may hold an apostrophe, which the page escapes.
    page = html.unescape(client.get(reverse("delegaties")).text)
    assert org["ander_leider"].naam in page
    assert org["eigenaar"].naam not in page
    response = client.post(
        reverse("delegaties"),
        {"vervanger": org["collega"].pk, "startdatum": "2026-11-23", "einddatum": "2026-12-04"},
        follow=True,
    )
    assert "De vervanger is aangewezen." in response.text
    delegatie = Delegatie.objects.get()
    assert Notificatie.objects.filter(ontvanger=org["collega"]).exists()
    client.post(reverse("delegatie_intrekken", args=[delegatie.pk]))
    delegatie.refresh_from_db()
    assert delegatie.ingetrokken_op is not None


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"startdatum": "2026-12-04", "einddatum": "2026-12-01"}, "einddatum"),
        ({"startdatum": "2026-11-01", "einddatum": "2026-12-01"}, "startdatum"),
        ({"startdatum": "2026-11-23", "einddatum": ""}, "einddatum"),
        # Three months from 23 November is 23 February; a day later is too long.
        ({"startdatum": "2026-11-23", "einddatum": "2027-02-24"}, "einddatum"),
    ],
)
def test_a_delegation_with_bad_dates_is_refused(client, org, data, field):
    org["collega"].mag_vervangen = True
    org["collega"].save()
    client.force_login(org["leider"])
    response = client.post(reverse("delegaties"), {"vervanger": org["collega"].pk, **data})
    assert field in response.context["form"].errors
    assert not Delegatie.objects.exists()


def test_a_delegation_of_three_months_exactly_is_accepted(client, org):
    org["collega"].mag_vervangen = True
    org["collega"].save()
    client.force_login(org["leider"])
    data = {"vervanger": org["collega"].pk, "startdatum": "2026-11-23", "einddatum": "2027-02-23"}
    client.post(reverse("delegaties"), data)
    assert Delegatie.objects.get().einddatum.isoformat() == "2027-02-23"


def test_a_delegation_to_a_plain_team_member_is_refused(client, org):
    client.force_login(org["leider"])
    data = {"vervanger": org["eigenaar"].pk, "startdatum": "2026-11-23", "einddatum": "2026-12-04"}
    response = client.post(reverse("delegaties"), data)
    assert response.context["form"].errors["vervanger"]
    assert not Delegatie.objects.exists()
    with pytest.raises(ValidationError) as error:
        services.delegatie_aanmaken(
            actor=org["leider"],
            vervanger=org["eigenaar"],
            startdatum=date(2026, 11, 23),
            einddatum=date(2026, 12, 4),
        )
    assert "als vervanger heeft aangemerkt" in error.value.message_dict["vervanger"][0]


def test_only_the_delegating_manager_may_revoke(client, org):
    delegatie = DelegatieFactory(leidinggevende=org["leider"], vervanger=org["vervanger"])
    client.force_login(org["vervanger"])
    assert client.post(reverse("delegatie_intrekken", args=[delegatie.pk])).status_code == 404


def test_start_page_shows_the_agreement_and_the_overdue_inbox(client, org):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.INGEDIEND,
        ingediend_op=datetime(2026, 11, 2, 9, tzinfo=ZoneInfo("Europe/Amsterdam")),
    )
    client.force_login(org["leider"])
    page = client.get(reverse("start")).text
    assert "1 voorstel wacht op uw besluit; 1 daarvan wacht langer dan 10 werkdagen." in page
    client.force_login(org["collega"])
    page = client.get(reverse("start")).text
    assert "U hebt nog geen afspraak over kantoordagen." in page
    assert "wacht op uw besluit" not in page


def test_the_proposal_page_explains_why_no_new_proposal_can_be_made(client, org):
    AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    client.force_login(org["eigenaar"])
    response = client.get(reverse("afspraak_nieuw"))
    assert "U hebt al een voorstel dat op antwoord wacht" in response.text
    assert 'name="kantoordagen"' not in response.text


def test_afdelingshoofd_decides_for_sub_teams_too(client, org):
    from tests.factories import MedewerkerFactory

    hoofd = MedewerkerFactory(username="hoofd")
    mt = org["leider"].team
    mt.leidinggevende = hoofd
    mt.save()
    team = org["team"]
    team.bovenliggend_team = mt
    team.save()
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND)
    client.force_login(hoofd)
    assert org["eigenaar"].naam in client.get(reverse("mijn_team")).text
    client.post(
        reverse("afspraak_besluit", args=[afspraak.pk]),
        {"besluit": "afwijzen", "motivatie": MOTIVATIE, "bevestigd": "ja"},
    )
    afspraak.refresh_from_db()
    assert afspraak.status == Status.AFGEWEZEN


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", "Onder de streefnorm."),
        ("1.5", "Onder de streefnorm."),
        ("2", "Dit voldoet aan uw streefnorm: 2 dagen."),
        ("", ""),
        # What the form refuses never reads as meeting the norm: the form's own message.
        ("abc", "Voer een getal in."),
        ("NaN", "Voer een getal in."),
        ("7", "Zorg ervoor dat deze waarde hoogstens 5 is."),
        ("2.25", "Geef de kantoordagen op in hele of halve dagen, bijvoorbeeld 1 of 1,5."),
    ],
)
def test_the_proposal_form_checks_the_days_against_the_norm_as_you_type(
    client, org, value, expected
):
    client.force_login(org["eigenaar"])
    form = client.get(reverse("afspraak_nieuw")).text
    assert f'hx-get="{reverse("afspraak_toets")}"' in form
    fragment = client.get(reverse("afspraak_toets"), {"kantoordagen": value}).text.strip()
    assert expected in fragment
    assert "voldoet" not in fragment or value == "2"
    if not expected:
        assert fragment == ""


def test_a_new_version_of_the_current_agreement_starts_today_not_on_the_old_start_date(
    client, org, periode
):
    AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.AKKOORD,
        ingangsdatum=periode.startdatum,
        einddatum=periode.einddatum,
    )
    client.force_login(org["eigenaar"])
    page = client.get(reverse("afspraak_nieuw")).text
    assert 'name="ingangsdatum" value="2026-11-23"' in page


@pytest.mark.parametrize(
    ("days", "text"),
    [
        ("0", "0 dagen per week"),
        ("0.5", "0,5 dag per week"),
        ("1", "1 dag per week"),
        ("1.5", "1,5 dag per week"),
        ("2", "2 dagen per week"),
    ],
)
def test_days_read_as_dutch(client, org, days, text):
    AfspraakFactory(medewerker=org["eigenaar"], status=Status.INGEDIEND, kantoordagen=Decimal(days))
    client.force_login(org["eigenaar"])
    assert f"{text}, " in client.get(reverse("mijn_afspraak")).text


# --- a concept is the employee's private draft ---------------------------------------------

PRIVE = "Mijn behandeling bij de fysiotherapeut is op dinsdag."


@pytest.fixture
def concept(org):
    DelegatieFactory(leidinggevende=org["leider"], vervanger=org["vervanger"])  # in range
    return AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.CONCEPT,
        overwegingen={"medisch_sociaal": PRIVE},
    )


@pytest.mark.parametrize(
    ("who", "status"), [("eigenaar", 200), ("leider", 404), ("vervanger", 404)]
)
def test_a_concept_is_shown_to_its_owner_only(client, org, concept, who, status):
    client.force_login(org[who])
    response = client.get(reverse("afspraak_detail", args=[concept.pk]))
    assert response.status_code == status
    assert (PRIVE in response.text) == (who == "eigenaar")


@pytest.mark.parametrize("who", ["leider", "vervanger"])
def test_a_concept_is_absent_from_the_inbox_and_the_team_plan_of_others(client, org, concept, who):
    client.force_login(org[who])
    for url in (reverse("mijn_team"), reverse("teamplan") + f"?team={org['team'].pk}"):
        response = client.get(url)
        assert response.status_code == 200
        assert PRIVE not in response.text
        assert reverse("afspraak_detail", args=[concept.pk]) not in response.text
    response = client.post(reverse("afspraak_indienen", args=[concept.pk]))
    assert response.status_code == 404
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT


def test_a_manager_proposes_beside_a_concept_without_learning_of_it(client, org, concept):
    client.force_login(org["leider"])
    url = reverse("afspraak_voorstel_lid") + f"?medewerker={org['eigenaar'].pk}"
    response = client.post(url, proposal_post(), follow=True)
    voorstel = Afspraak.objects.exclude(pk=concept.pk).get()
    assert response.redirect_chain[-1][0] == reverse("afspraak_detail", args=[voorstel.pk])
    assert "concept" not in response.text.lower()
    assert PRIVE not in response.text
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT


def test_once_submitted_the_manager_sees_the_proposal(client, org, concept):
    client.force_login(org["eigenaar"])
    client.post(reverse("afspraak_indienen", args=[concept.pk]))
    client.force_login(org["leider"])
    response = client.get(reverse("afspraak_detail", args=[concept.pk]))
    assert response.status_code == 200
    assert PRIVE in response.text


# --- malformed query values: a message or a 404, never a server error ------------------------

MALFORMED = ["²", "9" * 5000, "-1", "abc", "", "1.5"]


@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_team_on_the_team_plan_shows_the_own_team(client, org, value):
    client.force_login(org["leider"])
    response = client.get(reverse("teamplan"), {"team": value})
    assert response.status_code == 200
    assert response.context["overzicht"].team == org["team"]
    if value:
        assert "Dit team bestaat niet; u ziet uw eigen teamplan." in response.text


@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_member_shows_the_member_list(client, org, value):
    client.force_login(org["leider"])
    response = client.get(reverse("afspraak_voorstel_lid"), {"medewerker": value})
    assert response.status_code == 200
    assert org["eigenaar"].naam in response.text  # the list to choose from
    if value:
        assert "Kies een medewerker uit de lijst." in response.text


@pytest.mark.parametrize("value", ["99999", "9" * 18])
def test_an_unknown_team_or_member_is_a_404(client, org, value):
    client.force_login(org["leider"])
    assert client.get(reverse("teamplan"), {"team": value}).status_code == 404
    assert client.get(reverse("afspraak_voorstel_lid"), {"medewerker": value}).status_code == 404


@pytest.mark.parametrize(
    "value", [*MALFORMED, "2026-02-30", "2026-13-01", "20261123", "0000-01-01", "+2026-11-23"]
)
def test_a_malformed_peildatum_shows_today_with_a_message(client, org, value):
    client.force_login(org["leider"])
    response = client.get(reverse("teamplan"), {"team": org["team"].pk, "datum": value})
    assert response.status_code == 200
    assert response.context["overzicht"].datum == date(2026, 11, 23)
    if value:
        assert "De peildatum is geen geldige datum; het plan toont vandaag." in response.text


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_a_far_peildatum_shows_the_plan_of_that_day(client, org, value):
    client.force_login(org["leider"])
    response = client.get(reverse("teamplan"), {"team": org["team"].pk, "datum": value})
    assert response.status_code == 200
    assert response.context["overzicht"].datum == date.fromisoformat(value)


@pytest.mark.parametrize(
    ("url_name", "status", "who", "data", "consequence"),
    [
        (
            "afspraak_besluit",
            "ingediend",
            "leider",
            {"besluit": "afwijzen", "motivatie": MOTIVATIE},
            "Als u afwijst, is er geen afspraak.",
        ),
        (
            "afspraak_antwoord",
            "tegenvoorstel",
            "eigenaar",
            {"antwoord": "weigeren", "toelichting": "Dat lukt niet."},
            "Als u weigert, is er geen overeenstemming over uw kantoordagen. U kunt daarna het "
            "adviserend comité om advies vragen.",
        ),
        (
            "afspraak_intrekken",
            "ingediend",
            "eigenaar",
            {},
            "Als u het voorstel intrekt, is er niets afgesproken",
        ),
    ],
)
def test_what_cannot_be_undone_asks_for_confirmation_first_without_javascript(
    client, org, url_name, status, who, data, consequence
):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=status)
    client.force_login(org[who])
    url = reverse(url_name, args=[afspraak.pk])
    page = client.post(url, data)
    assert page.status_code == 200
    assert consequence in page.text
    assert '<input type="hidden" name="bevestigd" value="ja">' in page.text
    for name, value in data.items():
        assert f'<input type="hidden" name="{name}" value="{value}">' in page.text
    afspraak.refresh_from_db()
    assert afspraak.status == status  # nothing happened yet
    client.post(url, {**data, "bevestigd": "ja"})
    afspraak.refresh_from_db()
    assert afspraak.status != status


def test_delegation_candidates_are_searchable_and_bounded(client, org):
    for index in range(55):
        MedewerkerFactory(
            team=org["team"],
            first_name=f"Kandidaat{index:02d}",
            last_name="Vervanger",
            mag_vervangen=True,
        )
    client.force_login(org["leider"])
    form = client.get(reverse("delegaties")).context["form"]
    assert form.fields["vervanger"].queryset.count() == 50
    gezocht = client.get(reverse("delegaties"), {"zoek": "kandidaat54"}).context["form"]
    assert [m.first_name for m in gezocht.fields["vervanger"].queryset] == ["Kandidaat54"]


def test_a_wrong_value_is_marked_at_its_field_with_its_message_and_help(client, org):
    client.force_login(org["eigenaar"])
    page = client.post(
        reverse("afspraak_nieuw"), proposal_post(kantoordagen="6", voorkeursdagen=["6"])
    ).text
    field = page[page.index('id="div_id_kantoordagen"') : page.index('id="div_id_voorkeursdagen"')]
    assert '<label for="id_kantoordagen" class="form-label requiredField">' in field
    assert 'aria-invalid="true"' in field
    assert "form-control is-invalid" in field
    assert '<div id="id_kantoordagen_error" class="invalid-feedback">' in field
    assert "hoogstens 5" in field
    assert 'id="id_kantoordagen_helptext" class="form-text">Van 0 tot en met 5' in field
    days = page[page.index('id="div_id_voorkeursdagen"') : page.index('id="div_id_locatie"')]
    assert 'class="form-label fs-6">Voorkeursdagen</legend>' in days
    assert days.count('class="form-check-input is-invalid"') == 5
    assert "geldige keuze" in days
