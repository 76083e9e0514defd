"""Decisions of the leidinggevende (or a vervanger inside the delegation's range): start a
proposal for a member, agree, counter-propose, reject. Same locks and rules as afspraken.py."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from convenant.exceptions import TransitionNotAllowed
from convenant.formatting import getal
from convenant.models import Actie, Afspraak, Status
from convenant.services.afspraak_basis import (
    Voorstel,
    check_onder_norm,
    controleer_overgang,
    link,
    lock,
    lock_person,
    new_version,
    require_beslisser,
    supersede,
)
from convenant.streefnorm import streefnorm
from convenant.validators import check_motivatie, validate_kantoordagen
from pilot import audit
from pilot.notifications import notify


@transaction.atomic
def afspraak_voorstellen(*, actor, medewerker, voorstel: Voorstel) -> Afspraak:
    """A leidinggevende starts a proposal for a team member; it waits for the member's answer."""
    namens = require_beslisser(actor, medewerker)
    medewerker = lock_person(medewerker.pk)
    open_versie = Afspraak.objects.open().filter(medewerker=medewerker).first()
    if open_versie is not None and open_versie.status == Status.CONCEPT:
        # The member's draft is private: the refusal does not say that there is one.
        raise TransitionNotAllowed(
            _("U kunt nu geen voorstel doen voor %(naam)s. Bespreek samen hoe u verder gaat.")
            % {"naam": medewerker.naam}
        )
    if open_versie is not None:
        raise TransitionNotAllowed(
            _(
                "%(naam)s heeft al een open voorstel (versie %(versie)s, %(status)s). "
                "Handel dat eerst af."
            )
            % {
                "naam": medewerker.naam,
                "versie": open_versie.versie,
                "status": open_versie.get_status_display(),
            }
        )
    norm = streefnorm(medewerker, voorstel.ingangsdatum)
    check_onder_norm(
        voorstel.kantoordagen,
        norm.dagen,
        voorstel.onder_norm_overweging,
        voorstel.onder_norm_toelichting,
    )
    afspraak = new_version(medewerker, actor, Actie.VOORSTELLEN, voorstel)
    afspraak.tegenvoorstel_kantoordagen = afspraak.kantoordagen
    afspraak.streefnorm_dagen = norm.dagen
    afspraak.ingediend_op = timezone.now()
    afspraak.save()
    audit.record(
        actor=actor,
        action="afspraak.voorstellen",
        obj=afspraak,
        to_state=afspraak.status,
        on_behalf_of=namens,
    )
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
    namens = require_beslisser(actor, afspraak.medewerker)
    van = afspraak.status
    naar = controleer_overgang(van, Actie.AKKOORD)
    norm = streefnorm(afspraak.medewerker, afspraak.ingangsdatum)
    check_onder_norm(
        afspraak.kantoordagen,
        norm.dagen,
        onder_norm_overweging or afspraak.onder_norm_overweging,
        onder_norm_toelichting or afspraak.onder_norm_toelichting,
    )
    if onder_norm_overweging:
        afspraak.onder_norm_overweging = onder_norm_overweging
        afspraak.onder_norm_toelichting = onder_norm_toelichting.strip()
    afspraak.status = naar
    afspraak.streefnorm_dagen = norm.dagen
    afspraak.besloten_op = timezone.now()
    afspraak.save()
    audit.record(
        actor=actor,
        action="afspraak.akkoord",
        obj=afspraak,
        from_state=van,
        to_state=naar,
        note=afspraak.onder_norm_toelichting,
        on_behalf_of=namens,
    )
    supersede(actor, afspraak, namens=namens)
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
    onder_norm_overweging: str = "",
    onder_norm_toelichting: str = "",
) -> Afspraak:
    afspraak = lock(afspraak)
    namens = require_beslisser(actor, afspraak.medewerker)
    van = afspraak.status
    naar = controleer_overgang(van, Actie.TEGENVOORSTEL)
    motivatie = check_motivatie(motivatie)
    try:
        validate_kantoordagen(kantoordagen)
    except ValidationError as error:
        raise ValidationError({"kantoordagen": error.messages}) from error
    norm = streefnorm(afspraak.medewerker, afspraak.ingangsdatum)
    check_onder_norm(kantoordagen, norm.dagen, onder_norm_overweging, onder_norm_toelichting)
    afspraak.status = naar
    afspraak.tegenvoorstel_kantoordagen = kantoordagen
    afspraak.motivatie = motivatie
    afspraak.onder_norm_overweging = onder_norm_overweging if kantoordagen < norm.dagen else ""
    afspraak.onder_norm_toelichting = (
        onder_norm_toelichting.strip() if kantoordagen < norm.dagen else ""
    )
    afspraak.streefnorm_dagen = norm.dagen
    afspraak.save()
    audit.record(
        actor=actor,
        action="afspraak.tegenvoorstel",
        obj=afspraak,
        from_state=van,
        to_state=naar,
        note=motivatie,
        on_behalf_of=namens,
    )
    notify(
        recipient=afspraak.medewerker,
        subject=_("Uw leidinggevende doet een tegenvoorstel"),
        body=_("Tegenvoorstel: %(dagen)s kantoordagen per week.\n\n%(motivatie)s")
        % {"dagen": getal(kantoordagen), "motivatie": motivatie},
        link=link(afspraak),
    )
    return afspraak


@transaction.atomic
def afspraak_afwijzen(*, actor, afspraak: Afspraak, motivatie: str) -> Afspraak:
    afspraak = lock(afspraak)
    namens = require_beslisser(actor, afspraak.medewerker)
    van = afspraak.status
    naar = controleer_overgang(van, Actie.AFWIJZEN)
    afspraak.motivatie = check_motivatie(motivatie)
    afspraak.status = naar
    afspraak.besloten_op = timezone.now()
    afspraak.save(update_fields=["status", "motivatie", "besloten_op"])
    audit.record(
        actor=actor,
        action="afspraak.afwijzen",
        obj=afspraak,
        from_state=van,
        to_state=naar,
        note=afspraak.motivatie,
        on_behalf_of=namens,
    )
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
