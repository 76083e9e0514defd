from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WerkplekkenConfig(AppConfig):
    name = "werkplekken"
    verbose_name = _("Werkplekken")

    def ready(self) -> None:
        from pilot import registry
        from pilot.registry import MenuItem
        from werkplekken import demo, selectors
        from werkplekken.workflow import WORKFLOW

        for item in (
            MenuItem(_("Werkplekken"), "werkplek_reserveren", order=30),
            MenuItem(_("Wie is er"), "wie_is_er", order=31),
            MenuItem(_("Bezetting"), "bezetting", frozenset({"facilitair"}), order=32),
            MenuItem(_("Werkplekbeheer"), "beheer_locaties", frozenset({"facilitair"}), order=33),
            MenuItem(_("Loonexport"), "loonexport", frozenset({"hr"}), order=34),
        ):
            registry.register_menu_item(item)
        registry.register_cards(selectors.aandacht)
        registry.register_demo_step(5, demo.build_locaties)
        registry.register_demo_step(20, demo.build_werkplekken)
        registry.register_workflow("werkplekken.reservering", WORKFLOW)
        registry.register_timeline_labels(
            {
                "aanwezigheid.registreren": _("Aanwezigheid geregistreerd"),
                "wie_is_er.zichtbaarheid": _("Zichtbaarheid bij Wie is er gewijzigd"),
                "agenda.gemaakt": _("Agenda-adres gemaakt"),
                "agenda.vernieuwd": _("Agenda-adres vernieuwd"),
                "agenda.ingetrokken": _("Agenda-adres ingetrokken"),
            }
        )
        registry.register_timeline_labels(
            {
                "werkplekken.locatie_aangemaakt": _("Locatie toegevoegd"),
                "werkplekken.locatie_gewijzigd": _("Locatie gewijzigd"),
                "werkplekken.zone_aangemaakt": _("Zone toegevoegd"),
                "werkplekken.zone_gewijzigd": _("Zone gewijzigd"),
                "werkplekken.werkplek_aangemaakt": _("Werkplek toegevoegd"),
                "werkplekken.werkplek_gewijzigd": _("Werkplek gewijzigd"),
                "werkplekken.werkplekken_geimporteerd": _("Werkplekken geïmporteerd"),
                "werkplekken.loonexport": _("Loonexport gedownload"),
            }
        )
