"""Use cases of the employee (and the system) on an office-day agreement.

Every function runs in one transaction, locks the person's row first (so version numbers, the
one-open-proposal rule and the no-overlap rule are read-then-written by one request at a time),
checks the transition table, writes the timeline and notifies the other party.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from convenant.exceptions import TransitionNotAllowed
from convenant.formatting import getal
from convenant.models import Actie, Afspraak, Bron, Status
from convenant.services.afspraak_basis import (
    Voorstel,
    apply_voorstel,
    controleer_overgang,
    leidinggevenden_van,
    link,
    lock,
    lock_person,
    new_version,
    periode_voor,
    require_owner,
    supersede,
)
from convenant.streefnorm import streefnorm
from convenant.validators import MAX_TEKST
from pilot import audit
from pilot.notifications import notify

__all__ = [
    "Voorstel",
    "afspraak_accepteren",
    "afspraak_indienen",
    "afspraak_laten_vervallen",
    "afspraak_opslaan",
    "afspraak_vastleggen",
    "afspraak_weigeren",
    "controleer_overgang",
]


@transaction.atomic
def afspraak_opslaan(*, actor, voorstel: Voorstel, indienen: bool) -> Afspraak:
    """Save the employee's own proposal: update the open concept, or start a new version."""
    medewerker = lock_person(actor.pk)
    open_versie = Afspraak.objects.select_for_update().open().filter(medewerker=medewerker).first()
    if open_versie is not None and open_versie.status != Status.CONCEPT:
        raise TransitionNotAllowed(
            _(
                "U hebt al een voorstel dat op antwoord wacht (versie %(versie)s, %(status)s). "
                "Wacht het antwoord af voordat u een nieuw voorstel doet."
            )
            % {"versie": open_versie.versie, "status": open_versie.get_status_display()}
        )
    if open_versie is None:
        afspraak = new_version(medewerker, actor, Actie.AANMAKEN, voorstel)
        audit.record(
            actor=actor, action="afspraak.aanmaken", obj=afspraak, to_state=afspraak.status
        )
    else:
        afspraak = open_versie
        apply_voorstel(afspraak, voorstel)
        afspraak.full_clean()
        afspraak.save()
        audit.record(
            actor=actor,
            action="afspraak.concept_bijwerken",
            obj=afspraak,
            from_state=afspraak.status,
            to_state=afspraak.status,
        )
    if indienen:
        _indienen(actor, afspraak)
    return afspraak


@transaction.atomic
def afspraak_indienen(*, actor, afspraak: Afspraak) -> Afspraak:
    afspraak = lock(afspraak)
    require_owner(actor, afspraak)
    _indienen(actor, afspraak)
    return afspraak


def _indienen(actor, afspraak: Afspraak) -> None:
    van = afspraak.status
    afspraak.status = controleer_overgang(van, Actie.INDIENEN)
    afspraak.ingediend_op = timezone.now()
    afspraak.streefnorm_dagen = streefnorm(afspraak.medewerker, afspraak.ingangsdatum).dagen
    afspraak.save(update_fields=["status", "ingediend_op", "streefnorm_dagen"])
    audit.record(
        actor=actor,
        action="afspraak.indienen",
        obj=afspraak,
        from_state=van,
        to_state=afspraak.status,
    )
    for ontvanger in leidinggevenden_van(afspraak.medewerker):
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
    require_owner(actor, afspraak)
    van = afspraak.status
    afspraak.status = controleer_overgang(van, Actie.ACCEPTEREN)
    note = ""
    if afspraak.tegenvoorstel_kantoordagen is not None:
        if afspraak.tegenvoorstel_kantoordagen != afspraak.kantoordagen:
            note = _("Tegenvoorstel aanvaard: %(van)s → %(naar)s kantoordagen.") % {
                "van": getal(afspraak.kantoordagen),
                "naar": getal(afspraak.tegenvoorstel_kantoordagen),
            }
        afspraak.kantoordagen = afspraak.tegenvoorstel_kantoordagen
    afspraak.besloten_op = timezone.now()
    afspraak.save(update_fields=["status", "kantoordagen", "besloten_op"])
    audit.record(
        actor=actor,
        action="afspraak.accepteren",
        obj=afspraak,
        from_state=van,
        to_state=afspraak.status,
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


@transaction.atomic
def afspraak_weigeren(*, actor, afspraak: Afspraak, toelichting: str = "") -> Afspraak:
    """The employee refuses the (counter-)proposal: no agreement; the way to the comité opens."""
    afspraak = lock(afspraak)
    require_owner(actor, afspraak)
    toelichting = (toelichting or "").strip()
    if len(toelichting) > MAX_TEKST:
        raise ValidationError(
            {
                "toelichting": _("De tekst is te lang (maximaal %(max)s tekens).")
                % {"max": MAX_TEKST}
            }
        )
    van = afspraak.status
    afspraak.status = controleer_overgang(van, Actie.WEIGEREN)
    afspraak.besloten_op = timezone.now()
    afspraak.save(update_fields=["status", "besloten_op"])
    audit.record(
        actor=actor,
        action="afspraak.weigeren",
        obj=afspraak,
        from_state=van,
        to_state=afspraak.status,
        note=toelichting,
    )
    for ontvanger in leidinggevenden_van(afspraak.medewerker):
        notify(
            recipient=ontvanger,
            subject=_("%(naam)s weigert het voorstel: geen overeenstemming")
            % {"naam": afspraak.medewerker.naam},
            body=toelichting,
            link=link(afspraak),
        )
    return afspraak


@transaction.atomic
def afspraak_laten_vervallen(*, afspraak: Afspraak, reden: str, actor=None) -> Afspraak:
    afspraak = lock(afspraak)
    van = afspraak.status
    afspraak.status = controleer_overgang(van, Actie.LATEN_VERVALLEN)
    afspraak.vervallen_op = timezone.now()
    afspraak.save(update_fields=["status", "vervallen_op"])
    audit.record(
        actor=actor,
        action="afspraak.laten_vervallen",
        obj=afspraak,
        from_state=van,
        to_state=afspraak.status,
        note=reden,
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
    vorige = (
        Afspraak.objects.filter(medewerker=medewerker, status=Status.AKKOORD)
        .order_by("-versie")
        .first()
    )
    today = timezone.localdate()
    periode = periode_voor(today)
    voorstel = Voorstel(
        kantoordagen=kantoordagen,
        ingangsdatum=today,
        einddatum=periode.einddatum,
        voorkeursdagen=list(voorkeursdagen),
        locatie=vorige.locatie if vorige else "",
        overwegingen=vorige.overwegingen if vorige else {},
        toelichting=toelichting,
    )
    afspraak = new_version(medewerker, actor, Actie.VASTLEGGEN, voorstel)
    afspraak.bron = bron
    afspraak.besloten_op = timezone.now()
    afspraak.save(update_fields=["bron", "besloten_op"])
    audit.record(
        actor=actor,
        action="afspraak.vastleggen",
        obj=afspraak,
        to_state=afspraak.status,
        note=_("Bron: %(bron)s.") % {"bron": Bron(bron).label},
    )
    supersede(actor, afspraak)
    notify(
        recipient=medewerker,
        subject=_("Nieuwe afspraak vastgelegd na %(bron)s") % {"bron": Bron(bron).label},
        body=_("Vanaf %(datum)s geldt een afspraak van %(dagen)s kantoordagen per week.")
        % {"datum": today.strftime("%d-%m-%Y"), "dagen": getal(kantoordagen)},
        link=link(afspraak),
    )
    return afspraak
