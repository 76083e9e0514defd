"""A person's own registration of where they worked, and what it does to their reservations."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pilot import audit
from pilot.werkdagen import is_werkdag
from werkplekken.models import Aanwezigheid, Reden, Reservering, ReserveringStatus, Soort
from werkplekken.rules import laatste_boekdag
from werkplekken.services.reserveringen import reservering_annuleren


def _valideer(datum: date, soort: str, reden: str) -> None:
    fouten = {}
    if soort not in Soort.values:
        fouten["soort"] = _("Kies kantoor, thuis of elders.")
    if reden and reden not in Reden.values:
        fouten["reden"] = _("Onbekende reden.")
    elif reden and soort == Soort.KANTOOR:
        fouten["reden"] = _("Een reden geeft u alleen op voor een dag niet op kantoor.")
    if not is_werkdag(datum):
        fouten["datum"] = _("Dit is geen werkdag (weekend of feestdag).")
    elif datum > laatste_boekdag(timezone.localdate()):
        fouten["datum"] = _("Zo ver vooruit kunt u nog niets registreren.")
    if fouten:
        raise ValidationError(fouten)


def aanwezigheid_registreren(*, actor, datum: date, soort: str, reden: str = "") -> Aanwezigheid:
    """Register one working day. Thuis or elders releases that day's reservation: the desk is
    then free for someone else. A checked-in day stays an office day."""
    _valideer(datum, soort, reden)
    with transaction.atomic():
        open_reserveringen = list(
            Reservering.objects.select_for_update().filter(
                medewerker=actor,
                datum=datum,
                status__in=[ReserveringStatus.GERESERVEERD, ReserveringStatus.INGECHECKT],
            )
        )
        if soort != Soort.KANTOOR:
            if any(r.status == ReserveringStatus.INGECHECKT for r in open_reserveringen):
                raise ValidationError({"soort": _("U bent die dag op kantoor ingecheckt.")})
            if datum >= timezone.localdate():
                for reservering in open_reserveringen:
                    reservering_annuleren(
                        actor=actor,
                        reservering=reservering,
                        note=_("Vrijgegeven: dag geregistreerd als %(soort)s.")
                        % {"soort": Soort(soort).label},
                    )
        registratie, _created = Aanwezigheid.objects.update_or_create(
            medewerker=actor,
            datum=datum,
            defaults={"soort": soort, "reden": reden, "bron": Aanwezigheid.Bron.REGISTRATIE},
        )
        audit.record(actor=actor, action="aanwezigheid.registreren", obj=registratie)
    return registratie
