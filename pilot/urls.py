from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from convenant import api as convenant_api
from convenant.uitzonderingen import api as uitzondering_api
from pilot import api, views
from werkplekken import api as werkplekken_api

router = DefaultRouter()
router.register("periodes", api.PeriodeViewSet, basename="periode")
router.register("afspraken", convenant_api.AfspraakViewSet, basename="afspraak")
router.register("teamplannen", convenant_api.TeamplanViewSet, basename="teamplan")
router.register("uitzonderingen", uitzondering_api.UitzonderingViewSet, basename="uitzondering")
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
    path("afspraken/", include("convenant.urls")),
    path("uitzonderingen/", include("convenant.uitzonderingen.urls")),
    path("werkplekken/", include("werkplekken.urls")),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("healthz", views.healthz, name="healthz"),
    path(
        "account/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("account/logout/", auth_views.LogoutView.as_view(), name="logout"),
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
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "account/wachtwoord-hersteld/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/token/", api.TokenView.as_view(), name="api_token"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/docs/", api.swagger_ui, name="api_docs"),
    path("api/", include(router.urls)),
    path("beheer/", admin.site.urls),
]

handler403 = "pilot.errors.forbidden"
handler404 = "pilot.errors.not_found"
handler500 = "pilot.errors.server_error"
