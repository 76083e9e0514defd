"""Texts a reader stumbled over: doubled words, a zero wait, a language named in the wrong one."""

from django.urls import reverse

from convenant import services
from convenant.models import Categorie, Status
from tests.convenant.factories import AfspraakFactory, UitzonderingFactory


def test_the_timeline_names_hr_once(client, org, hr):
    hr.first_name, hr.last_name = "Hanna", "Heer"
    hr.save()
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], categorie=Categorie.EERDERE_AFSPRAAK, kantoordagen=1
    )
    services.uitzondering_verifieren(actor=hr, uitzondering=uitzondering)
    client.force_login(org["eigenaar"])
    page = " ".join(client.get(reverse("mijn_uitzonderingen")).content.decode().split())
    assert "Eerdere afspraak geverifieerd" in page
    assert "door Hanna Heer" in page
    assert "door HR door" not in page


def test_a_proposal_sent_today_does_not_wait_zero_days(client, org):
    afspraak = AfspraakFactory(medewerker=org["eigenaar"])
    services.afspraak_indienen(actor=org["eigenaar"], afspraak=afspraak)
    client.force_login(org["leider"])
    page = client.get(reverse("afspraak_detail", args=[afspraak.pk])).content.decode()
    assert afspraak.__class__.objects.get(pk=afspraak.pk).status == Status.INGEDIEND
    assert "Vandaag ingediend; wacht op een besluit." in page
    assert "Wacht 0 werkdagen" not in page


def test_each_language_is_named_in_its_own_language(client, org):
    client.force_login(org["eigenaar"])
    for language in ("nl", "en"):
        client.post(reverse("set_language"), {"language": language, "next": "/"})
        page = client.get(reverse("start")).content.decode()
        assert '<option value="nl" lang="nl"' in page and ">Nederlands</option>" in page
        assert ">English</option>" in page
        assert "Engels" not in page


def test_tables_write_dates_as_day_month_year_in_figures(client, org):
    from datetime import date

    from tests.convenant.factories import DelegatieFactory

    DelegatieFactory(
        leidinggevende=org["leider"],
        vervanger=org["ander_leider"],
        startdatum=date(2026, 12, 1),
        einddatum=date(2027, 1, 15),
    )
    client.force_login(org["leider"])
    page = client.get(reverse("delegaties")).content.decode()
    assert "<td>01-12-2026</td>" in page
    assert "<td>15-01-2027</td>" in page
