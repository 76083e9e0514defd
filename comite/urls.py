from django.urls import path

from comite import views

urlpatterns = [
    path("zaken/", views.mijn_zaken, name="mijn_zaken"),
    path("panels/", views.mijn_panels, name="mijn_panels"),
    path("wachtrij/", views.comite_wachtrij, name="comite_wachtrij"),
    path("aanmelden/<str:soort>/<int:pk>/", views.zaak_aanmelden, name="zaak_aanmelden"),
    path("zaken/<int:pk>/", views.zaak_detail, name="zaak_detail"),
    path("zaken/<int:pk>/brief/", views.zaak_brief, name="zaak_brief"),
    path("zaken/<int:pk>/bewijsstuk/", views.zaak_bewijsstuk, name="zaak_bewijsstuk"),
    path(
        "zaken/<int:pk>/documenten/<int:document_pk>/",
        views.zaak_document,
        name="zaak_document",
    ),
    path("zaken/<int:pk>/<str:actie>/", views.zaak_actie, name="zaak_actie"),
    path("geschillen/<int:pk>/brief/", views.geschil_brief, name="geschil_brief"),
    path("geschillen/<int:pk>/<str:actie>/", views.geschil_actie, name="geschil_actie"),
]
