from django.urls import path

from convenant import views

urlpatterns = [
    path("mijn/", views.mijn_afspraak, name="mijn_afspraak"),
    path("mijn/voorstel/", views.afspraak_nieuw, name="afspraak_nieuw"),
    path("mijn/voorstel/toets/", views.afspraak_toets, name="afspraak_toets"),
    path("<int:pk>/", views.afspraak_detail, name="afspraak_detail"),
    path("<int:pk>/indienen/", views.afspraak_indienen, name="afspraak_indienen"),
    path("<int:pk>/antwoord/", views.afspraak_antwoord, name="afspraak_antwoord"),
    path("<int:pk>/besluit/", views.afspraak_besluit, name="afspraak_besluit"),
    path("team/", views.mijn_team, name="mijn_team"),
    path("team/voorstel/", views.afspraak_voorstel_lid, name="afspraak_voorstel_lid"),
    path("delegaties/", views.delegaties, name="delegaties"),
    path("delegaties/<int:pk>/intrekken/", views.delegatie_intrekken, name="delegatie_intrekken"),
    path("teamplan/", views.teamplan, name="teamplan"),
    path(
        "teamplan/<int:team_pk>/vaststellen/",
        views.teamplan_vaststellen,
        name="teamplan_vaststellen",
    ),
]
