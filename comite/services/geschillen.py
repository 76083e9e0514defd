"""The individual dispute procedure (art. 12.1 cao): filed by the employee within six weeks of
`niet_opgelost`, handled by the secretaris, ended by a ruling whose binding force is a field.
A binding ruling with a number of office days becomes a new agreement version."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comite import termijnen
from comite.models import Geschil, Zaak
from comite.permissions import geschil_partij, zaak_partij
from comite.services.basis import lock_zaak, secretarissen, tekst, vertel
from comite.workflows import GESCHIL_WORKFLOW, ZAAK_WORKFLOW, GeschilActie, ZaakActie
from convenant.models import Bron
from convenant.services import afspraak_vastleggen
from convenant.validators import MAX_TEKST, validate_kantoordagen, validate_weekdagen
from pilot.dates import in_sentence


@transaction.atomic
def geschil_indienen(*, actor, zaak: Zaak, toelichting: str) -> Geschil:
    zaak = lock_zaak(zaak)
    party = zaak_partij(actor, zaak)
    # On the case: the party, the state `niet_opgelost`, the six weeks and one geschil only.
    zaak_step = ZAAK_WORKFLOW.begin(zaak, ZaakActie.GESCHIL_STARTEN, party)
    step = GESCHIL_WORKFLOW.begin(None, GeschilActie.INDIENEN, party)
    toelichting = tekst(
        toelichting,
        "toelichting",
        verplicht=_("Licht in minstens 20 tekens toe waarom u het geschil voorlegt."),
    )
    now = timezone.now()
    geschil = Geschil.objects.create(
        zaak=zaak,
        status=step.target,
        toelichting=toelichting,
        ingediend_op=now,
        uitspraak_termijn=termijnen.uitspraak(now),
    )
    step.record(geschil)
    zaak_step.finish(zaak, update_fields=[])
    vertel(
        [*secretarissen(), zaak.leidinggevende],
        zaak,
        lambda: _("Geschil (art. 12.1 cao) ingediend in %(zaak)s") % {"zaak": zaak},
        lambda: (
            _("De uitspraak volgt uiterlijk %(datum)s.")
            % {"datum": in_sentence(geschil.uitspraak_termijn)}
        ),
    )
    return geschil


def _lock(geschil: Geschil) -> Geschil:
    lock_zaak(geschil.zaak)
    return (
        Geschil.objects.select_for_update(of=("self",))
        .select_related("zaak__medewerker__team", "zaak__leidinggevende")
        .get(pk=geschil.pk)
    )


@transaction.atomic
def geschil_in_behandeling(*, actor, geschil: Geschil) -> Geschil:
    geschil = _lock(geschil)
    step = GESCHIL_WORKFLOW.begin(
        geschil, GeschilActie.IN_BEHANDELING, geschil_partij(actor, geschil)
    )
    step.finish(geschil, update_fields=[])
    vertel(
        [geschil.zaak.medewerker],
        geschil.zaak,
        lambda: _("Uw geschil (art. 12.1 cao) is in behandeling"),
        lambda: (
            _("De uitspraak volgt uiterlijk %(datum)s.")
            % {"datum": in_sentence(geschil.uitspraak_termijn)}
        ),
    )
    return geschil


@transaction.atomic
def geschil_verlengen(*, actor, geschil: Geschil, reden: str) -> Geschil:
    geschil = _lock(geschil)
    step = GESCHIL_WORKFLOW.begin(geschil, GeschilActie.VERLENGEN, geschil_partij(actor, geschil))
    reden = tekst(reden, "reden", verplicht=_("Leg in minstens 20 tekens uit waarom."))
    geschil.uitspraak_termijn = termijnen.verlengd(geschil.uitspraak_termijn)
    geschil.termijn_verlengd = True
    step.finish(geschil, update_fields=["uitspraak_termijn", "termijn_verlengd"], note=reden)
    vertel(
        [geschil.zaak.medewerker, geschil.zaak.leidinggevende],
        geschil.zaak,
        lambda: (
            _("De termijn voor de uitspraak is verlengd tot %(datum)s")
            % {"datum": in_sentence(geschil.uitspraak_termijn)}
        ),
        reden,
    )
    return geschil


@transaction.atomic
def geschil_uitspraak(
    *,
    actor,
    geschil: Geschil,
    uitkomst: str,
    bindend: bool | None,
    kantoordagen: Decimal | None = None,
    voorkeursdagen=(),
) -> Geschil:
    geschil = _lock(geschil)
    step = GESCHIL_WORKFLOW.begin(geschil, GeschilActie.UITSPRAAK, geschil_partij(actor, geschil))
    errors = {}
    uitkomst = (uitkomst or "").strip()
    if not uitkomst:
        errors["uitkomst"] = _("Schrijf de uitkomst van het geschil uit.")
    elif len(uitkomst) > MAX_TEKST * 2:
        errors["uitkomst"] = _("De tekst is te lang (maximaal %(max)s tekens).") % {
            "max": MAX_TEKST * 2
        }
    if bindend is None:
        errors["bindend"] = _("Geef aan of de uitspraak bindend is.")
    if kantoordagen is not None:
        try:
            validate_kantoordagen(kantoordagen)
        except ValidationError as error:
            errors["kantoordagen"] = error.messages
    elif bindend:
        errors["kantoordagen"] = _(
            "Een bindende uitspraak wordt de nieuwe afspraak: geef het aantal kantoordagen."
        )
    voorkeursdagen = sorted(voorkeursdagen or [])
    try:
        validate_weekdagen(voorkeursdagen)
    except ValidationError as error:
        errors["voorkeursdagen"] = error.messages
    if errors:
        raise ValidationError(errors)
    geschil.uitkomst, geschil.bindend = uitkomst, bindend
    geschil.kantoordagen, geschil.voorkeursdagen = kantoordagen, voorkeursdagen
    geschil.uitspraak_op = timezone.now()
    if bindend:
        geschil.afspraak = afspraak_vastleggen(
            actor=actor,
            medewerker=geschil.zaak.medewerker,
            kantoordagen=kantoordagen,
            voorkeursdagen=voorkeursdagen,
            bron=Bron.UITSPRAAK_GESCHIL,
            toelichting=_("Volgens de bindende uitspraak in het geschil bij zaak %(nummer)s.")
            % {"nummer": geschil.zaak_id},
        )
    step.finish(
        geschil,
        update_fields=[
            "uitkomst",
            "bindend",
            "kantoordagen",
            "voorkeursdagen",
            "uitspraak_op",
            "afspraak",
        ],
        note=_("Bindend.") if bindend else _("Niet bindend."),
    )
    vertel(
        [geschil.zaak.medewerker, geschil.zaak.leidinggevende],
        geschil.zaak,
        lambda: _("Uitspraak in het geschil (art. 12.1 cao)"),
        uitkomst,
    )
    return geschil
