"""Use cases on an office-day agreement, of the employee, the leidinggevende and the system.

Every function runs in one transaction and locks the person's row first (so version numbers,
the one-open-proposal rule and the no-overlap rule are read-then-written by one request at a
time), lets AFSPRAAK_WORKFLOW check party and state (403 / 409) before it validates the input
(400), then sets the state, writes the timeline and notifies the other party.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from convenant.formatting import getal
from convenant.models import AFSPRAAK_WORKFLOW, Actie, Afspraak, Bron, Partij, Status
from convenant.permissions import afspraak_partij, voorstel_partij
from convenant.services.afspraak_basis import (
    Voorstel,
    apply_voorstel,
    check_onder_norm,
    leidinggevenden_van,
    link,
    lock,
    lock_person,
    meld_geen_leidinggevende,
    new_version,
    periode_voor,
    supersede,
)
from convenant.streefnorm import normtoets
from convenant.validators import (
    MAX_TEKST,
    check_motivatie,
    validate_kantoordagen,
    validate_weekdagen,
)
from pilot.notifications import notify
from pilot.workflow import Party, TransitionNotAllowed

__all__ = [
    "Voorstel",
    "afspraak_accepteren",
    "afspraak_afwijzen",
    "afspraak_akkoord",
    "afspraak_indienen",
    "afspraak_intrekken",
    "afspraak_laten_vervallen",
    "afspraak_opslaan",
    "afspraak_tegenvoorstel",
    "afspraak_vastleggen",
    "afspraak_voorstellen",
    "afspraak_weigeren",
]


def _toets(afspraak: Afspraak, kantoordagen):
    return normtoets(afspraak.medewerker, kantoordagen, afspraak.ingangsdatum, afspraak.einddatum)


# --- the employee --------------------------------------------------------------------------


@transaction.atomic
def afspraak_opslaan(*, actor, voorstel: Voorstel, indienen: bool) -> Afspraak:
    """Save the employee's own proposal: update the open concept, or start a new version."""
    medewerker = lock_person(actor.pk)
    wachtend = Afspraak.objects.wachtend().filter(medewerker=medewerker).first()
    if wachtend is not None:
        raise TransitionNotAllowed(
            _(
                "U hebt al een voorstel dat op antwoord wacht (versie %(versie)s, %(status)s). "
                "Wacht het antwoord af voordat u een nieuw voorstel doet."
            )
            % {"versie": wachtend.versie, "status": wachtend.status_label}
        )
    open_versie = (
        Afspraak.objects.select_for_update()
        .filter(medewerker=medewerker, status=Status.CONCEPT)
        .first()
    )
    if open_versie is None:
        step = AFSPRAAK_WORKFLOW.begin(None, Actie.AANMAKEN, voorstel_partij(actor, medewerker))
        afspraak = step.record(new_version(medewerker, actor, step, voorstel))
    else:
        afspraak = open_versie
        step = AFSPRAAK_WORKFLOW.begin(
            afspraak, Actie.CONCEPT_BIJWERKEN, afspraak_partij(actor, afspraak)
        )
        apply_voorstel(afspraak, voorstel)
        afspraak.full_clean()
        step.finish(afspraak, update_fields=None)
    if indienen:
        _indienen(actor, afspraak)
    return afspraak


@transaction.atomic
def afspraak_indienen(*, actor, afspraak: Afspraak) -> Afspraak:
    afspraak = lock(afspraak)
    _indienen(actor, afspraak)
    return afspraak


