"""Daily jobs: remind about unanswered proposals, and let ended agreements lapse.

Each item is handled in its own short transaction that re-reads the row under a lock and
stamps it, so running the job twice (or two workers at once) sends nothing twice.
"""

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from convenant.models import Afspraak, Status
from convenant.selectors.afspraken import (
    ESCALATIE_NA_WERKDAGEN,
    HERINNERING_NA_WERKDAGEN,
    wachttijd,
)
from convenant.services.afspraak_basis import leidinggevenden_van
from convenant.services.afspraken import afspraak_laten_vervallen
from pilot.notifications import notify


def afspraken_herinneren(today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    sent = {"herinneringen": 0, "escalatiemeldingen": 0}
    candidates = Afspraak.objects.filter(
        status=Status.INGEDIEND, ingediend_op__isnull=False
    ).filter(escalatie_gemeld_op__isnull=True)
    for afspraak in candidates.only("pk", "ingediend_op", "herinnering_verzonden_op"):
        wacht = wachttijd(afspraak, today)
        if wacht >= HERINNERING_NA_WERKDAGEN and afspraak.herinnering_verzonden_op is None:
            sent["herinneringen"] += _herinner(afspraak.pk)
        if wacht >= ESCALATIE_NA_WERKDAGEN:
            sent["escalatiemeldingen"] += _meld_escalatie(afspraak.pk)
    return sent


@transaction.atomic
def _herinner(pk: int) -> int:
    afspraak = (
        Afspraak.objects.select_for_update(of=("self",))
        .select_related("medewerker__team__leidinggevende")
        .filter(pk=pk, status=Status.INGEDIEND, herinnering_verzonden_op__isnull=True)
        .first()
    )
    if afspraak is None:
        return 0
    afspraak.herinnering_verzonden_op = timezone.now()
    afspraak.save(update_fields=["herinnering_verzonden_op"])
    for ontvanger in leidinggevenden_van(afspraak.medewerker):
        notify(
            recipient=ontvanger,
            subject=lambda: (
                _("Herinnering: voorstel van %(naam)s wacht 10 werkdagen")
                % {"naam": afspraak.medewerker.naam}
            ),
            body=lambda: _(
                "Geef akkoord, doe een tegenvoorstel of wijs het voorstel gemotiveerd af."
            ),
            link=reverse("afspraak_detail", args=[afspraak.pk]),
        )
    return 1


@transaction.atomic
def _meld_escalatie(pk: int) -> int:
    afspraak = (
        Afspraak.objects.select_for_update(of=("self",))
        .select_related("medewerker")
        .filter(pk=pk, status=Status.INGEDIEND, escalatie_gemeld_op__isnull=True)
        .first()
    )
    if afspraak is None:
        return 0
    afspraak.escalatie_gemeld_op = timezone.now()
    afspraak.save(update_fields=["escalatie_gemeld_op"])
    notify(
        recipient=afspraak.medewerker,
        subject=lambda: _("Geen reactie op uw voorstel na 20 werkdagen"),
        body=lambda: _("U kunt nu het adviserend comité om advies vragen."),
        link=reverse("mijn_afspraak"),
    )
    return 1


def afspraken_verlopen(today: date | None = None) -> int:
    """`akkoord` → `vervallen` once the agreement's end date has passed."""
    today = today or timezone.localdate()
    count = 0
    ended = Afspraak.objects.filter(status=Status.AKKOORD, einddatum__lt=today)
    for pk, medewerker_id in ended.values_list("pk", "medewerker_id"):
        afspraak = Afspraak(pk=pk, medewerker_id=medewerker_id)
        with transaction.atomic():
            locked = (
                Afspraak.objects.select_for_update().filter(pk=pk, status=Status.AKKOORD).first()
            )
            if locked is None:
                continue
            afspraak_laten_vervallen(
                afspraak=afspraak, reden=_("De einddatum van de afspraak is verstreken.")
            )
            opvolger = (
                Afspraak.objects.akkoord_op(today)
                .filter(medewerker_id=medewerker_id)
                .order_by("-versie")
                .first()
            )
            notify(
                recipient=locked.medewerker,
                subject=lambda: _("Uw afspraak over kantoordagen is verlopen"),
                body=(
                    lambda opvolger=opvolger: (
                        _("Nu geldt versie %(versie)s van uw afspraak.")
                        % {"versie": opvolger.versie}
                        if opvolger
                        else _("Maak een nieuw voorstel voor de periode die nu loopt.")
                    )
                ),
                link=reverse("mijn_afspraak"),
            )
        count += 1
    return count
