from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from pilot.models import Afdeling, AuditEvent, Medewerker, Notificatie, Periode, Roltoewijzing, Team


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records that only services may write (timeline, state machines): shown, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RoltoewijzingInline(admin.TabularInline):
    model = Roltoewijzing
    extra = 0


@admin.register(Medewerker)
class MedewerkerAdmin(UserAdmin):
    list_display = ("username", "personeelsnummer", "naam", "team", "contracturen", "is_active")
    list_filter = ("hybride_functie", "is_active", "team__afdeling")
    search_fields = ("username", "personeelsnummer", "first_name", "last_name", "email")
    list_select_related = ("team",)
    inlines = [RoltoewijzingInline]
    fieldsets = (
        *UserAdmin.fieldsets,
        (
            _("Organisatie"),
            {"fields": ("personeelsnummer", "team", "contracturen", "hybride_functie")},
        ),
    )


@admin.register(Afdeling)
class AfdelingAdmin(admin.ModelAdmin):
    list_display = ("code", "naam")
    search_fields = ("code", "naam")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("code", "naam", "afdeling", "bovenliggend_team", "leidinggevende")
    list_select_related = ("afdeling", "bovenliggend_team", "leidinggevende")
    list_filter = ("afdeling",)
    search_fields = ("code", "naam")
    raw_id_fields = ("leidinggevende", "bovenliggend_team")


@admin.register(Periode)
class PeriodeAdmin(admin.ModelAdmin):
    list_display = ("naam", "startdatum", "einddatum", "is_demo")


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """The timeline is evidence: it can be read and searched, never changed."""

    list_display = (
        "tijdstip",
        "actor",
        "actie",
        "object_omschrijving",
        "van_status",
        "naar_status",
        "resultaat",
        "ip_adres",
    )
    list_filter = ("resultaat", "object_type", "actie")
    search_fields = ("object_omschrijving", "actie", "actor__username")
    list_select_related = ("actor",)
    date_hierarchy = "tijdstip"


@admin.register(Notificatie)
class NotificatieAdmin(admin.ModelAdmin):
    list_display = ("ontvanger", "onderwerp", "aangemaakt_op", "gelezen_op", "email_verzonden_op")
    list_select_related = ("ontvanger",)
    raw_id_fields = ("ontvanger",)
