"""Read-only admin: every change to an agreement goes through the services (transition table,
timeline, notifications), so the admin shows but never edits."""

from django.contrib import admin

from convenant.models import Afspraak, Delegatie, Teamplan, Uitzondering
from pilot.admin import ReadOnlyAdmin


@admin.register(Afspraak)
class AfspraakAdmin(ReadOnlyAdmin):
    list_display = ("medewerker", "versie", "status", "kantoordagen", "ingangsdatum", "einddatum")
    list_filter = ("status", "periode")
    list_select_related = ("medewerker", "periode")
    search_fields = (
        "medewerker__username",
        "medewerker__personeelsnummer",
        "medewerker__last_name",
    )
    raw_id_fields = ("medewerker", "leidinggevende", "opgesteld_door", "vorige")


@admin.register(Delegatie)
class DelegatieAdmin(ReadOnlyAdmin):
    list_display = ("leidinggevende", "vervanger", "startdatum", "einddatum", "ingetrokken_op")
    list_select_related = ("leidinggevende", "vervanger")
    search_fields = ("leidinggevende__username", "vervanger__username")


@admin.register(Teamplan)
class TeamplanAdmin(ReadOnlyAdmin):
    list_display = ("team", "versie", "teamdagen", "vastgesteld_door", "vastgesteld_op")
    list_select_related = ("team", "vastgesteld_door")
    search_fields = ("team__code", "team__naam")


@admin.register(Uitzondering)
class UitzonderingAdmin(ReadOnlyAdmin):
    """The evidence document itself is not reachable here: only its presence and type show."""

    list_display = (
        "medewerker",
        "categorie",
        "status",
        "kantoordagen",
        "ingangsdatum",
        "einddatum",
    )
    list_filter = ("status", "categorie")
    list_select_related = ("medewerker",)
    search_fields = ("medewerker__username", "medewerker__personeelsnummer")
    raw_id_fields = ("medewerker", "leidinggevende", "besloten_door", "geverifieerd_door")
