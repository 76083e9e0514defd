from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConvenantConfig(AppConfig):
    name = "convenant"
    verbose_name = _("Afspraken en uitzonderingen")

    def ready(self) -> None:
        from convenant import streefnorm
        from convenant.demo.afspraken import build_agreements
        from convenant.demo.uitzonderingen import build_exemptions
        from convenant.models import (
            AFSPRAAK_WORKFLOW,
            UITZONDERING_WORKFLOW,
            VOORSTEL_LEIDINGGEVENDE,
            VOORSTEL_LEIDINGGEVENDE_LABEL,
        )
        from convenant.selectors import afspraken, uitzonderingen
        from pilot import registry
        from pilot.registry import MenuItem

        # A granted exemption lowers the streefnorm (seam: streefnorm.VERLAGINGEN).
        if uitzonderingen.verlagingen not in streefnorm.VERLAGINGEN:
            streefnorm.VERLAGINGEN.append(uitzonderingen.verlagingen)
        for item in (
            MenuItem(_("Mijn afspraak"), "mijn_afspraak", order=20),
            MenuItem(_("Mijn uitzonderingen"), "mijn_uitzonderingen", order=21),
            MenuItem(_("Mijn team"), "mijn_team", frozenset({"leidinggevende"}), order=22),
            MenuItem(_("Teamplan"), "teamplan", order=23),
            MenuItem(_("Verificatie"), "uitzondering_verificatie", frozenset({"hr"}), order=24),
        ):
            registry.register_menu_item(item)
        registry.register_cards(afspraken.aandacht)
        registry.register_cards(uitzonderingen.aandacht)
        registry.register_demo_step(10, build_agreements)
        registry.register_demo_step(11, build_exemptions)
        registry.register_workflow("convenant.afspraak", AFSPRAAK_WORKFLOW)
        registry.register_workflow("convenant.uitzondering", UITZONDERING_WORKFLOW)
        # A proposal the leidinggevende started is never read as a counter-proposal.
        registry.register_states(
            "convenant.afspraak", {VOORSTEL_LEIDINGGEVENDE: VOORSTEL_LEIDINGGEVENDE_LABEL}
        )
        # Timeline events that are facts recorded, not workflow transitions.
        registry.register_timeline_labels(
            {
                "afspraak.einddatum_vervroegd": _("Einddatum vervroegd"),
                "teamplan.vaststellen": _("Teamplan vastgesteld"),
                "uitzondering.bewijsstuk_openen": _("Bewijsstuk geopend"),
                "delegatie.aanmaken": _("Vervanger aangewezen"),
                "delegatie.intrekken": _("Vervanging ingetrokken"),
            }
        )
