"""The reservation's state machine: one table that services check and pages render from."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pilot.workflow import SYSTEEM, Workflow, transition
from werkplekken.models import ReserveringStatus
from werkplekken.rules import incheckvenster

EIGENAAR = "eigenaar"
LEIDINGGEVENDE = "leidinggevende"


class ReserveringActie(models.TextChoices):
    AANMAKEN = "aanmaken", gettext_lazy("reserveren")
    INCHECKEN = "inchecken", gettext_lazy("inchecken")
    ANNULEREN = "annuleren", gettext_lazy("annuleren")
    VERVALLEN = "vervallen", gettext_lazy("laten vervallen")


def _binnen_incheckvenster(reservering) -> str | None:
    begin, einde = incheckvenster(reservering.datum, reservering.dagdeel)
    nu = timezone.localtime()
    if nu < begin:
        return _("Inchecken kan vanaf %(tijd)s op de dag zelf.") % {
            "tijd": begin.strftime("%d-%m-%Y %H:%M")
        }
    if nu > einde:
        return _("Inchecken kon tot %(tijd)s; de plek is vrijgegeven.") % {
            "tijd": einde.strftime("%H:%M")
        }
    return None


def _niet_voorbij(reservering) -> str | None:
    if reservering.datum < timezone.localdate():
        return _("Een reservering van een dag die voorbij is, kunt u niet meer annuleren.")
    return None


def _venster_verstreken(reservering) -> str | None:
    _begin, einde = incheckvenster(reservering.datum, reservering.dagdeel)
    if timezone.localtime() <= einde:
        return _("De inchecktijd is nog niet voorbij.")
    return None


S = ReserveringStatus
WORKFLOW = Workflow(
    name="reservering",
    states=ReserveringStatus,
    actions=ReserveringActie,
    noun=gettext_lazy("een reservering"),
    transitions=[
        transition(
            ReserveringActie.AANMAKEN,
            [None],
            S.GERESERVEERD,
            [EIGENAAR, LEIDINGGEVENDE],
            gettext_lazy("Werkplek gereserveerd"),
        ),
        transition(
            ReserveringActie.INCHECKEN,
            [S.GERESERVEERD],
            S.INGECHECKT,
            [EIGENAAR],
            gettext_lazy("Ingecheckt"),
            guard=_binnen_incheckvenster,
            party_message=gettext_lazy("Alleen wie de plek heeft, kan inchecken."),
        ),
        transition(
            ReserveringActie.ANNULEREN,
            [S.GERESERVEERD],
            S.GEANNULEERD,
            [EIGENAAR],
            gettext_lazy("Reservering geannuleerd"),
            guard=_niet_voorbij,
            party_message=gettext_lazy("Alleen wie de plek heeft, kan de reservering annuleren."),
        ),
        transition(
            ReserveringActie.VERVALLEN,
            [S.GERESERVEERD],
            S.VERVALLEN,
            [SYSTEEM],
            gettext_lazy("Niet ingecheckt: plek vrijgegeven"),
            guard=_venster_verstreken,
        ),
    ],
)
