"""The daily job: exemptions lapse after their end date, and the employee hears 14 days ahead.
A request still undecided at its end date lapses too; the employee and the leidinggevende hear
that (see `uitzondering_laten_verlopen`).

Each item is handled in its own short transaction that re-reads the row under a lock and
stamps it, so running the job twice (or two workers at once) changes and sends nothing twice.
"""

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from convenant.models import LOPENDE_STATUSSEN, Uitzondering, UitzonderingStatus
from convenant.selectors.uitzonderingen import VERLOOPMELDING_DAGEN
from convenant.services.uitzondering_regels import datum
from convenant.services.uitzonderingen import uitzondering_laten_verlopen
from pilot.notifications import notify


def uitzonderingen_verlopen(today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    result = {"verlopen": 0, "meldingen": 0}
    # The end date is the last day it applies ("t/m"): it lapses the day after.
    ended = Uitzondering.objects.filter(status__in=LOPENDE_STATUSSEN, einddatum__lt=today)
    for pk in ended.values_list("pk", flat=True):
        if uitzondering_laten_verlopen(uitzondering=Uitzondering(pk=pk)) is not None:
            result["verlopen"] += 1
    ending = Uitzondering.objects.filter(
        status=UitzonderingStatus.TOEGEKEND,
        einddatum__gte=today,
        einddatum__lte=today + timedelta(days=VERLOOPMELDING_DAGEN),
        verloopmelding_verzonden_op__isnull=True,
    )
    for pk in ending.values_list("pk", flat=True):
        result["meldingen"] += _meld_einde(pk)
    return result


@transaction.atomic
def _meld_einde(pk: int) -> int:
    uitzondering = (
        Uitzondering.objects.select_for_update(of=("self",))
        .select_related("medewerker")
        .filter(
            pk=pk,
            status=UitzonderingStatus.TOEGEKEND,
            verloopmelding_verzonden_op__isnull=True,
        )
        .first()
    )
    if uitzondering is None:
        return 0
    uitzondering.verloopmelding_verzonden_op = timezone.now()
    uitzondering.save(update_fields=["verloopmelding_verzonden_op"])
    notify(
        recipient=uitzondering.medewerker,
        subject=lambda: (
            _("Uw uitzondering %(categorie)s loopt af op %(tot)s")
            % {
                "categorie": uitzondering.get_categorie_display(),
                "tot": datum(uitzondering.einddatum),
            }
        ),
        body=lambda: _(
            "Daarna geldt weer uw gewone streefnorm. Is de situatie er dan nog, vraag dan op tijd "
            "een nieuwe uitzondering aan en bespreek het met uw leidinggevende."
        ),
        link=reverse("mijn_uitzonderingen"),
    )
    return 1
