"""The two state machines of the comité, each one literal table on pilot.workflow.

Parties (comite.permissions decides who is which for one case): the employee (medewerker),
their leidinggevende, the comité secretaris, the panel of the case, and the portal itself
(systeem) for the step that follows from both parties accepting the advice.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from comite import termijnen
from comite.models import GeschilStatus, ZaakStatus
from pilot.dates import in_sentence
from pilot.workflow import SYSTEEM, Workflow, transition

MEDEWERKER = "medewerker"
LEIDINGGEVENDE = "leidinggevende"
SECRETARIS = "secretaris"
PANEL = "panel"


class ZaakActie(models.TextChoices):
    INDIENEN = "indienen", _("een zaak aanmelden")
    ACCEPTEREN = "accepteren", _("de zaak in behandeling nemen")
    NIET_ONTVANKELIJK = "niet_ontvankelijk", _("de zaak niet-ontvankelijk verklaren")
    REACTIE = "reactie", _("een reactie geven")
    PANEL = "panel", _("het panel samenstellen")
    ZITTING_PLANNEN = "zitting_plannen", _("de zitting plannen")
    ADVIES = "advies", _("het advies vastleggen")
    ADVIES_AANVAARDEN = "advies_aanvaarden", _("het advies aanvaarden")
    ADVIES_AFWIJZEN = "advies_afwijzen", _("het advies afwijzen")
    OPLOSSEN = "oplossen", _("de zaak als opgelost afsluiten")
    INTREKKEN = "intrekken", _("de zaak intrekken")
    GESCHIL_STARTEN = "geschil_starten", _("een geschil starten")


def _reactie_nog_open(zaak) -> str | None:
    if zaak.reactie:
        return _("De leidinggevende heeft al schriftelijk gereageerd.")
    return None


def _panel_compleet(zaak) -> str | None:
    if len(zaak.panelleden.all()) != 3:  # the prefetched panel when the page has it
        return _("Stel eerst het panel samen: een voorzitter en twee leden.")
    return None


def _zitting_geweest(zaak) -> str | None:
    zitting = getattr(zaak, "zitting", None)
    if zitting is None or zitting.begin > timezone.now():
        return _("Het advies volgt op de zitting; die heeft nog niet plaatsgevonden.")
    return None


def _geschil_mogelijk(zaak) -> str | None:
    if hasattr(zaak, "geschil"):
        return _("Bij deze zaak is al een geschil ingediend.")
    uiterlijk = termijnen.geschil_uiterlijk(zaak)
    if uiterlijk is None or timezone.localdate() > uiterlijk:
        return _(
            "Een geschil kan tot zes weken nadat het comité geen oplossing bracht; die termijn "
            "is voorbij (uiterlijk %(datum)s)."
        ) % {"datum": in_sentence(uiterlijk) if uiterlijk else "—"}
    return None


Z = ZaakStatus
A = ZaakActie
VOOR_HET_ADVIES = (Z.AANGEMELD, Z.IN_BEHANDELING, Z.ZITTING_GEPLAND)

ZAAK_WORKFLOW = Workflow(
    name="zaak",
    states=ZaakStatus,
    actions=ZaakActie,
    noun=_("een zaak"),
    transitions=[
        transition(A.INDIENEN, [None], Z.AANGEMELD, [MEDEWERKER], _("Zaak aangemeld")),
        transition(
            A.ACCEPTEREN, [Z.AANGEMELD], Z.IN_BEHANDELING, [SECRETARIS], _("In behandeling genomen")
        ),
        transition(
            A.NIET_ONTVANKELIJK,
            [Z.AANGEMELD, Z.IN_BEHANDELING],
            Z.NIET_ONTVANKELIJK,
            [SECRETARIS],
            _("Niet-ontvankelijk verklaard"),
        ),
        transition(
            A.REACTIE,
            [Z.IN_BEHANDELING, Z.ZITTING_GEPLAND],
            None,
            [LEIDINGGEVENDE],
            _("Reactie van de leidinggevende"),
            guard=_reactie_nog_open,
        ),
        transition(A.PANEL, [Z.IN_BEHANDELING], None, [SECRETARIS], _("Panel samengesteld")),
        transition(
            A.ZITTING_PLANNEN,
            [Z.IN_BEHANDELING, Z.ZITTING_GEPLAND],
            Z.ZITTING_GEPLAND,
            [SECRETARIS],
            _("Zitting gepland"),
            guard=_panel_compleet,
        ),
        transition(
            A.ADVIES,
            [Z.ZITTING_GEPLAND],
            Z.ADVIES_UITGEBRACHT,
            [SECRETARIS, PANEL],
            _("Advies uitgebracht"),
            guard=_zitting_geweest,
        ),
        transition(
            A.ADVIES_AANVAARDEN,
            [Z.ADVIES_UITGEBRACHT],
            None,
            [MEDEWERKER, LEIDINGGEVENDE],
            _("Advies aanvaard"),
        ),
        transition(
            A.ADVIES_AFWIJZEN,
            [Z.ADVIES_UITGEBRACHT],
            Z.NIET_OPGELOST,
            [MEDEWERKER, LEIDINGGEVENDE],
            _("Advies afgewezen"),
        ),
        transition(
            A.OPLOSSEN,
            [Z.ADVIES_UITGEBRACHT],
            Z.OPGELOST,
            [SYSTEEM],
            _("Opgelost: beide partijen aanvaarden het advies"),
        ),
        transition(
            A.INTREKKEN, VOOR_HET_ADVIES, Z.INGETROKKEN, [MEDEWERKER], _("Zaak ingetrokken")
        ),
        transition(
            A.GESCHIL_STARTEN,
            [Z.NIET_OPGELOST],
            None,
            [MEDEWERKER],
            _("Geschil (art. 12.1 cao) gestart"),
            guard=_geschil_mogelijk,
        ),
    ],
)
del Z, A


class GeschilActie(models.TextChoices):
    INDIENEN = "indienen", _("een geschil indienen")
    IN_BEHANDELING = "in_behandeling", _("het geschil in behandeling nemen")
    VERLENGEN = "verlengen", _("de termijn voor de uitspraak verlengen")
    UITSPRAAK = "uitspraak", _("de uitspraak vastleggen")


def _nog_niet_verlengd(geschil) -> str | None:
    if geschil.termijn_verlengd:
        return _("De termijn voor de uitspraak is al eenmaal verlengd; dat kan maar één keer.")
    return None


G = GeschilStatus
GESCHIL_WORKFLOW = Workflow(
    name="geschil",
    states=GeschilStatus,
    actions=GeschilActie,
    noun=_("een geschil"),
    transitions=[
        transition(
            GeschilActie.INDIENEN, [None], G.INGEDIEND, [MEDEWERKER], _("Geschil ingediend")
        ),
        transition(
            GeschilActie.IN_BEHANDELING,
            [G.INGEDIEND],
            G.IN_BEHANDELING,
            [SECRETARIS],
            _("Geschil in behandeling genomen"),
        ),
        transition(
            GeschilActie.VERLENGEN,
            [G.INGEDIEND, G.IN_BEHANDELING],
            None,
            [SECRETARIS],
            _("Termijn uitspraak verlengd"),
            guard=_nog_niet_verlengd,
        ),
        transition(
            GeschilActie.UITSPRAAK,
            [G.IN_BEHANDELING],
            G.UITSPRAAK,
            [SECRETARIS],
            _("Uitspraak gedaan"),
        ),
    ],
)
del G
