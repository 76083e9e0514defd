"""Reminders for overdue deadlines: one per case, kind and deadline, however often the job runs.

Each case is handled in its own short transaction; the unique Herinnering row is written
before the notification, so a second run (or a parallel worker) finds it and sends nothing.
"""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from comite.models import (
    OPEN_ZAAK_STATUSSEN,
    Geschil,
    GeschilStatus,
    Herinnering,
    Termijnsoort,
    Zaak,
)
from comite.services.basis import secretarissen, vertel
from pilot.dates import in_sentence


def _eenmaal(zaak: Zaak, soort: str, termijn) -> bool:
    try:
        with transaction.atomic():
            Herinnering.objects.create(zaak=zaak, soort=soort, termijn=termijn)
    except IntegrityError:
        return False
    return True


def termijnen_herinneren(today=None) -> int:
    today = today or timezone.localdate()
    sent = 0
    verlopen = (
        Zaak.objects.filter(status__in=OPEN_ZAAK_STATUSSEN)
        .filter(
            Q(termijn__lt=today)
            | Q(
                reactie_termijn__lt=today,
                reactie="",
                status__in=["in_behandeling", "zitting_gepland"],
            )
        )
        .select_related("medewerker", "leidinggevende")
        .order_by("pk")
    )
    for zaak in verlopen:
        with transaction.atomic():
            if (
                zaak.termijn
                and zaak.termijn < today
                and _eenmaal(zaak, zaak.termijnsoort, zaak.termijn)
            ):
                vertel(
                    secretarissen(),
                    zaak,
                    lambda zaak=zaak: (
                        _("Termijn verstreken: %(soort)s in %(zaak)s")
                        % {"soort": Termijnsoort(zaak.termijnsoort).label, "zaak": zaak}
                    ),
                    lambda zaak=zaak: (
                        _("De termijn liep af op %(datum)s.") % {"datum": in_sentence(zaak.termijn)}
                    ),
                )
                sent += 1
            if (
                zaak.reactie_termijn
                and zaak.reactie_termijn < today
                and not zaak.reactie
                and zaak.status != "aangemeld"
                and _eenmaal(zaak, Termijnsoort.REACTIE, zaak.reactie_termijn)
            ):
                vertel(
                    [zaak.leidinggevende, *secretarissen()],
                    zaak,
                    lambda zaak=zaak: _("Herinnering: uw reactie in %(zaak)s") % {"zaak": zaak},
                    lambda zaak=zaak: (
                        _("De termijn voor uw schriftelijke reactie liep af op %(datum)s.")
                        % {"datum": in_sentence(zaak.reactie_termijn)}
                    ),
                )
                sent += 1
    geschillen = (
        Geschil.objects.exclude(status=GeschilStatus.UITSPRAAK)
        .filter(uitspraak_termijn__lt=today)
        .select_related("zaak__medewerker")
        .order_by("pk")
    )
    for geschil in geschillen:
        with transaction.atomic():
            if _eenmaal(geschil.zaak, Termijnsoort.UITSPRAAK, geschil.uitspraak_termijn):
                vertel(
                    secretarissen(),
                    geschil.zaak,
                    lambda geschil=geschil: (
                        _("Termijn verstreken: uitspraak in het geschil bij %(zaak)s")
                        % {"zaak": geschil.zaak}
                    ),
                )
                sent += 1
    return sent
