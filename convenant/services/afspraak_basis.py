"""Shared parts of the agreement services: the proposal data, locks, new versions, and the
rules every version obeys (the transition checks themselves are AFSPRAAK_WORKFLOW's)."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from convenant.models import (
    AFSPRAAK_WORKFLOW,
    Actie,
    Afspraak,
    Delegatie,
    Overweging,
    Partij,
    Status,
)
from convenant.streefnorm import Normtoets
from convenant.validators import check_motivatie
from pilot import audit
from pilot.models import Periode, Rol
from pilot.notifications import notify
from pilot.workflow import Party, Step


@dataclass
class Voorstel:
    kantoordagen: Decimal
    ingangsdatum: date
    einddatum: date
    voorkeursdagen: list[int] = field(default_factory=list)
    locatie: object | None = None  # werkplekken.Locatie
    overwegingen: dict[str, str] = field(default_factory=dict)
    toelichting: str = ""
    onder_norm_overweging: str = ""
    onder_norm_toelichting: str = ""


def lock_person(pk: int):
    # The person's row is the lock for everything about their agreements: version numbers, the
    # one open proposal, no overlapping `akkoord`. `of=self`: PostgreSQL refuses FOR UPDATE on
    # the nullable side of the outer join to the team.
    return (
        get_user_model().objects.select_for_update(of=("self",)).select_related("team").get(pk=pk)
    )


def lock(afspraak: Afspraak) -> Afspraak:
    lock_person(afspraak.medewerker_id)
    return (
        Afspraak.objects.select_for_update(of=("self",))
        .select_related("medewerker__team", "periode")
        .get(pk=afspraak.pk)
    )


def check_onder_norm(toets: Normtoets, overweging: str, toelichting: str) -> None:
    """Below the norm in any part of the span: allowed (it is an aim), with a recorded reason."""
    if not toets.onder:
        return
    errors = {}
    if overweging not in Overweging.values:
        errors["onder_norm_overweging"] = _(
            "Dit is minder dan de streefnorm (%(norm)s). Dat kan, maar kies welke overweging "
            "daarvoor de reden is."
        ) % {"norm": toets.in_woorden}
    try:
        check_motivatie(toelichting, field="onder_norm_toelichting")
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)


def apply_voorstel(afspraak: Afspraak, voorstel: Voorstel) -> None:
    afspraak.kantoordagen = voorstel.kantoordagen
    afspraak.voorkeursdagen = sorted(voorstel.voorkeursdagen)
    afspraak.locatie = voorstel.locatie
    afspraak.ingangsdatum = voorstel.ingangsdatum
    afspraak.einddatum = voorstel.einddatum
    afspraak.overwegingen = voorstel.overwegingen
    afspraak.toelichting = voorstel.toelichting
    afspraak.onder_norm_overweging = voorstel.onder_norm_overweging
    afspraak.onder_norm_toelichting = voorstel.onder_norm_toelichting
    afspraak.periode = periode_voor(voorstel.ingangsdatum)


def periode_voor(day: date) -> Periode:
    periode = Periode.objects.covering(day).order_by("-startdatum").first()
    if periode is None:
        raise ValidationError({"ingangsdatum": _("Op deze ingangsdatum loopt geen pilotperiode.")})
    return periode


def new_version(medewerker, actor, step: Step, voorstel: Voorstel) -> Afspraak:
    """A new version in the step's target state, with its timeline row."""
    versies = Afspraak.objects.filter(medewerker=medewerker)
    hoogste = versies.aggregate(hoogste=Max("versie"))["hoogste"] or 0
    vorige = versies.filter(status=Status.AKKOORD).order_by("-versie").first()
    afspraak = Afspraak(
        medewerker=medewerker,
        leidinggevende=medewerker.leidinggevende(),
        opgesteld_door=actor,
        versie=hoogste + 1,
        vorige=vorige,
        status=step.target,
    )
    apply_voorstel(afspraak, voorstel)
    afspraak.full_clean()
    afspraak.save()
    return afspraak


