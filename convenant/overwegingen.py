"""The five points the conversation weighs (convenant), and how each is recorded.

Four are explained in the employee's words. The medical and/or social point is only a yes: the
leidinggevende reads the agreement, and medical matters go through an exemption in category
`medisch` on the advice of the bedrijfsarts, where no diagnosis is recorded either.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Overweging(models.TextChoices):
    """The five points the conversation weighs (convenant)."""

    WERK_PRIVEBALANS = "werk_privebalans", _("Werk-privébalans")
    VITALITEIT = "vitaliteit", _("Vitaliteit")
    CONCENTRATIE_PRODUCTIE = "concentratie_productie", _("Concentratie en productie")
    EERDERE_AFSPRAKEN = "eerdere_afspraken", _("Eerdere afspraken (bij indiensttreding of corona)")
    MEDISCH_SOCIAAL = "medisch_sociaal", _("Medische en/of sociale aandachtspunten")


# The one answer the medical/social point can have: it plays a part (stored as JSON true).
MEDISCH_SOCIAAL_ROL = _("speelt een rol")
MEDISCH_NIET_HIER = _(
    "Medische zaken regelt u met een uitzondering in de categorie medisch, op advies van de "
    "bedrijfsarts. Schrijf hier geen diagnose of andere medische details."
)
