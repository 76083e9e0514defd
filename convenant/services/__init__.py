"""Every write in the convenant app goes through one of these functions."""

from convenant.services.afspraak_herinneringen import afspraken_herinneren, afspraken_verlopen
from convenant.services.afspraken import (
    afspraak_accepteren,
    afspraak_afwijzen,
    afspraak_akkoord,
    afspraak_indienen,
    afspraak_intrekken,
    afspraak_laten_vervallen,
    afspraak_opslaan,
    afspraak_tegenvoorstel,
    afspraak_vastleggen,
    afspraak_voorstellen,
    afspraak_weigeren,
)
from convenant.services.delegaties import delegatie_aanmaken, delegatie_intrekken
from convenant.services.teamplannen import teamplan_vaststellen
from convenant.services.uitzondering_verlopen import uitzonderingen_verlopen
from convenant.services.uitzonderingen import (
    uitzondering_aanvragen,
    uitzondering_afwijzen,
    uitzondering_laten_verlopen,
    uitzondering_niet_aantoonbaar,
    uitzondering_toekennen,
    uitzondering_verifieren,
)

__all__ = [
    "afspraak_accepteren",
    "afspraak_afwijzen",
    "afspraak_akkoord",
    "afspraak_indienen",
    "afspraak_intrekken",
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
    "uitzondering_aanvragen",
    "uitzondering_afwijzen",
    "uitzondering_laten_verlopen",
    "uitzondering_niet_aantoonbaar",
    "uitzondering_toekennen",
    "uitzondering_verifieren",
    "uitzonderingen_verlopen",
]
