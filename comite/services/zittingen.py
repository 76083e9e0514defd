"""Planning (and re-planning) the zitting, and mailing the iCalendar invitation."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comite import agenda, termijnen
from comite.models import Termijnsoort, Zaak, Zitting
from comite.permissions import zaak_partij
from comite.services.basis import lock_zaak, vertel
from comite.workflows import ZAAK_WORKFLOW, ZaakActie
from pilot.dates import moment_in_sentence


@transaction.atomic
def zitting_plannen(
    *, actor, zaak: Zaak, begin, einde, locatie: str = "", online_link: str = ""
) -> Zaak:
    zaak = lock_zaak(zaak)
    step = ZAAK_WORKFLOW.begin(zaak, ZaakActie.ZITTING_PLANNEN, zaak_partij(actor, zaak))
    errors = {}
    if begin is None or timezone.is_naive(begin):
        errors["begin"] = _("Geef datum en tijd van de zitting.")
    elif begin <= timezone.now():
        errors["begin"] = _("De zitting kan niet in het verleden liggen. Kies een latere datum.")
    if einde is None or (begin is not None and einde <= begin):
        errors["einde"] = _("De zitting eindigt na het begin.")
    locatie, online_link = (locatie or "").strip(), (online_link or "").strip()
    if not locatie and not online_link:
        errors["locatie"] = _("Geef een plaats of een link voor online deelname.")
    if errors:
        raise ValidationError(errors)
    zitting = Zitting.objects.select_for_update().filter(zaak=zaak).first()
    verplaatst = zitting is not None
    if zitting is None:
        zitting = Zitting(zaak=zaak, uid=f"zaak-{zaak.pk}-{secrets.token_hex(8)}@kantoordagen")
    else:
        zitting.volgnummer += 1  # same UID: the calendars replace the earlier invitation
    zitting.begin, zitting.einde = begin, einde
    zitting.locatie, zitting.online_link = locatie, online_link
    zitting.save()
    zaak.termijn = termijnen.advies(begin)
    zaak.termijnsoort = Termijnsoort.ADVIES
    moment = moment_in_sentence(begin)
    step.finish(
        zaak,
        update_fields=["termijn", "termijnsoort"],
        note=(_("Verplaatst naar %(moment)s.") if verplaatst else _("Op %(moment)s."))
        % {"moment": moment},
    )
    from comite.tasks import verstuur_uitnodiging

    transaction.on_commit(lambda: verstuur_uitnodiging.delay(zitting.pk))
    vertel(
        [zaak.medewerker, zaak.leidinggevende, *(p.lid for p in zaak.panelleden.all())],
        zaak,
        lambda: (
            (_("Zitting verplaatst: %(zaak)s") if verplaatst else _("Zitting gepland: %(zaak)s"))
            % {"zaak": zaak}
        ),
        lambda: (
            _("De zitting is op %(moment)s. De uitnodiging komt ook per e-mail.")
            % {"moment": moment_in_sentence(begin)}
        ),
    )
    return zaak


def uitnodiging_versturen(zitting_id: int) -> bool:
    """Mail the invitation once per SEQUENCE: running the job twice sends nothing twice."""
    with transaction.atomic():
        zitting = (
            Zitting.objects.select_for_update(of=("self",))
            .select_related("zaak__medewerker", "zaak__leidinggevende")
            .filter(pk=zitting_id)
            .first()
        )
        if zitting is None or zitting.verzonden_volgnummer == zitting.volgnummer:
            return False
        ontvangers = [email for _naam, email in agenda.deelnemers(zitting.zaak)]
        if ontvangers:
            onderwerp = (
                _("Bijgewerkte uitnodiging: zitting adviserend comité")
                if zitting.volgnummer
                else _("Uitnodiging: zitting adviserend comité")
            )
            bericht = EmailMessage(
                subject=onderwerp,
                body=_("De uitnodiging voor de zitting staat in de bijlage (agenda-item)."),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=ontvangers,
            )
            bericht.attach(
                "zitting.ics", agenda.uitnodiging(zitting), "text/calendar; method=REQUEST"
            )
            bericht.send()
        zitting.verzonden_volgnummer = zitting.volgnummer
        zitting.save(update_fields=["verzonden_volgnummer"])
    return True
