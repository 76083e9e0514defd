from django.urls import path

from werkplekken.views import aanwezigheid, capaciteit, reserveringen

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
]
