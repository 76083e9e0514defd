from django.urls import path

from werkplekken.views import (
    aanwezigheid,
    agenda,
    beheer,
    capaciteit,
    inchecken,
    loonadministratie,
    reserveringen,
    wie_is_er,
)

urlpatterns = [
    path("reserveren/", reserveringen.werkplek_reserveren, name="werkplek_reserveren"),
    path("reserveringen/nieuw/", reserveringen.reservering_maken, name="reservering_maken"),
    path("reserveringen/", reserveringen.mijn_reserveringen, name="mijn_reserveringen"),
    path(
        "reserveringen/<str:pk>/annuleren/",
        reserveringen.reservering_annuleren,
        name="reservering_annuleren",
    ),
    path(
        "reserveringen/<str:pk>/inchecken/",
        reserveringen.reservering_inchecken,
        name="reservering_inchecken",
    ),
    path("reserveringen/afwezig/", reserveringen.afwezig, name="reserveringen_afwezig"),
    path(
        "reserveringen/afgesproken-dagen/",
        reserveringen.afgesproken_dagen,
        name="afgesproken_dagen_reserveren",
    ),
    path("teamdag/", reserveringen.teamdag, name="teamdag"),
    path("week/", aanwezigheid.aanwezigheid_week, name="aanwezigheid_week"),
    path("bezetting/", capaciteit.bezetting, name="bezetting"),
    path("capaciteit/", capaciteit.capaciteit_fragment, name="capaciteit_fragment"),
    path("capaciteit/team/<str:team_pk>/", capaciteit.capaciteit_team, name="capaciteit_team"),
    path("wie-is-er/", wie_is_er.wie_is_er, name="wie_is_er"),
    path(
        "wie-is-er/instellingen/",
        wie_is_er.wie_is_er_instellingen,
        name="wie_is_er_instellingen",
    ),
    path("wie-is-er/teams/volgen/", wie_is_er.team_volgen, name="team_volgen"),
    path(
        "wie-is-er/teams/<str:team_pk>/niet-volgen/",
        wie_is_er.team_ontvolgen,
        name="team_ontvolgen",
    ),
    path("agenda/", agenda.agenda, name="agenda"),
    path("agenda/nieuw/", agenda.agenda_maken, name="agenda_maken"),
    path("agenda/intrekken/", agenda.agenda_intrekken, name="agenda_intrekken"),
    path("agenda/<str:token>.ics", agenda.agenda_feed, name="agenda_feed"),
    path("labels/", inchecken.werkplek_labels, name="werkplek_labels"),
    path("inchecken/<str:pk>/", inchecken.werkplek_inchecken, name="werkplek_inchecken"),
]

# Facilitair beheer (werkplekken/views/beheer.py).
urlpatterns += [
    path("beheer/locaties/", beheer.locaties, name="beheer_locaties"),
    path("beheer/locaties/nieuw/", beheer.locatie_nieuw, name="beheer_locatie_nieuw"),
    path("beheer/locaties/<str:pk>/", beheer.locatie_bewerken, name="beheer_locatie_bewerken"),
    path("beheer/zones/", beheer.zones, name="beheer_zones"),
    path("beheer/zones/nieuw/", beheer.zone_nieuw, name="beheer_zone_nieuw"),
    path("beheer/zones/<str:pk>/", beheer.zone_bewerken, name="beheer_zone_bewerken"),
    path("beheer/werkplekken/", beheer.werkplekken, name="beheer_werkplekken"),
    path("beheer/werkplekken/import/", beheer.werkplekken_import, name="werkplekken_import"),
    path("beheer/werkplekken/nieuw/", beheer.werkplek_nieuw, name="beheer_werkplek_nieuw"),
    path("beheer/werkplekken/<str:pk>/", beheer.werkplek_bewerken, name="beheer_werkplek_bewerken"),
]

# HR: the monthly payroll export (werkplekken/views/loonadministratie.py).
urlpatterns += [path("loonexport/", loonadministratie.loonexport, name="loonexport")]
