"""The advice and the parties' answers: both accept → a new agreement version; one rejects →
the case ends `niet_opgelost` and the way to a geschil (art. 12.1 cao) opens for six weeks."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comite import termijnen
from comite.models import Advies, Zaak
from comite.permissions import zaak_partij
from comite.services.basis import lock_zaak, secretarissen, vertel
from comite.workflows import MEDEWERKER, ZAAK_WORKFLOW, ZaakActie
from convenant.models import Bron
from convenant.services import afspraak_vastleggen
from convenant.validators import MAX_TEKST, validate_kantoordagen, validate_weekdagen
from pilot.dates import in_sentence
from pilot.workflow import Party, TransitionNotAllowed


@transaction.atomic
def advies_uitbrengen(
    *, actor, zaak: Zaak, tekst: str, kantoordagen: Decimal | None, voorkeursdagen=()
) -> Zaak:
    zaak = lock_zaak(zaak)
    step = ZAAK_WORKFLOW.begin(zaak, ZaakActie.ADVIES, zaak_partij(actor, zaak))
    errors = {}
    tekst = (tekst or "").strip()
    if not tekst:
        errors["tekst"] = _("Schrijf het advies uit: een advies zonder tekst kan niet.")
    elif len(tekst) > MAX_TEKST * 2:
        errors["tekst"] = _("Het advies is te lang (maximaal %(max)s tekens).") % {
            "max": MAX_TEKST * 2
        }
    if kantoordagen is None:
        errors["kantoordagen"] = _("Geef het geadviseerde aantal kantoordagen per week.")
    else:
        try:
            validate_kantoordagen(kantoordagen)
        except ValidationError as error:
            errors["kantoordagen"] = error.messages
    voorkeursdagen = sorted(voorkeursdagen or [])
    try:
        validate_weekdagen(voorkeursdagen)
    except ValidationError as error:
        errors["voorkeursdagen"] = error.messages
    if errors:
        raise ValidationError(errors)
    Advies.objects.create(
        zaak=zaak,
        tekst=tekst,
        kantoordagen=kantoordagen,
        voorkeursdagen=voorkeursdagen,
        uitgebracht_door=actor,
        uitgebracht_op=timezone.now(),
    )
    zaak.termijn, zaak.termijnsoort = None, ""
    step.finish(zaak, update_fields=["termijn", "termijnsoort"])
    vertel(
        [zaak.medewerker, zaak.leidinggevende],
        zaak,
        lambda: _("Het comité heeft advies uitgebracht in %(zaak)s") % {"zaak": zaak},
        lambda: _("Lees het advies en laat weten of u het aanvaardt."),
    )
    return zaak


def _kant(party: Party) -> str:
    return "medewerker_aanvaard" if MEDEWERKER in party else "leidinggevende_aanvaard"


@transaction.atomic
def advies_aanvaarden(*, actor, zaak: Zaak) -> Zaak:
    zaak = lock_zaak(zaak)
    party = zaak_partij(actor, zaak)
    step = ZAAK_WORKFLOW.begin(zaak, ZaakActie.ADVIES_AANVAARDEN, party)
    advies = Advies.objects.select_for_update().get(zaak=zaak)
    kant = _kant(party)
    if getattr(advies, kant) is not None:
        raise TransitionNotAllowed(_("U hebt dit advies al beantwoord."))
    setattr(advies, kant, True)
    advies.save(update_fields=[kant])
    step.finish(zaak, update_fields=[])
    if advies.medewerker_aanvaard and advies.leidinggevende_aanvaard:
        _oplossen(zaak, advies)
    return zaak


def _oplossen(zaak: Zaak, advies: Advies) -> None:
    """Both accepted: the advice becomes the agreement, created by the portal itself."""
    step = ZAAK_WORKFLOW.begin(zaak, ZaakActie.OPLOSSEN, Party.system())
    afspraak = afspraak_vastleggen(
        actor=None,
        medewerker=zaak.medewerker,
        kantoordagen=advies.kantoordagen,
        voorkeursdagen=advies.voorkeursdagen,
        bron=Bron.ADVIES_COMITE,
        toelichting=_("Volgens het advies van het adviserend comité in zaak %(nummer)s.")
        % {"nummer": zaak.pk},
    )
    advies.afspraak = afspraak
    advies.save(update_fields=["afspraak"])
    zaak.afgesloten_op = timezone.now()
    step.finish(
        zaak,
        update_fields=["afgesloten_op"],
        note=_("Afspraak versie %(versie)s vastgelegd.") % {"versie": afspraak.versie},
    )
    vertel(
        [zaak.medewerker, zaak.leidinggevende, *secretarissen()],
        zaak,
        lambda: _("Beide partijen aanvaarden het advies in %(zaak)s") % {"zaak": zaak},
        lambda: (
            _("De nieuwe afspraak (versie %(versie)s) geldt vanaf vandaag.")
            % {"versie": afspraak.versie}
        ),
    )


@transaction.atomic
def advies_afwijzen(*, actor, zaak: Zaak, toelichting: str = "") -> Zaak:
    zaak = lock_zaak(zaak)
    party = zaak_partij(actor, zaak)
    step = ZAAK_WORKFLOW.begin(zaak, ZaakActie.ADVIES_AFWIJZEN, party)
    advies = Advies.objects.select_for_update().get(zaak=zaak)
    kant = _kant(party)
    if getattr(advies, kant) is not None:
        raise TransitionNotAllowed(_("U hebt dit advies al beantwoord."))
    setattr(advies, kant, False)
    advies.save(update_fields=[kant])
    zaak.afgesloten_op = timezone.now()
    step.finish(zaak, update_fields=["afgesloten_op"], note=(toelichting or "").strip()[:MAX_TEKST])
    uiterlijk = termijnen.geschil_uiterlijk(zaak)
    wie = (
        gettext_lazy("de medewerker")
        if kant == "medewerker_aanvaard"
        else gettext_lazy("de leidinggevende")
    )
    vertel(
        [zaak.medewerker],
        zaak,
        lambda: _("Het advies is afgewezen door %(wie)s: geen oplossing") % {"wie": wie},
        lambda: (
            _(
                "U kunt tot en met %(datum)s een geschil indienen volgens de individuele "
                "geschillenregeling (artikel 12.1 cao)."
            )
            % {"datum": in_sentence(uiterlijk)}
        ),
    )
    vertel(
        [zaak.leidinggevende, *secretarissen()],
        zaak,
        lambda: _("Het advies is afgewezen door %(wie)s: geen oplossing") % {"wie": wie},
    )
    return zaak
