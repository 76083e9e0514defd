"""Storing the capacity check: every location, every working date of the booking horizon."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from werkplekken.models import Capaciteitsstand, Locatie, Redenstand
from werkplekken.rules import laatste_boekdag
from werkplekken.selectors.capaciteit import bereken, bereken_redenen


def capaciteit_vastleggen(today: date | None = None) -> int:
    """Compute the check set-based (four queries for all locations) and store it: a row per
    location and working date from today to the end of the booking horizon, replacing the
    previous run's; dates before today go. Today's count of reason codes is stored beside it.
    Returns the number of capacity rows stored."""
    today = today or timezone.localdate()
    # Monday to Friday, public holidays included: the coming working week that pages show
    # (volgende_werkweek) names them too.
    dagen = (today + timedelta(days=n) for n in range((laatste_boekdag(today) - today).days + 1))
    datums = [dag for dag in dagen if dag.isoweekday() <= 5]
    nu = timezone.now()
    cellen = bereken(list(Locatie.objects.all()), datums)
    rijen = [
        Capaciteitsstand(
            locatie_id=locatie_id, datum=datum, vraag=cel.vraag, aanbod=cel.aanbod, berekend_op=nu
        )
        for (locatie_id, datum), cel in cellen.items()
    ]
    redenen = bereken_redenen(today)
    with transaction.atomic():
        Redenstand.objects.filter(datum__lt=today).delete()
        Redenstand.objects.update_or_create(datum=today, defaults={**redenen, "berekend_op": nu})
        Capaciteitsstand.objects.filter(datum__lt=today).delete()
        Capaciteitsstand.objects.bulk_create(
            rijen,
            update_conflicts=True,
            unique_fields=["locatie", "datum"],
            update_fields=["vraag", "aanbod", "berekend_op"],
        )
    return len(rijen)