def _indienen(actor, afspraak: Afspraak) -> None:
    step = AFSPRAAK_WORKFLOW.begin(afspraak, Actie.INDIENEN, afspraak_partij(actor, afspraak))
    # The reason for going below the norm is asked when the proposal is put on the table, so
    # the leidinggevende reads it before deciding; a concept may still be without one.
    toets = _toets(afspraak, afspraak.kantoordagen)
    check_onder_norm(toets, afspraak.onder_norm_overweging, afspraak.onder_norm_toelichting)
    afspraak.ingediend_op = timezone.now()
    afspraak.streefnorm_dagen = toets.eerste.dagen
    step.finish(afspraak, update_fields=["ingediend_op", "streefnorm_dagen"])
    ontvangers = leidinggevenden_van(afspraak.medewerker)
    if not ontvangers:
        meld_geen_leidinggevende(afspraak.medewerker, _("een voorstel voor kantoordagen"))
    for ontvanger in ontvangers:
        notify(
            recipient=ontvanger,
            subject=_("Nieuw voorstel voor kantoordagen van %(naam)s")
            % {"naam": afspraak.medewerker.naam},
            body=_(
                "%(naam)s stelt %(dagen)s kantoordagen per week voor. Reageer binnen 10 werkdagen."
            )
            % {"naam": afspraak.medewerker.naam, "dagen": getal(afspraak.kantoordagen)},
            link=link(afspraak),
        )


@transaction.atomic
def afspraak_accepteren(*, actor, afspraak: Afspraak) -> Afspraak:
    """The employee accepts the leidinggevende's (counter-)proposal: it becomes the agreement."""
    afspraak = lock(afspraak)
    step = AFSPRAAK_WORKFLOW.begin(afspraak, Actie.ACCEPTEREN, afspraak_partij(actor, afspraak))
    note = _tegenvoorstel_overnemen(afspraak)
    afspraak.besloten_op = timezone.now()
    step.finish(
        afspraak,
        update_fields=["kantoordagen", "voorkeursdagen", "locatie", "besloten_op"],
        note=note,
    )
    supersede(actor, afspraak)
    for ontvanger in leidinggevenden_van(afspraak.medewerker):
        notify(
            recipient=ontvanger,
            subject=_("%(naam)s accepteert het voorstel") % {"naam": afspraak.medewerker.naam},
            body=_("De afspraak van %(dagen)s kantoordagen per week geldt vanaf %(datum)s.")
            % {
                "dagen": getal(afspraak.kantoordagen),
                "datum": afspraak.ingangsdatum.strftime("%d-%m-%Y"),
            },
            link=link(afspraak),
        )
    return afspraak


def _tegenvoorstel_overnemen(afspraak: Afspraak) -> str:
    """Accepting makes the counter-proposal the agreement; the note says what changed."""
    wijzigingen = []
    if afspraak.tegenvoorstel_kantoordagen is not None:
        if afspraak.tegenvoorstel_kantoordagen != afspraak.kantoordagen:
            wijzigingen.append(
                _("%(van)s → %(naar)s kantoordagen")
                % {
                    "van": getal(afspraak.kantoordagen),
                    "naar": getal(afspraak.tegenvoorstel_kantoordagen),
                }
            )
        afspraak.kantoordagen = afspraak.tegenvoorstel_kantoordagen
    if afspraak.tegenvoorstel_voorkeursdagen is not None:
        if sorted(afspraak.tegenvoorstel_voorkeursdagen) != sorted(afspraak.voorkeursdagen):
            wijzigingen.append(
                _("voorkeursdagen %(naar)s")
                % {
                    "naar": ", ".join(afspraak.tegenvoorstel_voorkeursdagen_namen)
                    or _("geen vaste dagen")
                }
            )
        afspraak.voorkeursdagen = sorted(afspraak.tegenvoorstel_voorkeursdagen)
    if afspraak.tegenvoorstel_locatie_id is not None:
        if afspraak.tegenvoorstel_locatie_id != afspraak.locatie_id:
            wijzigingen.append(_("locatie %(naar)s") % {"naar": afspraak.tegenvoorstel_locatie})
        afspraak.locatie = afspraak.tegenvoorstel_locatie
    if not wijzigingen:
        return ""
    return _("Tegenvoorstel aanvaard: %(wijzigingen)s.") % {"wijzigingen": "; ".join(wijzigingen)}


