from django.urls import path

from convenant.uitzonderingen import views

urlpatterns = [
    path("mijn/", views.mijn_uitzonderingen, name="mijn_uitzonderingen"),
    path("mijn/aanvragen/", views.uitzondering_nieuw, name="uitzondering_nieuw"),
    path("team/", views.team_uitzonderingen, name="team_uitzonderingen"),
    path("verificatie/", views.uitzondering_verificatie, name="uitzondering_verificatie"),
    path("<int:pk>/", views.uitzondering_detail, name="uitzondering_detail"),
    path("<int:pk>/besluit/", views.uitzondering_besluit, name="uitzondering_besluit"),
    path("<int:pk>/verifieren/", views.uitzondering_verifieren, name="uitzondering_verifieren"),
    path("<int:pk>/bewijsstuk/", views.uitzondering_bewijsstuk, name="uitzondering_bewijsstuk"),
]
