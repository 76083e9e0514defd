from datetime import date
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from convenant.demo.afspraken import build_agreements
from convenant.models import Afspraak, Delegatie, Status, Teamplan
from convenant.selectors.afspraken import wachttijd
from pilot.demo import build_organisation
from pilot.models import AuditEvent, Medewerker


def test_demo_agreements_cover_every_state_and_running_twice_changes_nothing(db):
    build_organisation("small")
    first = build_agreements("small")
    assert first["afspraken"] > 100
    statuses = set(Afspraak.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    open_ones = Afspraak.objects.filter(status=Status.INGEDIEND)
    assert any(wachttijd(a) >= 10 for a in open_ones), "some proposals are overdue"
    assert Delegatie.objects.exists()
    assert Teamplan.objects.filter(team__code="KCD-01").exists()
    counts = (Afspraak.objects.count(), AuditEvent.objects.count(), Delegatie.objects.count())

    assert build_agreements("small") == {"afspraken": 0, "delegaties": 0, "teamplannen": 0}
    assert (
        Afspraak.objects.count(),
        AuditEvent.objects.count(),
        Delegatie.objects.count(),
    ) == counts


def test_demo_persona_has_a_current_agreement_and_a_lively_inbox(client, db):
    call_command("demo_data", "--scale", "small", stdout=StringIO())
    medewerker = Medewerker.objects.get(username="medewerker")
    assert Afspraak.objects.akkoord_op(date(2026, 11, 23)).filter(medewerker=medewerker).exists()
    client.force_login(Medewerker.objects.get(username="leidinggevende"))
    inbox = client.get(reverse("mijn_team")).context["inbox"]
    assert len(inbox.te_beslissen) == 3
    assert [regel.te_laat for regel in inbox.te_beslissen] == [True, True, False]
    assert len(inbox.bij_medewerker) == 1


def test_most_of_the_demo_team_has_an_agreement_today_so_the_week_is_real(db):
    """Mijn team and the team plan of `leidinggevende` show who is in on which day today."""
    call_command("demo_data", "--scale", "small", stdout=StringIO())
    today = date(2026, 11, 23)
    members = Medewerker.objects.filter(team__code="KCD-01", hybride_functie=True).exclude(
        username="leidinggevende"
    )
    holding = Afspraak.objects.akkoord_op(today).filter(medewerker__in=members)
    assert (holding.count(), members.count()) == (7, 9)
    in_office = {day for days in holding.values_list("voorkeursdagen", flat=True) for day in days}
    assert in_office == {1, 2, 3, 4, 5}
    # A mix of states: changes asked for on top of a holding agreement, and people without one.
    states = set(
        Afspraak.objects.filter(medewerker__in=members, einddatum__gte=today).values_list(
            "status", flat=True
        )
    )
    assert sorted(states) == [
        "afgewezen",
        "akkoord",
        "concept",
        "geen_overeenstemming",
        "ingediend",
        "tegenvoorstel",
    ]
