"""The comité's URLs in the role × URL matrix (tests/matrix.py), on the demo organisation.

A case of the demo `medewerker` (KCD-01, led by `leidinggevende`) with the demo `comitelid`
(WB-01) on its panel: the employee, the leidinggevende, the panel and the secretaris see it;
the OR, facilitair beheer and HR get a 404.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from tests.matrix import ANON, Entry, everyone, only

FUTURE = "2027-03-10T10:00:00+01:00"


def _panel(zaak, users):
    from comite.models import Panellid, Panelrol
    from pilot.models import Medewerker, Rol, Roltoewijzing

    leden = [users["comitelid"]]
    for team in ("GD-04", "SMZ-02"):
        lid = Medewerker.objects.filter(team__code=team).order_by("pk").first()
        Roltoewijzing.objects.get_or_create(medewerker=lid, rol=Rol.COMITELID)
        leden.append(lid)
    for rol, lid in zip(Panelrol.values, leden, strict=True):
        Panellid.objects.create(zaak=zaak, lid=lid, rol=rol)


def _zaak(users, status="in_behandeling", uitzondering=None, **extra):
    from comite.models import Zaak
    from tests.convenant.matrix_support import _afspraak

    onderwerp = (
        {"uitzondering": uitzondering}
        if uitzondering
        else {"afspraak": _afspraak(users, "afgewezen")}
    )
    zaak = Zaak.objects.create(
        medewerker=users["medewerker"],
        leidinggevende=users["leidinggevende"],
        status=status,
        verklaring="Ik werk liever thuis door de lange reistijd naar kantoor.",
        aangemeld_op=timezone.now(),
        geaccepteerd_op=timezone.now(),
        reactie_termijn=timezone.localdate() + timedelta(days=14),
        termijn=timezone.localdate() + timedelta(days=28),
        termijnsoort="zitting",
        **onderwerp,
        **extra,
    )
    _panel(zaak, users)
    return zaak


def _met_zitting(users, status="zitting_gepland"):
    from comite.models import Zitting

    zaak = _zaak(users, status)
    begin = timezone.now() - timedelta(days=1)
    Zitting.objects.create(
        zaak=zaak,
        begin=begin,
        einde=begin + timedelta(hours=1),
        locatie="Utrecht",
        uid=f"matrix-{zaak.pk}@kantoordagen",
    )
    return zaak


def _met_advies(users):
    from comite.models import Advies

    zaak = _met_zitting(users, "advies_uitgebracht")
    Advies.objects.create(
        zaak=zaak,
        tekst="Twee dagen.",
        kantoordagen=Decimal(2),
        voorkeursdagen=[2, 4],
        uitgebracht_op=timezone.now(),
    )
    return zaak


def in_behandeling(users):
    return {"pk": _zaak(users).pk}


def aangemeld_actie(users):
    return {"pk": _zaak(users, "aangemeld").pk, "actie": "accepteren"}


def aangemeld(users):
    return {"pk": _zaak(users, "aangemeld").pk}


def zitting_gepland(users):
    return {"pk": _met_zitting(users).pk}


def advies(users):
    return {"pk": _met_advies(users).pk}


def afgewezen_afspraak(users):
    from tests.convenant.matrix_support import _afspraak

    return {"soort": "afspraak", "pk": _afspraak(users, "afgewezen").pk}


def met_bewijs(users):
    from convenant.models import Uitzondering
    from tests.convenant.matrix_support import uitzondering_met_bewijs

    uitzondering = Uitzondering.objects.get(pk=uitzondering_met_bewijs(users)["pk"])
    uitzondering.status = "afgewezen"
    uitzondering.save()
    return {"pk": _zaak(users, uitzondering=uitzondering).pk}


def met_document(users):
    from comite.models import Document
    from tests.convenant.factories import bewaar_bewijsstuk

    zaak = _zaak(users)
    naam, soort, grootte = bewaar_bewijsstuk()
    document = Document.objects.create(
        zaak=zaak,
        kant="medewerker",
        toegevoegd_door=users["medewerker"],
        omschrijving="Document 1",
        opslagnaam=naam,
        soort=soort,
        grootte=grootte,
    )
    return {"pk": zaak.pk, "document_pk": document.pk}


def _geschil(users, status, **extra):
    from comite.models import Geschil

    zaak = _met_advies(users)
    zaak.status = "niet_opgelost"
    zaak.afgesloten_op = timezone.now()
    zaak.save()
    return Geschil.objects.create(
        zaak=zaak,
        status=status,
        toelichting="Ik vraag een bindende uitspraak hierover.",
        ingediend_op=timezone.now(),
        uitspraak_termijn=timezone.localdate() + timedelta(days=30),
        **extra,
    )


def geschil_ingediend(users):
    return {"pk": _geschil(users, "ingediend").pk}


def geschil_actie(users):
    return {"pk": _geschil(users, "ingediend").pk, "actie": "in_behandeling"}


def geschil_in_behandeling(users):
    return {"pk": _geschil(users, "in_behandeling").pk}


def geschil_uitspraak(users):
    geschil = _geschil(
        users, "uitspraak", uitkomst="Twee dagen.", bindend=False, uitspraak_op=timezone.now()
    )
    return {"pk": geschil.pk}


def comite_entries() -> dict[str, Entry]:
    zichtbaar = {
        **everyone(404),
        "medewerker": 200,
        "leidinggevende": 200,
        "comitelid": 200,
        "secretaris": 200,
    }
    api_zichtbaar = {**zichtbaar, ANON: 403}

    def api(
        ok: tuple[str, ...], denied=("medewerker", "leidinggevende", "comitelid", "secretaris")
    ):
        expected = {**everyone(404, anon=403)}
        for role in denied:
            expected[role] = 403
        for role in ok:
            expected[role] = 200
        return expected

    return {
        "mijn_zaken": Entry(everyone(200), page=True),
        "mijn_panels": Entry(only(("comitelid",)), page=True),
        "comite_wachtrij": Entry(only(("secretaris",)), page=True),
        "zaak_aanmelden": Entry(
            {**everyone(404), "medewerker": 200, "leidinggevende": 403},
            kwargs=afgewezen_afspraak,
            page=True,
        ),
        "zaak_detail": Entry(zichtbaar, kwargs=in_behandeling, page=True),
        "zaak_brief": Entry(zichtbaar, kwargs=advies, page=True),
        # The exemption's evidence: the panel only — not the employee here, nor the secretaris.
        "zaak_bewijsstuk": Entry({**everyone(404), "comitelid": 200}, kwargs=met_bewijs),
        "zaak_document": Entry(
            {**everyone(404), "medewerker": 200, "comitelid": 200, "secretaris": 200},
            kwargs=met_document,
        ),
        "zaak_actie": Entry(
            {
                **zichtbaar,
                "medewerker": 403,
                "leidinggevende": 403,
                "comitelid": 403,
                "secretaris": 302,
            },
            method="post",
            kwargs=aangemeld_actie,
        ),
        "geschil_actie": Entry(
            {
                **zichtbaar,
                "medewerker": 403,
                "leidinggevende": 403,
                "comitelid": 403,
                "secretaris": 302,
            },
            method="post",
            kwargs=geschil_actie,
        ),
        "geschil_brief": Entry(zichtbaar, kwargs=geschil_uitspraak, page=True),
        "zaak-list": Entry(everyone(200, anon=403)),
        "zaak-detail": Entry(api_zichtbaar, kwargs=in_behandeling),
        "zaak-accepteren": Entry(api(("secretaris",)), method="post", kwargs=aangemeld),
        "zaak-niet-ontvankelijk": Entry(
            api(("secretaris",)),
            method="post",
            kwargs=aangemeld,
            data={"reden": "Eerst samen het gesprek afmaken, graag."},
        ),
        "zaak-reactie": Entry(
            api(("leidinggevende",)),
            method="post",
            kwargs=in_behandeling,
            data={"reactie": "Het team heeft elkaar op dinsdag nodig voor overleg."},
        ),
        "zaak-zitting-plannen": Entry(
            api(("secretaris",)),
            method="post",
            kwargs=in_behandeling,
            data={"begin": FUTURE, "einde": "2027-03-10T11:00:00+01:00", "locatie": "Utrecht"},
        ),
        "zaak-advies": Entry(
            api(("secretaris", "comitelid")),
            method="post",
            kwargs=zitting_gepland,
            data={"tekst": "Twee dagen.", "kantoordagen": "2"},
        ),
        "zaak-advies-aanvaarden": Entry(
            api(("medewerker", "leidinggevende")), method="post", kwargs=advies
        ),
        "zaak-advies-afwijzen": Entry(
            api(("medewerker", "leidinggevende")), method="post", kwargs=advies
        ),
        "zaak-intrekken": Entry(api(("medewerker",)), method="post", kwargs=aangemeld),
        "geschil-list": Entry(everyone(200, anon=403)),
        "geschil-detail": Entry(api_zichtbaar, kwargs=geschil_ingediend),
        "geschil-in-behandeling": Entry(
            api(("secretaris",)), method="post", kwargs=geschil_ingediend
        ),
        "geschil-uitspraak": Entry(
            api(("secretaris",)),
            method="post",
            kwargs=geschil_in_behandeling,
            data={"uitkomst": "Twee dagen.", "bindend": "false"},
        ),
    }
