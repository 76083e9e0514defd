"""Demo cases: every state, some overdue, two geschillen; the demo `comitelid` sits on panels
and the demo `secretaris` has a queue. Built through the services, so every case has its real
timeline; then a few dates are moved back to make some deadlines overdue. Idempotent: when
demo cases exist, nothing is added.

Panels never have a conflict: the cases are about people in afdeling KCD, and the three comité
members work in WB (the demo `comitelid`), GD and SMZ.
"""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from comite import services, termijnen
from comite.models import Zaak, Zitting
from convenant.models import Afspraak, Status
from pilot.demo import ensure_demo_period
from pilot.models import Medewerker, Rol, Roltoewijzing

VERKLARING = (
    "Mijn leidinggevende wil drie dagen op kantoor, maar mijn reistijd is twee uur per dag en "
    "bij indiensttreding is thuiswerken op maandag en vrijdag afgesproken."
)
REACTIE = (
    "Het team heeft elkaar op dinsdag en donderdag nodig; twee dagen is het minimum voor het "
    "inwerken van de nieuwe collega's."
)
ADVIES = (
    "Het comité adviseert twee kantoordagen per week, op dinsdag en donderdag, zodat het "
    "werkoverleg en het inwerken doorgaan en de reistijd beperkt blijft."
)
# The life of each demo case: the steps it has gone through. Overdue ones are marked.
VERLOPEN = [
    ("aangemeld", False),
    ("aangemeld", True),
    ("in_behandeling", True),
    ("zitting_gepland", False),
    ("advies_uitgebracht", False),
    ("opgelost", False),
    ("niet_opgelost", False),
    ("geschil_in_behandeling", False),
    ("geschil_uitspraak", False),
    ("ingetrokken", False),
    ("niet_ontvankelijk", False),
]
RONDES = {"small": 1, "uwv": 45}


def _comiteleden() -> list[Medewerker]:
    """The demo comitelid (WB) and one member each from GD and SMZ (granted here)."""
    leden = [Medewerker.objects.get(username="comitelid")]
    for team in ("GD-04", "SMZ-02"):
        lid = Medewerker.objects.filter(team__code=team, is_demo=True).order_by("pk").first()
        Roltoewijzing.objects.get_or_create(medewerker=lid, rol=Rol.COMITELID)
        leden.append(lid)
    return leden


def _afgewezen(person) -> Afspraak:
    """A rejected proposal of `person`: the agreement the case is about."""
    today = timezone.localdate()
    periode = ensure_demo_period()
    hoogste = Afspraak.objects.filter(medewerker=person).aggregate(m=Max("versie"))["m"] or 0
    return Afspraak.objects.create(
        medewerker=person,
        leidinggevende=person.team.leidinggevende,
        opgesteld_door=person,
        periode=periode,
        versie=hoogste + 1,
        status=Status.AFGEWEZEN,
        kantoordagen=Decimal(1),
        voorkeursdagen=[2],
        ingangsdatum=max(today, periode.startdatum),
        einddatum=periode.einddatum,
        overwegingen={"vitaliteit": "De reis kost me twee uur per dag."},
        motivatie="Het team heeft u op dinsdag en donderdag nodig voor het werkoverleg.",
        ingediend_op=timezone.now() - timedelta(days=20),
        besloten_op=timezone.now() - timedelta(days=10),
    )


def _terug(zaak: Zaak, dagen: int) -> None:
    """Move the filing (and intake) back, so its deadlines lie in the past."""
    aangemeld = timezone.now() - timedelta(days=dagen)
    velden = {"aangemeld_op": aangemeld}
    if zaak.status == "aangemeld":
        velden["termijn"] = termijnen.intake(aangemeld)
    else:
        velden.update(
            geaccepteerd_op=aangemeld,
            reactie_termijn=termijnen.reactie(aangemeld),
            termijn=termijnen.zitting(aangemeld),
        )
    Zaak.objects.filter(pk=zaak.pk).update(**velden)


