"""A leidinggevende hands decisions to a vervanger for a date range, and may take them back."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from convenant.models import Delegatie
from convenant.permissions import mag_delegeren
from convenant.selectors.delegaties import vervanger_kandidaten
from pilot import audit
from pilot.dates import in_sentence
from pilot.notifications import notify
from pilot.workflow import TransitionNotAllowed


@transaction.atomic
def delegatie_aanmaken(*, actor, vervanger, startdatum: date, einddatum: date) -> Delegatie:
    if not mag_delegeren(actor):
        raise PermissionDenied(_("Alleen een leidinggevende kan een vervanger aanwijzen."))
    errors = {}
    if vervanger.pk == actor.pk:
        errors["vervanger"] = _("U kunt uzelf niet als vervanger aanwijzen.")
    elif not vervanger_kandidaten(actor).filter(pk=vervanger.pk).exists():
        errors["vervanger"] = _(
            "Kies een andere leidinggevende uit uw afdeling, of een teamlid dat de organisatie "
            "als vervanger heeft aangemerkt."
        )
    if einddatum is None:
        errors["einddatum"] = _("Geef aan tot wanneer de vervanging loopt.")
    elif einddatum < startdatum:
        errors["einddatum"] = _("De einddatum ligt voor de startdatum.")
    elif einddatum > startdatum + relativedelta(months=settings.DELEGATIE_MAX_MAANDEN):
        errors["einddatum"] = _(
            "Een vervanging loopt hoogstens %(maanden)s maanden: kies een einddatum tot en met "
            "%(uiterlijk)s."
        ) % {
            "maanden": settings.DELEGATIE_MAX_MAANDEN,
            "uiterlijk": in_sentence(
                startdatum + relativedelta(months=settings.DELEGATIE_MAX_MAANDEN)
            ),
        }
    if startdatum < timezone.localdate():
        errors["startdatum"] = _("De startdatum ligt in het verleden.")
    if errors:
        raise ValidationError(errors)
    delegatie = Delegatie.objects.create(
        leidinggevende=actor, vervanger=vervanger, startdatum=startdatum, einddatum=einddatum
    )
    audit.record(actor=actor, action="delegatie.aanmaken", obj=delegatie, to_state="actief")
    notify(
        recipient=vervanger,
        subject=lambda: _("U bent vervanger van %(naam)s") % {"naam": actor.naam},
        body=lambda: (
            _(
                "Van %(start)s tot en met %(eind)s beslist u namens %(naam)s over voorstellen "
                "voor kantoordagen."
            )
            % {
                "start": in_sentence(startdatum),
                "eind": in_sentence(einddatum),
                "naam": actor.naam,
            }
        ),
        link=reverse("mijn_team"),
    )
    return delegatie


@transaction.atomic
def delegatie_intrekken(*, actor, delegatie: Delegatie) -> Delegatie:
    delegatie = (
        Delegatie.objects.select_for_update(of=("self",))
        .select_related("vervanger")
        .get(pk=delegatie.pk)
    )
    if delegatie.leidinggevende_id != actor.pk:
        raise PermissionDenied
    if delegatie.ingetrokken_op is not None:
        raise TransitionNotAllowed(_("Deze delegatie is al ingetrokken."))
    delegatie.ingetrokken_op = timezone.now()
    delegatie.save(update_fields=["ingetrokken_op"])
    audit.record(
        actor=actor,
        action="delegatie.intrekken",
        obj=delegatie,
        from_state="actief",
        to_state="ingetrokken",
    )
    notify(
        recipient=delegatie.vervanger,
        subject=lambda: _("Uw vervanging voor %(naam)s is ingetrokken") % {"naam": actor.naam},
    )
    return delegatie
