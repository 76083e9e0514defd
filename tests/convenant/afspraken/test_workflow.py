"""Every allowed and every forbidden transition of the agreement: party × action × state."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from convenant import permissions, services
from convenant.models import AFSPRAAK_WORKFLOW, Afspraak, Status
from convenant.services.afspraken import Voorstel
from pilot.models import AuditEvent, Notificatie
from pilot.workflow import TransitionNotAllowed
from tests.convenant.factories import AfspraakFactory

MOTIVATIE = "Het team heeft u op dinsdag nodig voor het werkoverleg."


def _perform(actie: str, afspraak: Afspraak, actor) -> Afspraak:
    if actie == "indienen":
        return services.afspraak_indienen(actor=actor, afspraak=afspraak)
    if actie == "akkoord":
        return services.afspraak_akkoord(actor=actor, afspraak=afspraak)
    if actie == "tegenvoorstel":
        return services.afspraak_tegenvoorstel(
            actor=actor, afspraak=afspraak, kantoordagen=Decimal("2.5"), motivatie=MOTIVATIE
        )
    if actie == "afwijzen":
        return services.afspraak_afwijzen(actor=actor, afspraak=afspraak, motivatie=MOTIVATIE)
    if actie == "accepteren":
        return services.afspraak_accepteren(actor=actor, afspraak=afspraak)
    if actie == "weigeren":
        return services.afspraak_weigeren(actor=actor, afspraak=afspraak)
    if actie == "intrekken":
        return services.afspraak_intrekken(actor=actor, afspraak=afspraak)
    raise AssertionError(actie)


# The expected table, written out: action → party → from → to. It is not read from the code
# under test. A party without the action, or asking in a state that is another party's, is
# refused (403); a state that is nobody's is refused (409). Every tegenvoorstel below was
# started by the leidinggevende (so they may withdraw it).
TABEL = {
    "indienen": {"eigenaar": {"concept": "ingediend"}},
    "akkoord": {"leider": {"ingediend": "akkoord"}},
    "tegenvoorstel": {"leider": {"ingediend": "tegenvoorstel"}},
    "afwijzen": {"leider": {"ingediend": "afgewezen"}},
    "accepteren": {"eigenaar": {"tegenvoorstel": "akkoord"}},
    "weigeren": {"eigenaar": {"tegenvoorstel": "geen_overeenstemming"}},
    "intrekken": {
        "eigenaar": {"ingediend": "ingetrokken"},
        "leider": {"tegenvoorstel": "ingetrokken"},
    },
}
STATUSSEN = [
    "concept",
    "ingediend",
    "akkoord",
    "tegenvoorstel",
    "afgewezen",
    "geen_overeenstemming",
    "ingetrokken",
    "vervallen",
]
PARTIJEN = ["eigenaar", "leider", "collega"]
CASES = [
    (actie, status, partij)
    for actie in TABEL
    for status in STATUSSEN
    for partij in PARTIJEN
    # A concept does not exist for anyone but its owner (a 404 before the workflow is asked).
    if not (status == "concept" and partij != "eigenaar")
]


def _expected(actie: str, status: str, partij: str) -> str:
    rijen = TABEL[actie]
    if status in rijen.get(partij, {}):
        return rijen[partij][status]
    if partij not in rijen or any(status in r for p, r in rijen.items() if p != partij):
        return "403"
    return "409"


@pytest.mark.parametrize(("actie", "status", "partij"), CASES)
def test_transition_table_party_and_state(org, actie, status, partij):
    afspraak = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=status,
        tegenvoorstel_kantoordagen=Decimal(2),
        opgesteld_door=org["leider"] if status == "tegenvoorstel" else org["eigenaar"],
    )
    expected = _expected(actie, status, partij)
    events_before = AuditEvent.objects.count()
    if expected == "403":
        with pytest.raises(PermissionDenied):
            _perform(actie, afspraak, org[partij])
    elif expected == "409":
        with pytest.raises(TransitionNotAllowed) as excinfo:
            _perform(actie, afspraak, org[partij])
        assert str(Status(status).label) in excinfo.value.message
    else:
        _perform(actie, afspraak, org[partij])
    afspraak.refresh_from_db()
    if expected in ("403", "409"):
        assert afspraak.status == status
        assert AuditEvent.objects.count() == events_before
    else:
        assert afspraak.status == expected
        event = AuditEvent.objects.filter(object_id=str(afspraak.pk)).first()
        assert (event.actie, event.van_status, event.naar_status) == (
            f"afspraak.{actie}",
            status,
            expected,
        )


@pytest.mark.parametrize("status", STATUSSEN)
def test_an_agreement_or_a_proposal_on_the_table_lapses_and_only_by_the_system(org, status):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=status)
    if status in ("akkoord", "ingediend", "tegenvoorstel"):
        services.afspraak_laten_vervallen(afspraak=afspraak, reden="Test")
        afspraak.refresh_from_db()
        assert afspraak.status == "vervallen"
    else:
        with pytest.raises(TransitionNotAllowed):
            services.afspraak_laten_vervallen(afspraak=afspraak, reden="Test")


@pytest.mark.parametrize(
    ("status", "partij", "acties"),
    [
        ("concept", "eigenaar", {"indienen", "concept_bijwerken"}),
        ("ingediend", "eigenaar", {"intrekken"}),
        ("ingediend", "leider", {"akkoord", "tegenvoorstel", "afwijzen"}),
        ("ingediend", "collega", set()),
        ("tegenvoorstel", "eigenaar", {"accepteren", "weigeren"}),
        ("tegenvoorstel", "leider", set()),  # a counter to the employee's own proposal
        ("akkoord", "eigenaar", set()),
        ("akkoord", "leider", set()),
    ],
)
def test_the_pages_offer_exactly_the_open_actions(org, status, partij, acties):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"], status=status)
    party = permissions.afspraak_partij(org[partij], afspraak)
    assert AFSPRAAK_WORKFLOW.open_actions(afspraak, party) == acties


def _voorstel(**overrides) -> Voorstel:
    from datetime import date

    values = {
        "kantoordagen": Decimal(2),
        "ingangsdatum": date(2026, 12, 1),
        "einddatum": date(2027, 6, 30),
        "voorkeursdagen": [2, 4],
        "overwegingen": {"vitaliteit": "Fietsen naar kantoor houdt me fit."},
    }
    values.update(overrides)
    return Voorstel(**values)


@pytest.mark.parametrize("status", Status.values)
def test_a_new_proposal_is_refused_while_one_waits_for_an_answer(org, status):
    existing = AfspraakFactory(medewerker=org["eigenaar"], status=status, versie=1)
    if status in (Status.INGEDIEND, Status.TEGENVOORSTEL):
        with pytest.raises(TransitionNotAllowed):
            services.afspraak_opslaan(actor=org["eigenaar"], voorstel=_voorstel(), indienen=True)
        assert Afspraak.objects.count() == 1
    else:
        afspraak = services.afspraak_opslaan(
            actor=org["eigenaar"], voorstel=_voorstel(), indienen=True
        )
        assert afspraak.status == Status.INGEDIEND
        # A concept is the employee's draft: it is updated in place, not versioned.
        expected_version = 1 if status == Status.CONCEPT else 2
        assert afspraak.versie == expected_version
        assert (afspraak.pk == existing.pk) == (status == Status.CONCEPT)


@pytest.mark.parametrize("status", Status.values)
def test_leidinggevende_may_start_a_proposal_unless_one_waits_for_an_answer(org, status):
    AfspraakFactory(medewerker=org["eigenaar"], status=status, versie=1)
    if status in (Status.INGEDIEND, Status.TEGENVOORSTEL):
        with pytest.raises(TransitionNotAllowed):
            services.afspraak_voorstellen(
                actor=org["leider"], medewerker=org["eigenaar"], voorstel=_voorstel()
            )
    else:
        afspraak = services.afspraak_voorstellen(
            actor=org["leider"], medewerker=org["eigenaar"], voorstel=_voorstel()
        )
        assert afspraak.status == Status.TEGENVOORSTEL
        assert afspraak.opgesteld_door == org["leider"]
        assert afspraak.versie == 2


def test_full_happy_path_notifies_the_other_party_at_every_step(org):
    eigenaar, leider = org["eigenaar"], org["leider"]
    afspraak = services.afspraak_opslaan(actor=eigenaar, voorstel=_voorstel(), indienen=True)
    assert Notificatie.objects.filter(ontvanger=leider).count() == 1
    services.afspraak_tegenvoorstel(
        actor=leider, afspraak=afspraak, kantoordagen=Decimal("2.5"), motivatie=MOTIVATIE
    )
    assert Notificatie.objects.filter(ontvanger=eigenaar).count() == 1
    services.afspraak_accepteren(actor=eigenaar, afspraak=afspraak)
    assert Notificatie.objects.filter(ontvanger=leider).count() == 2
    afspraak.refresh_from_db()
    assert afspraak.status == Status.AKKOORD
    assert afspraak.kantoordagen == Decimal("2.5")
    notes = list(
        AuditEvent.objects.filter(object_id=str(afspraak.pk))
        .order_by("pk")
        .values_list("actie", flat=True)
    )
    assert notes == [
        "afspraak.aanmaken",
        "afspraak.indienen",
        "afspraak.tegenvoorstel",
        "afspraak.accepteren",
    ]


def test_refusing_a_counter_proposal_means_no_agreement_and_tells_the_manager(org):
    afspraak = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.TEGENVOORSTEL,
        tegenvoorstel_kantoordagen=Decimal(3),
    )
    services.afspraak_weigeren(actor=org["eigenaar"], afspraak=afspraak, toelichting="Te veel.")
    afspraak.refresh_from_db()
    assert afspraak.status == Status.GEEN_OVEREENSTEMMING
    assert afspraak.kantoordagen == Decimal(2)
    assert Notificatie.objects.get(ontvanger=org["leider"]).onderwerp.endswith(
        "geen overeenstemming"
    )


def test_a_private_concept_stays_private_and_untouched_beside_the_leaders_proposal(client, org):
    concept = AfspraakFactory(medewerker=org["eigenaar"], status=Status.CONCEPT, versie=1)
    voorstel = services.afspraak_voorstellen(
        actor=org["leider"], medewerker=org["eigenaar"], voorstel=_voorstel()
    )
    concept.refresh_from_db()
    assert (concept.status, concept.kantoordagen) == ("concept", Decimal(2))
    client.force_login(org["leider"])
    assert client.get(f"/afspraken/{concept.pk}/").status_code == 404
    # The concept waits until the proposal on the table is answered.
    with pytest.raises(TransitionNotAllowed, match="Er ligt al een voorstel op tafel"):
        services.afspraak_indienen(actor=org["eigenaar"], afspraak=concept)
    client.force_login(org["eigenaar"])
    page = client.get("/afspraken/mijn/").text
    assert "U hebt ook een eigen concept (versie 1)" in page
    assert "Concept indienen" not in page
    services.afspraak_weigeren(actor=org["eigenaar"], afspraak=voorstel)
    services.afspraak_indienen(actor=org["eigenaar"], afspraak=concept)
    concept.refresh_from_db()
    assert concept.status == "ingediend"


def test_the_leidinggevende_withdraws_only_a_proposal_they_started(org):
    tegen = AfspraakFactory(medewerker=org["eigenaar"], status="tegenvoorstel")
    with pytest.raises(TransitionNotAllowed, match="tegenvoorstel op het voorstel"):
        services.afspraak_intrekken(actor=org["leider"], afspraak=tegen)
    tegen.status = "afgewezen"
    tegen.save()
    eigen = services.afspraak_voorstellen(
        actor=org["leider"], medewerker=org["eigenaar"], voorstel=_voorstel()
    )
    services.afspraak_intrekken(actor=org["leider"], afspraak=eigen)
    eigen.refresh_from_db()
    assert eigen.status == "ingetrokken"
    assert Notificatie.objects.filter(
        ontvanger=org["eigenaar"],
        onderwerp="Uw leidinggevende trekt het voorstel voor uw kantoordagen in",
    ).exists()


def test_the_comites_outcome_settles_a_proposal_left_on_the_table(org):
    wachtend = AfspraakFactory(medewerker=org["eigenaar"], status="ingediend", versie=1)
    nieuw = services.afspraak_vastleggen(
        actor=None,
        medewerker=org["eigenaar"],
        kantoordagen=Decimal(1),
        voorkeursdagen=[2],
        bron="advies_comite",
    )
    wachtend.refresh_from_db()
    assert (nieuw.status, nieuw.versie, wachtend.status) == ("akkoord", 2, "vervallen")
    assert (
        AuditEvent.objects.filter(object_id=str(wachtend.pk), actie="afspraak.laten_vervallen")
        .get()
        .notitie
        == "Vervangen door versie 2 na advies comité."
    )