@transaction.atomic
def afspraak_weigeren(*, actor, afspraak: Afspraak, toelichting: str = "") -> Afspraak:
    """The employee refuses the (counter-)proposal: no agreement; the way to the comité opens."""
    afspraak = lock(afspraak)
    step = AFSPRAAK_WORKFLOW.begin(afspraak, Actie.WEIGEREN, afspraak_partij(actor, afspraak))
    toelichting = (toelichting or "").strip()
    if len(toelichting) > MAX_TEKST:
        raise ValidationError(
            {
                "toelichting": _("De tekst is te lang (maximaal %(max)s tekens).")
                % {"max": MAX_TEKST}
            }
        )
    afspraak.besloten_op = timezone.now()
    step.finish(afspraak, update_fields=["besloten_op"], note=toelichting)
    for ontvanger in leidinggevenden_van(afspraak.medewerker):
        notify(
            recipient=ontvanger,
            subject=_("%(naam)s weigert het voorstel: geen overeenstemming")
            % {"naam": afspraak.medewerker.naam},
            body=toelichting,
            link=link(afspraak),
        )
    return afspraak


# --- the leidinggevende (or a vervanger inside the delegation's range) ---------------------


@transaction.atomic
def afspraak_voorstellen(*, actor, medewerker, voorstel: Voorstel) -> Afspraak:
    """A leidinggevende starts a proposal for a team member; it waits for the member's answer."""
    step = AFSPRAAK_WORKFLOW.begin(None, Actie.VOORSTELLEN, voorstel_partij(actor, medewerker))
    medewerker = lock_person(medewerker.pk)
    # A concept of the member is private and stays beside the new proposal, untouched.
    open_versie = Afspraak.objects.wachtend().filter(medewerker=medewerker).first()
    if open_versie is not None:
        raise TransitionNotAllowed(
            _(
                "%(naam)s heeft al een open voorstel (versie %(versie)s, %(status)s). "
                "Handel dat eerst af."
            )
            % {
                "naam": medewerker.naam,
                "versie": open_versie.versie,
                "status": open_versie.status_label,
            }
        )
    toets = normtoets(medewerker, voorstel.kantoordagen, voorstel.ingangsdatum, voorstel.einddatum)
    check_onder_norm(toets, voorstel.onder_norm_overweging, voorstel.onder_norm_toelichting)
    afspraak = new_version(medewerker, actor, step, voorstel)
    afspraak.tegenvoorstel_kantoordagen = afspraak.kantoordagen
    afspraak.streefnorm_dagen = toets.eerste.dagen
    afspraak.ingediend_op = timezone.now()
    afspraak.save(update_fields=["tegenvoorstel_kantoordagen", "streefnorm_dagen", "ingediend_op"])
    step.record(afspraak)
    notify(
        recipient=medewerker,
        subject=_("Uw leidinggevende doet een voorstel voor uw kantoordagen"),
        body=_("Voorstel: %(dagen)s kantoordagen per week. U kunt het accepteren of weigeren.")
        % {"dagen": getal(afspraak.kantoordagen)},
        link=link(afspraak),
    )
    return afspraak


@transaction.atomic
def afspraak_akkoord(
    *, actor, afspraak: Afspraak, onder_norm_overweging: str = "", onder_norm_toelichting: str = ""
) -> Afspraak:
    afspraak = lock(afspraak)
    step = AFSPRAAK_WORKFLOW.begin(afspraak, Actie.AKKOORD, afspraak_partij(actor, afspraak))
    toets = _toets(afspraak, afspraak.kantoordagen)
    check_onder_norm(
        toets,
        onder_norm_overweging or afspraak.onder_norm_overweging,
        onder_norm_toelichting or afspraak.onder_norm_toelichting,
    )
    if onder_norm_overweging:
        afspraak.onder_norm_overweging = onder_norm_overweging
        afspraak.onder_norm_toelichting = onder_norm_toelichting.strip()
    afspraak.streefnorm_dagen = toets.eerste.dagen
    afspraak.besloten_op = timezone.now()
    step.finish(
        afspraak,
        update_fields=[
            "onder_norm_overweging",
            "onder_norm_toelichting",
            "streefnorm_dagen",
            "besloten_op",
        ],
        note=afspraak.onder_norm_toelichting,
    )
    supersede(actor, afspraak, namens=step.party.on_behalf_of)
    notify(
        recipient=afspraak.medewerker,
        subject=_("Uw leidinggevende gaat akkoord met uw voorstel"),
        body=_("De afspraak van %(dagen)s kantoordagen per week geldt vanaf %(datum)s.")
        % {
            "dagen": getal(afspraak.kantoordagen),
            "datum": afspraak.ingangsdatum.strftime("%d-%m-%Y"),
        },
        link=link(afspraak),
    )
    return afspraak


