from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConvenantConfig(AppConfig):
    name = "convenant"
    verbose_name = _("Afspraken en uitzonderingen")

    def ready(self) -> None:
        from convenant import demo, selectors, streefnorm
        from convenant.templatetags.convenant_tags import ACTIE_LABELS
        from convenant.uitzonderingen import demo as uitzondering_demo
        from convenant.uitzonderingen import selectors as uitzondering_selectors
        from pilot import registry
        from pilot.registry import MenuItem

        # A granted exemption lowers the streefnorm (seam: streefnorm.VERLAGINGEN).
        if uitzondering_selectors.verlagingen not in streefnorm.VERLAGINGEN:
            streefnorm.VERLAGINGEN.append(uitzondering_selectors.verlagingen)
        for item in (
            MenuItem(_("Mijn afspraak"), "mijn_afspraak", order=20),
            MenuItem(_("Mijn uitzonderingen"), "mijn_uitzonderingen", order=21),
            MenuItem(_("Mijn team"), "mijn_team", frozenset({"leidinggevende"}), order=22),
            MenuItem(_("Teamplan"), "teamplan", order=23),
            MenuItem(_("Verificatie"), "uitzondering_verificatie", frozenset({"hr"}), order=24),
        ):
            registry.register_menu_item(item)
        registry.register_cards(selectors.aandacht)
        registry.register_cards(uitzondering_selectors.aandacht)
        registry.register_demo_step(10, demo.build_agreements)
        registry.register_demo_step(11, uitzondering_demo.build_exemptions)
        registry.register_timeline_labels(ACTIE_LABELS)
