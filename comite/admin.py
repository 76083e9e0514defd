"""Read-only admin: every change to a case goes through the services (workflow table, timeline,
notifications), so the admin shows but never edits. Internal notes and documents are not
listed here: they belong to the panel's dossier."""

from django.contrib import admin

from comite.models import Geschil, Zaak
from pilot.admin import ReadOnlyAdmin


@admin.register(Zaak)
class ZaakAdmin(ReadOnlyAdmin):
    list_display = ("pk", "medewerker", "status", "aangemeld_op", "termijn", "termijnsoort")
    list_filter = ("status", "termijnsoort")
    list_select_related = ("medewerker",)
    search_fields = ("medewerker__username", "medewerker__personeelsnummer")
    raw_id_fields = ("medewerker", "leidinggevende", "afspraak", "uitzondering")
    exclude = ("verklaring", "reactie")


@admin.register(Geschil)
class GeschilAdmin(ReadOnlyAdmin):
    list_display = ("pk", "zaak", "status", "ingediend_op", "uitspraak_termijn", "bindend")
    list_filter = ("status", "bindend")
    list_select_related = ("zaak__medewerker",)
    raw_id_fields = ("zaak", "afspraak")
    exclude = ("toelichting", "uitkomst")