@transaction.atomic
def afspraak_tegenvoorstel(
    *,
    actor,
    afspraak: Afspraak,
    kantoordagen: Decimal,
    motivatie: str,
    voorkeursdagen: list[int] | None = None,
    locatie=None,
    onder_norm_overweging: str = "",
    onder_norm_toelichting: str = "",
) -> Afspraak:
    """A counter to the employee's proposal: other days, and if need be other weekdays or
    another place (None: as the employee proposed). The employee accepts or refuses it."""
    afspraak = lock(afspraak)
    step = AFSPRAAK_WORKFLOW.begin(afspraak, Actie.TEGENVOORSTEL, afspraak_partij(actor, afspraak))
    errors = {}
    try:
        motivatie = check_motivatie(motivatie)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        validate_kantoordagen(kantoordagen)
    except ValidationError as error:
        errors["kantoordagen"] = error.messages
    if voorkeursdagen is not None:
        try:
            validate_weekdagen(voorkeursdagen)
        except ValidationError as error:
            errors["voorkeursdagen"] = error.messages
    if errors:
        raise ValidationError(errors)
    toets = _toets(afspraak, kantoordagen)
    check_onder_norm(toets, onder_norm_overweging, onder_norm_toelichting)
    onder_norm = bool(toets.onder)
    afspraak.tegenvoorstel_kantoordagen = kantoordagen
    afspraak.tegenvoorstel_voorkeursdagen = sorted(
        afspraak.voorkeursdagen if voorkeursdagen is None else voorkeursdagen
    )
    afspraak.tegenvoorstel_locatie = locatie or afspraak.locatie
    afspraak.motivatie = motivatie
    afspraak.onder_norm_overweging = onder_norm_overweging if onder_norm else ""
    afspraak.onder_norm_toelichting = onder_norm_toelichting.strip() if onder_norm else ""
    afspraak.streefnorm_dagen = toets.eerste.dagen
    step.finish(
        afspraak,
        update_fields=[
            "tegenvoorstel_kantoordagen",
            "tegenvoorstel_voorkeursdagen",
            "tegenvoorstel_locatie",
            "motivatie",
            "onder_norm_overweging",
            "onder_norm_toelichting",
            "streefnorm_dagen",
        ],
        note=motivatie,
    )
    notify(
        recipient=afspraak.medewerker,
        subject=_("Uw leidinggevende doet een tegenvoorstel"),
        body=_(
            "Tegenvoorstel: %(dagen)s kantoordagen per week, op %(weekdagen)s, "
            "in %(locatie)s.\n\n%(motivatie)s"
        )
        % {
            "dagen": getal(kantoordagen),
            "weekdagen": ", ".join(afspraak.tegenvoorstel_voorkeursdagen_namen)
            or _("geen vaste dagen"),
            "locatie": afspraak.tegenvoorstel_locatie or _("geen vaste locatie"),
            "motivatie": motivatie,
        },
        link=link(afspraak),
    )
    return afspraak


@transaction.atomic
def afspraak_afwijzen(*, actor, afspraak: Afspraak, motivatie: str) -> Afspraak:
    afspraak = lock(afspraak)
    step = AFSPRAAK_WORKFLOW.begin(afspraak, Actie.AFWIJZEN, afspraak_partij(actor, afspraak))
    afspraak.motivatie = check_motivatie(motivatie)
    afspraak.besloten_op = timezone.now()
    step.finish(afspraak, update_fields=["motivatie", "besloten_op"], note=afspraak.motivatie)
    notify(
        recipient=afspraak.medewerker,
        subject=_("Uw leidinggevende wijst uw voorstel af"),
        body=_(
            "Motivering: %(motivatie)s\n\nU kunt een nieuw voorstel doen of het adviserend "
            "comité om advies vragen."
        )
        % {"motivatie": afspraak.motivatie},
        link=link(afspraak),
    )
    return afspraak


