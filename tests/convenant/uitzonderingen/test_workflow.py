"""Exemptions: every transition of the table, the request rules and who may decide."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from convenant import services
from convenant.models import (
    Categorie,
    Uitzondering,
    UitzonderingStatus,
)
from convenant.services.uitzondering_regels import Aanvraag
from pilot.models import AuditEvent, Notificatie
from pilot.workflow import TransitionNotAllowed
from tests.convenant.factories import DelegatieFactory, UitzonderingFactory
from tests.factories import MedewerkerFactory, TeamFactory

MOTIVATIE = "Het team heeft u op dinsdag nodig voor het werkoverleg."


def aanvraag(**overrides) -> Aanvraag:
    data = {
        "categorie": Categorie.MANTELZORG,
        "kantoordagen": Decimal(0),
        "ingangsdatum": date(2026, 12, 1),
        "einddatum": date(2027, 3, 31),
        "mantelzorg_uren": Decimal(12),
        "toelichting": "Ik zorg drie middagen per week.",
    }
    data.update(overrides)
    return Aanvraag(**data)


def _perform(actie, uitzondering, actor):
    if actie == "toekennen":
        return services.uitzondering_toekennen(actor=actor, uitzondering=uitzondering)
    if actie == "afwijzen":
        return services.uitzondering_afwijzen(
            actor=actor, uitzondering=uitzondering, motivatie=MOTIVATIE
        )
    if actie == "verifieren":
        return services.uitzondering_verifieren(actor=actor, uitzondering=uitzondering)
    if actie == "niet_aantoonbaar":
        return services.uitzondering_niet_aantoonbaar(
            actor=actor, uitzondering=uitzondering, motivatie=MOTIVATIE
        )
    raise AssertionError(actie)


# The expected table, written out: action → (the party who may take it, from → to; the same
# state: a fact recorded). Any other party is refused (403), any other state too (409).
TABEL = {
    "toekennen": ("leider", {"aangevraagd": "toegekend"}),
    "afwijzen": ("leider", {"aangevraagd": "afgewezen"}),
    "verifieren": ("hr", {"aangevraagd": "aangevraagd", "toegekend": "toegekend"}),
    "niet_aantoonbaar": ("hr", {"aangevraagd": "aangevraagd"}),
}
STATUSSEN = ["aangevraagd", "toegekend", "afgewezen", "verlopen"]
PARTIJEN = ["eigenaar", "leider", "hr"]
CASES = [(a, s, p) for a in TABEL for s in STATUSSEN for p in PARTIJEN]


@pytest.mark.parametrize(("actie", "status", "partij"), CASES)
def test_transition_table_party_and_state(org, hr, actie, status, partij):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, status=status
    )
    actor = hr if partij == "hr" else org[partij]
    wie, overgangen = TABEL[actie]
    expected = "403" if partij != wie else overgangen.get(status, "409")
    events_before = AuditEvent.objects.count()
    if expected == "403":
        with pytest.raises(PermissionDenied):
            _perform(actie, uitzondering, actor)
    elif expected == "409":
        with pytest.raises(TransitionNotAllowed) as error:
            _perform(actie, uitzondering, actor)
        assert f"status ‘{UitzonderingStatus(status).label}’" in error.value.message
    else:
        _perform(actie, uitzondering, actor)
    uitzondering.refresh_from_db()
    if expected in ("403", "409"):
        assert uitzondering.status == status
        assert AuditEvent.objects.count() == events_before
    else:
        assert uitzondering.status == expected
        event = AuditEvent.objects.filter(object_id=str(uitzondering.pk)).first()
        assert (event.actie, event.van_status, event.naar_status) == (
            f"uitzondering.{actie}",
            status,
            expected,
        )


@pytest.mark.parametrize(
    ("status", "lapses"),
    [("aangevraagd", True), ("toegekend", True), ("afgewezen", False), ("verlopen", False)],
)
def test_the_expiry_job_lapses_only_running_exemptions_and_tolerates_a_second_run(
    org, status, lapses
):
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"], status=status)
    result = services.uitzondering_laten_verlopen(uitzondering=uitzondering)
    uitzondering.refresh_from_db()
    assert (result is not None) == lapses
    assert uitzondering.status == ("verlopen" if lapses else status)
    assert services.uitzondering_laten_verlopen(uitzondering=uitzondering) is None


def test_request_is_recorded_and_the_leidinggevende_is_notified(org):
    uitzondering = services.uitzondering_aanvragen(actor=org["eigenaar"], aanvraag=aanvraag())
    assert uitzondering.status == UitzonderingStatus.AANGEVRAAGD
    assert uitzondering.mantelzorg_uren == 12
    assert uitzondering.leidinggevende == org["leider"]
    event = AuditEvent.objects.get(object_id=str(uitzondering.pk))
    assert (event.actie, event.naar_status) == ("uitzondering.aanvragen", "aangevraagd")
    melding = Notificatie.objects.get(ontvanger=org["leider"])
    assert "Aanvraag uitzondering van Eva Eigen" in melding.onderwerp
    assert "mantelzorg" in melding.tekst and "1 december 2026" in melding.tekst


def test_granting_tells_the_employee_the_lowered_norm(org):
    uitzondering = services.uitzondering_aanvragen(actor=org["eigenaar"], aanvraag=aanvraag())
    services.uitzondering_toekennen(actor=org["leider"], uitzondering=uitzondering)
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.TOEGEKEND
    assert uitzondering.besloten_door == org["leider"]
    melding = Notificatie.objects.get(ontvanger=org["eigenaar"])
    assert melding.onderwerp == "Uw uitzondering mantelzorg is toegekend"
    assert "uw streefnorm 0 dagen per week" in melding.tekst


@pytest.mark.parametrize("motivatie", ["", "Nee.", " " * 30])
def test_rejection_needs_a_written_motivation(org, motivatie):
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"])
    with pytest.raises(ValidationError) as error:
        services.uitzondering_afwijzen(
            actor=org["leider"], uitzondering=uitzondering, motivatie=motivatie
        )
    assert "minstens 20 tekens" in str(error.value.message_dict["motivatie"])
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.AANGEVRAAGD


def test_rejection_with_motivation_reaches_the_employee(org):
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"])
    services.uitzondering_afwijzen(
        actor=org["leider"], uitzondering=uitzondering, motivatie=MOTIVATIE
    )
    uitzondering.refresh_from_db()
    assert (uitzondering.status, uitzondering.motivatie) == ("afgewezen", MOTIVATIE)
    assert MOTIVATIE in Notificatie.objects.get(ontvanger=org["eigenaar"]).tekst


def test_a_verified_earlier_agreement_cannot_be_rejected(org, hr):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    services.uitzondering_verifieren(actor=hr, uitzondering=uitzondering)
    with pytest.raises(TransitionNotAllowed) as error:
        services.uitzondering_afwijzen(
            actor=org["leider"], uitzondering=uitzondering, motivatie=MOTIVATIE
        )
    assert "individueel recht" in error.value.message
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.AANGEVRAAGD
    # Granting it is what is left.
    services.uitzondering_toekennen(actor=org["leider"], uitzondering=uitzondering)
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.TOEGEKEND


def test_an_unverified_earlier_agreement_can_still_be_rejected(org):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    services.uitzondering_afwijzen(
        actor=org["leider"], uitzondering=uitzondering, motivatie=MOTIVATIE
    )
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.AFGEWEZEN


def test_verification_informs_employee_and_leidinggevende(org, hr):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    services.uitzondering_verifieren(actor=hr, uitzondering=uitzondering)
    uitzondering.refresh_from_db()
    assert uitzondering.geverifieerd_door == hr
    assert Notificatie.objects.filter(ontvanger=org["eigenaar"]).count() == 1
    assert "ken de uitzondering toe" in Notificatie.objects.get(ontvanger=org["leider"]).tekst


def test_verification_rules(org, hr):
    mantelzorg = UitzonderingFactory(medewerker=org["eigenaar"])
    with pytest.raises(TransitionNotAllowed, match="Alleen een eerdere schriftelijke afspraak"):
        services.uitzondering_verifieren(actor=hr, uitzondering=mantelzorg)
    eerdere = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    with pytest.raises(PermissionDenied):
        services.uitzondering_verifieren(actor=org["leider"], uitzondering=eerdere)
    services.uitzondering_verifieren(actor=hr, uitzondering=eerdere)
    with pytest.raises(TransitionNotAllowed, match="al geverifieerd"):
        services.uitzondering_verifieren(actor=hr, uitzondering=eerdere)
    own = UitzonderingFactory(medewerker=hr, categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1)
    with pytest.raises(PermissionDenied):
        services.uitzondering_verifieren(actor=hr, uitzondering=own)


def test_only_the_leidinggevende_of_the_team_decides(org):
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"])
    for actor in (org["eigenaar"], org["collega"], org["ander_leider"]):
        with pytest.raises(PermissionDenied):
            services.uitzondering_toekennen(actor=actor, uitzondering=uitzondering)
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.AANGEVRAAGD


def test_an_afdelingshoofd_decides_for_sub_teams(org):
    hoofd = MedewerkerFactory()
    boven = TeamFactory(leidinggevende=hoofd)
    org["team"].bovenliggend_team = boven
    org["team"].save()
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"])
    services.uitzondering_toekennen(actor=hoofd, uitzondering=uitzondering)
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.TOEGEKEND


def test_a_vervanger_decides_only_inside_the_delegation(org):
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"])
    later = DelegatieFactory(
        leidinggevende=org["leider"],
        vervanger=org["vervanger"],
        startdatum=date(2026, 12, 1),
        einddatum=date(2026, 12, 5),
    )
    with pytest.raises(PermissionDenied):
        services.uitzondering_toekennen(actor=org["vervanger"], uitzondering=uitzondering)
    later.startdatum = date(2026, 11, 20)
    later.save()
    vervanger = type(org["vervanger"]).objects.get(pk=org["vervanger"].pk)  # a new request
    services.uitzondering_toekennen(actor=vervanger, uitzondering=uitzondering)
    event = AuditEvent.objects.filter(actie="uitzondering.toekennen").get()
    assert (event.actor, event.namens) == (org["vervanger"], org["leider"])


# --- bad input: a clear message, nothing stored ---------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"einddatum": date(2026, 11, 30)}, "einddatum", "voor de ingangsdatum"),
        ({"kantoordagen": Decimal(2)}, "kantoordagen", "nooit omhoog"),
        ({"kantoordagen": Decimal(3)}, "kantoordagen", "kies minder dan 2"),
        ({"kantoordagen": Decimal("0.3")}, "kantoordagen", "hele of halve dagen"),
        ({"mantelzorg_uren": None}, "mantelzorg_uren", "hoeveel uur per week"),
        ({"mantelzorg_uren": Decimal(0)}, "mantelzorg_uren", "meer dan 0"),
        (
            {"categorie": Categorie.MEDISCH, "mantelzorg_uren": Decimal(4)},
            "mantelzorg_uren",
            "alleen bij de categorie mantelzorg",
        ),
        (
            {"categorie": Categorie.OVERIG, "mantelzorg_uren": None, "toelichting": ""},
            "toelichting",
            "overig",
        ),
        ({"toelichting": "x" * 501}, "toelichting", "maximaal 500"),
        ({"categorie": Categorie.DEELTIJD}, "categorie", "hoeft u niet aan te vragen"),
        (
            {"categorie": Categorie.EERDERE_AFSPRAAK, "mantelzorg_uren": None},
            "bewijsstuk",
            "Voeg de eerdere schriftelijke afspraak toe",
        ),
        (
            {"herbeoordelingsdatum": date(2027, 6, 1)},
            "herbeoordelingsdatum",
            "tussen de ingangsdatum en de einddatum",
        ),
        (
            {"categorie": Categorie.MANTELZORG, "op_advies_bedrijfsarts": True},
            "op_advies_bedrijfsarts",
            "alleen bij een medische",
        ),
    ],
)
def test_bad_request_says_what_is_wrong_and_stores_nothing(org, overrides, field, message):
    with pytest.raises(ValidationError) as error:
        services.uitzondering_aanvragen(actor=org["eigenaar"], aanvraag=aanvraag(**overrides))
    assert message in " ".join(error.value.message_dict[field])
    assert not Uitzondering.objects.exists()
    assert not AuditEvent.objects.exists()


def test_overlapping_exemptions_of_one_category_are_refused(org):
    services.uitzondering_aanvragen(actor=org["eigenaar"], aanvraag=aanvraag())
    with pytest.raises(ValidationError) as error:
        services.uitzondering_aanvragen(
            actor=org["eigenaar"],
            aanvraag=aanvraag(ingangsdatum=date(2027, 3, 31), einddatum=date(2027, 5, 31)),
        )
    assert "U hebt al een uitzondering mantelzorg (aangevraagd) van 1 december 2026" in str(
        error.value.message_dict["ingangsdatum"]
    )
    assert Uitzondering.objects.count() == 1


def test_other_categories_rejected_ones_and_following_periods_do_not_overlap(org):
    first = services.uitzondering_aanvragen(actor=org["eigenaar"], aanvraag=aanvraag())
    services.uitzondering_aanvragen(
        actor=org["eigenaar"],
        aanvraag=aanvraag(
            categorie=Categorie.MEDISCH,
            mantelzorg_uren=None,
            op_advies_bedrijfsarts=True,
            kantoordagen=Decimal(1),
        ),
    )
    services.uitzondering_aanvragen(
        actor=org["eigenaar"],
        aanvraag=aanvraag(ingangsdatum=date(2027, 4, 1), einddatum=date(2027, 6, 30)),
    )
    services.uitzondering_afwijzen(actor=org["leider"], uitzondering=first, motivatie=MOTIVATIE)
    services.uitzondering_aanvragen(actor=org["eigenaar"], aanvraag=aanvraag())
    assert Uitzondering.objects.filter(medewerker=org["eigenaar"]).count() == 4


def test_a_part_timer_can_only_go_below_the_pro_rata_norm(org):
    part_timer = MedewerkerFactory(team=org["team"], contracturen=20)  # norm 1
    with pytest.raises(ValidationError, match="kies minder dan 1"):
        services.uitzondering_aanvragen(actor=part_timer, aanvraag=aanvraag(kantoordagen=1))
    services.uitzondering_aanvragen(actor=part_timer, aanvraag=aanvraag(kantoordagen=0))


def test_no_exemption_below_a_norm_that_is_already_zero(org):
    niet_hybride = MedewerkerFactory(team=org["team"], hybride_functie=False)
    with pytest.raises(ValidationError, match="al 0 dagen"):
        services.uitzondering_aanvragen(actor=niet_hybride, aanvraag=aanvraag())


def test_no_field_can_hold_a_diagnosis_or_details_of_the_person_cared_for():
    """Privacy by the data model: medical facts are a category and a yes/no, nothing more."""
    fields = {f.name for f in Uitzondering._meta.get_fields()}
    for forbidden in ("diagnose", "klachten", "behandeling", "zorgontvanger", "relatie"):
        assert not any(forbidden in name for name in fields)
    assert {"op_advies_bedrijfsarts", "mantelzorg_uren"} <= fields


def test_hr_finds_an_earlier_agreement_not_demonstrable_and_the_leader_then_decides(
    client, org, hr
):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    client.force_login(hr)
    response = client.post(
        reverse("uitzondering_niet_aantoonbaar", args=[uitzondering.pk]),
        {"motivatie": "Het document is een conceptmail zonder handtekening."},
        follow=True,
    )
    assert "Vastgelegd: de eerdere afspraak is niet aantoonbaar." in response.text
    assert uitzondering.pk not in {
        u.pk
        for u in client.get(reverse("uitzondering_verificatie"))
        .context["data"]
        .te_verifieren.object_list
    }
    with pytest.raises(TransitionNotAllowed, match="al als niet aantoonbaar vastgelegd"):
        services.uitzondering_verifieren(actor=hr, uitzondering=uitzondering)
    client.force_login(org["leider"])
    page = client.get(reverse("uitzondering_detail", args=[uitzondering.pk])).text
    assert (
        "HR vindt deze eerdere afspraak niet aantoonbaar: Het document is een conceptmail" in page
    )
    services.uitzondering_afwijzen(
        actor=org["leider"], uitzondering=uitzondering, motivatie=MOTIVATIE
    )
    uitzondering.refresh_from_db()
    assert uitzondering.status == "afgewezen"


def test_not_demonstrable_needs_a_motivation(client, org, hr):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    client.force_login(hr)
    response = client.post(
        reverse("uitzondering_niet_aantoonbaar", args=[uitzondering.pk]), {"motivatie": ""}
    )
    assert response.context["niet_aantoonbaar_form"].errors["motivatie"] == [
        "Geef een motivering: waarom is de afspraak niet aantoonbaar?"
    ]
    uitzondering.refresh_from_db()
    assert uitzondering.niet_aantoonbaar_op is None
