"""Every write in the comité app goes through one of these functions."""

from comite.services.adviezen import advies_aanvaarden, advies_afwijzen, advies_uitbrengen
from comite.services.geschillen import (
    geschil_in_behandeling,
    geschil_indienen,
    geschil_uitspraak,
    geschil_verlengen,
)
from comite.services.herinneringen import termijnen_herinneren
from comite.services.zaken import (
    aanmeldbaar,
    notitie_toevoegen,
    zaak_aanmelden,
    zaak_accepteren,
    zaak_intrekken,
    zaak_niet_ontvankelijk,
    zaak_panel,
    zaak_reactie,
)
from comite.services.zittingen import uitnodiging_versturen, zitting_plannen

__all__ = [
    "aanmeldbaar",
    "advies_aanvaarden",
    "advies_afwijzen",
    "advies_uitbrengen",
    "geschil_in_behandeling",
    "geschil_indienen",
    "geschil_uitspraak",
    "geschil_verlengen",
    "notitie_toevoegen",
    "termijnen_herinneren",
    "uitnodiging_versturen",
    "zaak_aanmelden",
    "zaak_accepteren",
    "zaak_intrekken",
    "zaak_niet_ontvankelijk",
    "zaak_panel",
    "zaak_reactie",
    "zitting_plannen",
]
