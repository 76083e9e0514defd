"""Every write in the convenant app goes through one of these functions."""

from convenant.services.afspraken import (
    afspraak_accepteren,
    afspraak_indienen,
    afspraak_laten_vervallen,
    afspraak_opslaan,
    afspraak_vastleggen,
    afspraak_weigeren,
)
from convenant.services.besluiten import (
    afspraak_afwijzen,
    afspraak_akkoord,
    afspraak_tegenvoorstel,
    afspraak_voorstellen,
)
from convenant.services.delegaties import delegatie_aanmaken, delegatie_intrekken
from convenant.services.herinneringen import afspraken_herinneren, afspraken_verlopen
from convenant.services.teamplan import teamplan_vaststellen

__all__ = [
    "afspraak_accepteren",
    "afspraak_afwijzen",
    "afspraak_akkoord",
    "afspraak_indienen",
    "afspraak_laten_vervallen",
    "afspraak_opslaan",
    "afspraak_tegenvoorstel",
    "afspraak_vastleggen",
    "afspraak_voorstellen",
    "afspraak_weigeren",
    "afspraken_herinneren",
    "afspraken_verlopen",
    "delegatie_aanmaken",
    "delegatie_intrekken",
    "teamplan_vaststellen",
]
