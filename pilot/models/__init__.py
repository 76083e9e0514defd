from .audit import AuditEvent
from .notifications import Notificatie
from .organisation import Afdeling, Medewerker, Periode, Rol, Roltoewijzing, Team

__all__ = [
    "Afdeling",
    "AuditEvent",
    "Medewerker",
    "Notificatie",
    "Periode",
    "Rol",
    "Roltoewijzing",
    "Team",
]