def _zaak(verloop: str, te_laat: bool, person, leden, secretaris) -> Zaak:
    leider = person.team.leidinggevende
    zaak = services.zaak_aanmelden(
        actor=person,
        afspraak=_afgewezen(person),
        verklaring=VERKLARING,
        bijstand_naam="Bea Bond",
        bijstand_email="bea.bond@vakbond.example",
    )
    if verloop == "aangemeld":
        if te_laat:
            _terug(zaak, 14)
        return zaak
    if verloop == "niet_ontvankelijk":
        services.zaak_niet_ontvankelijk(
            actor=secretaris,
            zaak=zaak,
            reden="Over dit voorstel loopt nog een gesprek; eerst samen verder praten.",
        )
        return zaak
    services.zaak_accepteren(actor=secretaris, zaak=zaak)
    services.zaak_panel(
        actor=secretaris, zaak=zaak, voorzitter=leden[0], lid_werkgever=leden[1], lid_or=leden[2]
    )
    if verloop == "in_behandeling":
        if te_laat:
            _terug(zaak, 30)
        return zaak
    if verloop == "ingetrokken":
        services.zaak_intrekken(actor=person, zaak=zaak, toelichting="We zijn er samen uitgekomen.")
        return zaak
    services.zaak_reactie(actor=leider, zaak=zaak, reactie=REACTIE)
    begin = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    begin += timedelta(days=7)
    services.zitting_plannen(
        actor=secretaris,
        zaak=zaak,
        begin=begin,
        einde=begin + timedelta(hours=1),
        locatie="Utrecht, La Vie, zaal 4.12",
    )
    if verloop == "zitting_gepland":
        return zaak
    # The zitting has taken place: move it into the past before the advice.
    Zitting.objects.filter(zaak=zaak).update(
        begin=begin - timedelta(days=10), einde=begin - timedelta(days=10, hours=-1)
    )
    services.advies_uitbrengen(
        actor=secretaris, zaak=zaak, tekst=ADVIES, kantoordagen=Decimal(2), voorkeursdagen=[2, 4]
    )
    if verloop == "advies_uitgebracht":
        return zaak
    if verloop == "opgelost":
        services.advies_aanvaarden(actor=person, zaak=zaak)
        services.advies_aanvaarden(actor=leider, zaak=zaak)
        return zaak
    services.advies_afwijzen(
        actor=leider, zaak=zaak, toelichting="Twee dagen is te weinig voor dit team."
    )
    if verloop == "niet_opgelost":
        return zaak
    geschil = services.geschil_indienen(
        actor=person,
        zaak=zaak,
        toelichting="Het advies past bij mijn situatie; ik vraag een bindende uitspraak.",
    )
    services.geschil_in_behandeling(actor=secretaris, geschil=geschil)
    if verloop == "geschil_uitspraak":
        services.geschil_uitspraak(
            actor=secretaris,
            geschil=geschil,
            uitkomst="De geschillencommissie volgt het advies: twee dagen, dinsdag en donderdag.",
            bindend=True,
            kantoordagen=Decimal(2),
            voorkeursdagen=[2, 4],
        )
    return zaak


def build_zaken(scale_name: str) -> dict[str, int]:
    if Zaak.objects.filter(medewerker__is_demo=True).exists():
        return {"zaken": 0}
    secretaris = Medewerker.objects.get(username="secretaris")
    leden = _comiteleden()
    # The demo `medewerker` first (their leidinggevende then has a response to give), then
    # other people of afdeling KCD, one case each.
    mensen = [Medewerker.objects.get(username="medewerker")]
    mensen += list(
        Medewerker.objects.filter(
            is_demo=True, team__afdeling__code="KCD", team__leidinggevende__isnull=False
        )
        .exclude(username__in=["medewerker", "leidinggevende"])
        # Not those whose proposal is on the table in the agreements demo: an accepted advice
        # settles it, and the leidinggevende's inbox would lose its examples.
        .exclude(afspraken__status__in=["ingediend", "tegenvoorstel"])
        .select_related("team__leidinggevende__team")
        .order_by("personeelsnummer")[: len(VERLOPEN) * RONDES[scale_name] + 1]
    )
    mensen = [p for p in mensen if p.team.leidinggevende_id and p.team.leidinggevende_id != p.pk]
    volgorde = [("in_behandeling", False)] + VERLOPEN * RONDES[scale_name]
    aantal = 0
    for person, (verloop, te_laat) in zip(mensen, volgorde, strict=False):
        with transaction.atomic():
            _zaak(verloop, te_laat, person, leden, secretaris)
        aantal += 1
    return {"zaken": aantal}