@transaction.atomic
def afspraak_intrekken(*, actor, afspraak: Afspraak) -> Afspraak:
    """Who made the proposal takes it back before it is decided: nothing is agreed."""
    afspraak = lock(afspraak)
    step = AFSPRAAK_WORKFLOW.begin(afspraak, Actie.INTREKKEN, afspraak_partij(actor, afspraak))
    step.finish(afspraak)
    if actor.pk == afspraak.medewerker_id:
        ontvangers = leidinggevenden_van(afspraak.medewerker)
        onderwerp = _("%(naam)s trekt het voorstel voor kantoordagen in") % {
            "naam": afspraak.medewerker.naam
        }
    else:
        ontvangers = [afspraak.medewerker]
        onderwerp = _("Uw leidinggevende trekt het voorstel voor uw kantoordagen in")
    for ontvanger in ontvangers:
        notify(
            recipient=ontvanger,
            subject=onderwerp,
            body=_("Er is niets afgesproken. U kunt een nieuw voorstel doen."),
            link=link(afspraak),
        )
    return afspraak


@transaction.atomic
def afspraak_vastleggen(
    *, actor, medewerker, kantoordagen, voorkeursdagen, bron: str, toelichting: str = ""
) -> Afspraak:
    """Record the outcome of the comité (an advice both accepted) or of a binding ruling.

    A new version in `akkoord` that starts today and runs to the end of today's period; it
    supersedes the current agreement the same way an agreed proposal does. The place and the
    considerations carry over from the latest agreed version: the outcome is about the days.
    """
    medewerker = lock_person(medewerker.pk)
    party = Party(user=actor, roles=frozenset({Partij.SYSTEEM}))
    step = AFSPRAAK_WORKFLOW.begin(None, Actie.VASTLEGGEN, party)
    vorige = (
        Afspraak.objects.filter(medewerker=medewerker, status=Status.AKKOORD)
        .order_by("-versie")
        .first()
    )
    today = timezone.localdate()
    voorstel = Voorstel(
        kantoordagen=kantoordagen,
        ingangsdatum=today,
        einddatum=periode_voor(today).einddatum,
        voorkeursdagen=list(voorkeursdagen),
        locatie=vorige.locatie if vorige else None,
        overwegingen=vorige.overwegingen if vorige else {},
        toelichting=toelichting,
    )
    afspraak = new_version(medewerker, actor, step, voorstel)
    afspraak.bron = bron
    afspraak.besloten_op = timezone.now()
    afspraak.save(update_fields=["bron", "besloten_op"])
    step.record(afspraak, note=_("Bron: %(bron)s.") % {"bron": Bron(bron).label})
    supersede(actor, afspraak)
    # A proposal left on the table (the case may be about one left unanswered) is settled by
    # this outcome: it lapses instead of waiting for a decision forever.
    for wachtend in Afspraak.objects.wachtend().filter(medewerker=medewerker):
        lapse = AFSPRAAK_WORKFLOW.begin(wachtend, Actie.LATEN_VERVALLEN, party)
        wachtend.vervallen_op = timezone.now()
        lapse.finish(
            wachtend,
            update_fields=["vervallen_op"],
            note=_("Vervangen door versie %(versie)s na %(bron)s.")
            % {"versie": afspraak.versie, "bron": Bron(bron).label},
        )
    notify(
        recipient=medewerker,
        subject=_("Nieuwe afspraak vastgelegd na %(bron)s") % {"bron": Bron(bron).label},
        body=_("Vanaf %(datum)s geldt een afspraak van %(dagen)s kantoordagen per week.")
        % {"datum": today.strftime("%d-%m-%Y"), "dagen": getal(kantoordagen)},
        link=link(afspraak),
    )
    return afspraak


# --- the system ----------------------------------------------------------------------------


@transaction.atomic
def afspraak_laten_vervallen(*, afspraak: Afspraak, reden: str) -> Afspraak:
    afspraak = lock(afspraak)
    step = AFSPRAAK_WORKFLOW.begin(afspraak, Actie.LATEN_VERVALLEN, Party.system())
    afspraak.vervallen_op = timezone.now()
    step.finish(afspraak, update_fields=["vervallen_op"], note=reden)
    return afspraak
