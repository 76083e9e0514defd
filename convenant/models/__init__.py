"""The convenant app's models, one module per entity."""

from convenant.models.afspraken import (
    AFSPRAAK_WORKFLOW,
    OPEN_STATUSES,
    VOORSTEL_LEIDINGGEVENDE,
    VOORSTEL_LEIDINGGEVENDE_LABEL,
    WACHTENDE_STATUSSEN,
    WEEKDAG_NAMEN,
    WEIGERINGEN,
    Actie,
    Afspraak,
    AfspraakQuerySet,
    Bron,
    Overweging,
    Status,
)
from convenant.models.delegaties import Delegatie, DelegatieQuerySet
from convenant.models.partijen import Partij
from convenant.models.teamplannen import Teamplan
from convenant.models.uitzonderingen import (
    AANVRAAGBARE_CATEGORIEEN,
    LOPENDE_STATUSSEN,
    MAX_MANTELZORG_UREN,
    MAX_TOELICHTING_UITZONDERING,
    UITZONDERING_WORKFLOW,
    Bewijstype,
    Categorie,
    Uitzondering,
    UitzonderingActie,
    UitzonderingQuerySet,
    UitzonderingStatus,
)

__all__ = [
    "AANVRAAGBARE_CATEGORIEEN",
    "AFSPRAAK_WORKFLOW",
    "LOPENDE_STATUSSEN",
    "MAX_MANTELZORG_UREN",
    "MAX_TOELICHTING_UITZONDERING",
    "OPEN_STATUSES",
    "UITZONDERING_WORKFLOW",
    "VOORSTEL_LEIDINGGEVENDE",
    "VOORSTEL_LEIDINGGEVENDE_LABEL",
    "WACHTENDE_STATUSSEN",
    "WEEKDAG_NAMEN",
    "WEIGERINGEN",
    "Actie",
    "Afspraak",
    "AfspraakQuerySet",
    "Bewijstype",
    "Bron",
    "Categorie",
    "Delegatie",
    "DelegatieQuerySet",
    "Overweging",
    "Partij",
    "Status",
    "Teamplan",
    "Uitzondering",
    "UitzonderingActie",
    "UitzonderingQuerySet",
    "UitzonderingStatus",
]
