from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from comite import api as comite_api
from convenant.api import afspraken as afspraak_api
from convenant.api import teamplannen as teamplan_api
from convenant.api import uitzonderingen as uitzondering_api
from pilot import api, views
from werkplekken import api as werkplekken_api

router = DefaultRouter()
router.register("periodes", api.PeriodeViewSet, basename="periode")
router.register("tokens", api.ApiTokenViewSet, basename="api-token")
router.register("afspraken", afspraak_api.AfspraakViewSet, basename="afspraak")
router.register("teamplannen", teamplan_api.TeamplanViewSet, basename="teamplan")
router.register("uitzonderingen", uitzondering_api.UitzonderingViewSet, basename="uitzondering")
router.register("zaken", comite_api.ZaakViewSet, basename="zaak")
router.register("geschillen", comite_api.GeschilViewSet, basename="geschil")
router.register("locaties", werkplekken_api.LocatieViewSet, basename="locatie")
router.register("werkplekken", werkplekken_api.WerkplekViewSet, basename="werkplek")
router.register("reserveringen", werkplekken_api.ReserveringViewSet, basename="reservering")
router.register("aanwezigheid", werkplekken_api.AanwezigheidViewSet, basename="aanwezigheid")
router.register("capaciteit", werkplekken_api.CapaciteitViewSet, basename="capaciteit")

urlpatterns = [
    path("", views.start, name="start"),
    path("notificaties/", views.notificatie_lijst, name="notificaties"),
    path("notificaties/<int:pk>/gelezen/", views.notificatie_gelezen, name="notificatie_gelezen"),
    path(
        "notificaties/alles-gelezen/",
        views.notificaties_alles_gelezen,
        name="notificaties_alles_gelezen",
    ),
    path("organisatie/import/", views.organisatie_import, name="organisatie_import"),
    path("", include("convenant.urls")),
    path("beveiliging/inlogblokkades/", views.inlogblokkades, name="inlogblokkades"),
    path(
        "beveiliging/inlogblokkades/opheffen/",
        views.inlogblokkade_opheffen,
        name="inlogblokkade_opheffen",
    ),
    path("comite/", include("comite.urls")),
    path("werkplekken/", include("werkplekken.urls")),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("healthz", views.healthz, name="healthz"),
    path(
        "account/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("account/logout/", views.LogoutView.as_view(), name="logout"),
    path("account/api-tokens/", views.api_tokens, name="api_tokens"),
    path(
        "account/api-tokens/<str:kenmerk>/intrekken/",
        views.api_token_intrekken,
        name="api_token_intrekken",
    ),
    path(
        "account/wachtwoord-vergeten/",
        auth_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "account/wachtwoord-vergeten/verzonden/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "account/wachtwoord-herstellen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "account/wachtwoord-hersteld/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("i18n/setlang/", views.taal_kiezen, name="set_language"),
    path("api/token/", api.TokenView.as_view(), name="api_token"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/docs/", api.swagger_ui, name="api_docs"),
    path("api/", include(router.urls)),
    path("beheer/", admin.site.urls),
]

handler403 = "pilot.errors.forbidden"
handler404 = "pilot.errors.not_found"
handler500 = "pilot.errors.server_error"
