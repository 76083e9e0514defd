from django.urls import path

from convenant.views import afspraken, delegaties, teamplannen, uitzonderingen

urlpatterns = [
    path("afspraken/mijn/", afspraken.mijn_afspraak, name="mijn_afspraak"),
    path("afspraken/mijn/voorstel/", afspraken.afspraak_nieuw, name="afspraak_nieuw"),
    path("afspraken/mijn/voorstel/toets/", afspraken.afspraak_toets, name="afspraak_toets"),
    path("afspraken/<int:pk>/", afspraken.afspraak_detail, name="afspraak_detail"),
    path("afspraken/<int:pk>/indienen/", afspraken.afspraak_indienen, name="afspraak_indienen"),
    path("afspraken/<int:pk>/antwoord/", afspraken.afspraak_antwoord, name="afspraak_antwoord"),
    path("afspraken/<int:pk>/besluit/", afspraken.afspraak_besluit, name="afspraak_besluit"),
    path("afspraken/<int:pk>/intrekken/", afspraken.afspraak_intrekken, name="afspraak_intrekken"),
    path("afspraken/team/", afspraken.mijn_team, name="mijn_team"),
    path("afspraken/team/voorstel/", afspraken.afspraak_voorstel_lid, name="afspraak_voorstel_lid"),
    path("afspraken/delegaties/", delegaties.delegaties, name="delegaties"),
    path(
        "afspraken/delegaties/<int:pk>/intrekken/",
        delegaties.delegatie_intrekken,
        name="delegatie_intrekken",
    ),
    path("afspraken/teamplan/", teamplannen.teamplan, name="teamplan"),
    path(
        "afspraken/teamplan/<int:team_pk>/vaststellen/",
        teamplannen.teamplan_vaststellen,
        name="teamplan_vaststellen",
    ),
    path("uitzonderingen/mijn/", uitzonderingen.mijn_uitzonderingen, name="mijn_uitzonderingen"),
    path(
        "uitzonderingen/mijn/aanvragen/",
        uitzonderingen.uitzondering_nieuw,
        name="uitzondering_nieuw",
    ),
    path("uitzonderingen/team/", uitzonderingen.team_uitzonderingen, name="team_uitzonderingen"),
    path(
        "uitzonderingen/verificatie/",
        uitzonderingen.uitzondering_verificatie,
        name="uitzondering_verificatie",
    ),
    path(
        "uitzonderingen/<int:pk>/", uitzonderingen.uitzondering_detail, name="uitzondering_detail"
    ),
    path(
        "uitzonderingen/<int:pk>/besluit/",
        uitzonderingen.uitzondering_besluit,
        name="uitzondering_besluit",
    ),
    path(
        "uitzonderingen/<int:pk>/verifieren/",
        uitzonderingen.uitzondering_verifieren,
        name="uitzondering_verifieren",
    ),
    path(
        "uitzonderingen/<int:pk>/niet-aantoonbaar/",
        uitzonderingen.uitzondering_niet_aantoonbaar,
        name="uitzondering_niet_aantoonbaar",
    ),
    path(
        "uitzonderingen/<int:pk>/bewijsstuk/",
        uitzonderingen.uitzondering_bewijsstuk,
        name="uitzondering_bewijsstuk",
    ),
]
