from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComiteConfig(AppConfig):
    name = "comite"
    verbose_name = _("Adviserend comité")

    def ready(self) -> None:
        from comite import demo, permissions, selectors
        from comite.workflows import GESCHIL_WORKFLOW, ZAAK_WORKFLOW
        from convenant.permissions import DOSSIER_LEZERS
        from pilot import registry
        from pilot.registry import MenuItem

        # The panel of a case about an exemption reads its details and evidence (seam).
        if permissions.is_panellid_voor_uitzondering not in DOSSIER_LEZERS:
            DOSSIER_LEZERS.append(permissions.is_panellid_voor_uitzondering)
        for item in (
            MenuItem(_("Mijn zaken"), "mijn_zaken", order=40),
            MenuItem(_("Comité"), "comite_wachtrij", frozenset({"secretaris"}), order=41),
            MenuItem(_("Mijn panels"), "mijn_panels", frozenset({"comitelid"}), order=42),
        ):
            registry.register_menu_item(item)
        registry.register_cards(selectors.kaarten)
        registry.register_demo_step(30, demo.build_zaken)
        registry.register_workflow("comite.zaak", ZAAK_WORKFLOW)
        registry.register_workflow("comite.geschil", GESCHIL_WORKFLOW)
        registry.register_timeline_labels(
            {
                "zaak.notitie": _("Interne notitie toegevoegd"),
                "zaak.document_openen": _("Document geopend"),
                "zaak.bewijsstuk_openen": _("Bewijsstuk van de uitzondering geopend"),
            }
        )
