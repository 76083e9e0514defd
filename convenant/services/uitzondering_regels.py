"""The rules a request for an exemption must meet, as field errors for the form and the API.

`controleer_aanvraag` checks the request on its own and against the calendar (not ended
already, starting inside a pilot period); `controleer_tegen_bestaande` checks it against the
person (the streefnorm it may only lower) and their other exemptions (no overlap within a
category) and must run under the person's row lock.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from convenant.formatting import getal
from convenant.models import (
    AANVRAAGBARE_CATEGORIEEN,
    LOPENDE_STATUSSEN,
    MAX_MANTELZORG_UREN,
    MAX_TOELICHTING_UITZONDERING,
    Categorie,
    Uitzondering,
)
from convenant.streefnorm import basisnorm
from convenant.validators import validate_kantoordagen
from pilot.dates import in_sentence
from pilot.models import Periode


@dataclass
class Aanvraag:
    categorie: str
    kantoordagen: Decimal
    ingangsdatum: date
    einddatum: date
    herbeoordelingsdatum: date | None = None
    op_advies_bedrijfsarts: bool = False
    mantelzorg_uren: Decimal | None = None
    toelichting: str = ""


def datum(value: date) -> str:
    return in_sentence(value)


def controleer_aanvraag(aanvraag: Aanvraag) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def fout(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if aanvraag.categorie == Categorie.DEELTIJD:
        fout(
            "categorie",
            _(
                "Deeltijd hoeft u niet aan te vragen: uw streefnorm volgt al naar rato uit uw "
                "contracturen."
            ),
        )
    elif aanvraag.categorie not in AANVRAAGBARE_CATEGORIEEN:
        fout("categorie", _("Kies een categorie."))
    try:
        validate_kantoordagen(aanvraag.kantoordagen)
    except ValidationError as error:
        errors.setdefault("kantoordagen", []).extend(error.messages)
    if aanvraag.einddatum < aanvraag.ingangsdatum:
        fout("einddatum", _("De einddatum ligt voor de ingangsdatum."))
    today = timezone.localdate()
    if aanvraag.einddatum < today:
        fout(
            "einddatum",
            _(
                "De einddatum (%(tot)s) ligt in het verleden. Een uitzondering vraagt u aan voor "
                "een periode die nog loopt of nog moet beginnen."
            )
            % {"tot": datum(aanvraag.einddatum)},
        )
    if not Periode.objects.covering(aanvraag.ingangsdatum).exists():
        fout(
            "ingangsdatum",
            _(
                "Op %(van)s loopt geen pilotperiode. Kies een ingangsdatum binnen de pilot of een "
                "vervolgperiode."
            )
            % {"van": datum(aanvraag.ingangsdatum)},
        )
    herbeoordeling = aanvraag.herbeoordelingsdatum
    if herbeoordeling and not aanvraag.ingangsdatum <= herbeoordeling <= aanvraag.einddatum:
        fout(
            "herbeoordelingsdatum",
            _("De herbeoordelingsdatum ligt tussen de ingangsdatum en de einddatum."),
        )
    if aanvraag.op_advies_bedrijfsarts and aanvraag.categorie != Categorie.MEDISCH:
        fout(
            "op_advies_bedrijfsarts",
            _("Het advies van de bedrijfsarts hoort alleen bij een medische uitzondering."),
        )
    uren = aanvraag.mantelzorg_uren
    if aanvraag.categorie == Categorie.MANTELZORG:
        if uren is None or not Decimal(0) < uren <= MAX_MANTELZORG_UREN:
            fout(
                "mantelzorg_uren",
                _(
                    "Geef aan hoeveel uur per week u mantelzorg geeft (meer dan 0, hoogstens "
                    "%(max)s)."
                )
                % {"max": MAX_MANTELZORG_UREN},
            )
    elif uren is not None:
        fout("mantelzorg_uren", _("Uren mantelzorg horen alleen bij de categorie mantelzorg."))
    toelichting = aanvraag.toelichting.strip()
    if len(toelichting) > MAX_TOELICHTING_UITZONDERING:
        fout(
            "toelichting",
            _("De toelichting is te lang (maximaal %(max)s tekens).")
            % {"max": MAX_TOELICHTING_UITZONDERING},
        )
    if aanvraag.categorie == Categorie.OVERIG and not toelichting:
        fout(
            "toelichting", _("Licht bij de categorie overig toe waarom u een uitzondering vraagt.")
        )
    return errors


def controleer_tegen_bestaande(medewerker, aanvraag: Aanvraag) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    norm = basisnorm(medewerker.contracturen, medewerker.hybride_functie)
    if aanvraag.kantoordagen >= norm:
        errors["kantoordagen"] = [
            _(
                "Een uitzondering verlaagt de streefnorm, nooit omhoog: uw streefnorm is "
                "%(norm)s dagen, dus kies minder dan %(norm)s."
            )
            % {"norm": getal(norm)}
            if norm
            else _("Uw streefnorm is al 0 dagen: een uitzondering kan die niet verder verlagen.")
        ]
    overlap = (
        Uitzondering.objects.filter(
            medewerker=medewerker,
            categorie=aanvraag.categorie,
            status__in=LOPENDE_STATUSSEN,
            ingangsdatum__lte=aanvraag.einddatum,
            einddatum__gte=aanvraag.ingangsdatum,
        )
        .order_by("ingangsdatum")
        .first()
    )
    if overlap is not None:
        errors["ingangsdatum"] = [
            _(
                "U hebt al een uitzondering %(categorie)s (%(status)s) van %(van)s tot en met "
                "%(tot)s. Een nieuwe uitzondering van dezelfde categorie mag die periode niet "
                "overlappen."
            )
            % {
                "categorie": overlap.get_categorie_display(),
                "status": overlap.get_status_display(),
                "van": datum(overlap.ingangsdatum),
                "tot": datum(overlap.einddatum),
            }
        ]
    return errors