def supersede(actor, afspraak: Afspraak, namens=None) -> None:
    """One person never has two overlapping `akkoord` agreements.

    An older version that started before the new one keeps running until the day before the new
    one starts (then the daily job lets it lapse), so the person never has a gap without an
    agreement and stays on the team plan. An older version that the new one covers from its
    first day lapses at once.
    """
    older = (
        Afspraak.objects.select_for_update()
        .filter(
            medewerker_id=afspraak.medewerker_id,
            status=Status.AKKOORD,
            ingangsdatum__lte=afspraak.einddatum,
            einddatum__gte=afspraak.ingangsdatum,
        )
        .exclude(pk=afspraak.pk)
        .select_related("medewerker")
    )
    for old in older:
        if afspraak.ingangsdatum > old.ingangsdatum:
            _inkorten(actor, old, afspraak, namens)
        else:
            _laten_vervallen(actor, old, afspraak, namens)


def _inkorten(actor, old: Afspraak, new: Afspraak, namens) -> None:
    old.einddatum = new.ingangsdatum - timedelta(days=1)
    old.save(update_fields=["einddatum"])
    values = {
        "oud": old.versie,
        "eind": old.einddatum.strftime("%d-%m-%Y"),
        "nieuw": new.versie,
        "start": new.ingangsdatum.strftime("%d-%m-%Y"),
    }
    audit.record(
        actor=actor,
        action="afspraak.einddatum_vervroegd",
        obj=old,
        from_state=Status.AKKOORD,
        to_state=Status.AKKOORD,
        note=_("Loopt tot en met %(eind)s: vanaf %(start)s geldt versie %(nieuw)s.") % values,
        on_behalf_of=namens,
    )
    notify(
        recipient=old.medewerker,
        subject=_("Uw huidige afspraak loopt tot en met %(eind)s") % values,
        body=_(
            "Versie %(oud)s van uw afspraak blijft gelden tot en met %(eind)s. "
            "Vanaf %(start)s geldt versie %(nieuw)s."
        )
        % values,
        link=link(old),
    )


def _laten_vervallen(actor, old: Afspraak, new: Afspraak, namens) -> None:
    # A consequence of the actor's decision, taken by the portal: the system's transition,
    # recorded in the actor's name.
    party = Party(user=actor, roles=frozenset({Partij.SYSTEEM}), on_behalf_of=namens)
    step = AFSPRAAK_WORKFLOW.begin(old, Actie.LATEN_VERVALLEN, party)
    old.vervallen_op = timezone.now()
    step.finish(
        old,
        update_fields=["vervallen_op"],
        note=_("Vervangen door versie %(versie)s.") % {"versie": new.versie},
    )
    notify(
        recipient=old.medewerker,
        subject=_("Versie %(oud)s van uw afspraak is vervallen") % {"oud": old.versie},
        body=_("Versie %(nieuw)s vervangt haar vanaf %(start)s.")
        % {"nieuw": new.versie, "start": new.ingangsdatum.strftime("%d-%m-%Y")},
        link=link(old),
    )


def leidinggevenden_van(medewerker) -> list:
    """Who is told about this person's proposals: one leidinggevende and their vervangers.

    That is the team's own leidinggevende; when the team has none (or it is the person
    themself), the leidinggevende of the nearest team above, who decides for it. Their active
    vervangers are told too. Leaders higher up are not: they may decide, but are not spammed.
    """
    leider = medewerker.leidinggevende()
    if leider is None:
        return []
    vervangers = (
        Delegatie.objects.actief_op(timezone.localdate())
        .filter(leidinggevende=leider, vervanger__is_active=True)
        .exclude(vervanger_id=medewerker.pk)
        .select_related("vervanger")
        .order_by("pk")
    )
    result = [leider]
    result.extend(d.vervanger for d in vervangers if d.vervanger not in result)
    return result


def link(afspraak: Afspraak) -> str:
    return reverse("afspraak_detail", args=[afspraak.pk])


def meld_geen_leidinggevende(medewerker, onderwerp: str) -> None:
    """Nobody can decide for this person (no leader above them): HR is told, once per request."""
    hr = get_user_model().objects.filter(roltoewijzingen__rol=Rol.HR, is_active=True)
    for persoon in hr.exclude(pk=medewerker.pk).order_by("pk"):
        notify(
            recipient=persoon,
            subject=_("%(naam)s heeft geen leidinggevende") % {"naam": medewerker.naam},
            body=_(
                "%(naam)s heeft %(onderwerp)s ingediend, maar in de organisatie staat niemand "
                "boven %(naam)s die erover kan beslissen. Leg in de organisatie-import vast wie "
                "de leidinggevende is."
            )
            % {"naam": medewerker.naam, "onderwerp": onderwerp},
            link=reverse("organisatie_import"),
        )
