"""The workplaces URLs in the role × page matrix (see tests/matrix.py).

Builders work on the demo organisation: `medewerker` owns the reservation and the attendance
row; everyone else, the leidinggevende and the OR-lid included, must get a 404 for them.
"""

from datetime import timedelta

from django.utils import timezone

from tests.matrix import ANON, Entry, everyone, only


def met_locaties(users: dict) -> dict:
    """No URL arguments; makes sure the demo buildings exist so the floor plan is drawn."""
    from werkplekken.demo import build_locaties

    build_locaties("small")
    return {}


def _reservering(users: dict):
    from werkplekken.models import Reservering, Werkplek

    met_locaties(users)
    # Two days ahead: bookable and cancellable, but check-in is not open yet (409).
    return Reservering.objects.create(
        medewerker=users["medewerker"],
        werkplek=Werkplek.objects.filter(reserveerbaar=True).order_by("pk").first(),
        datum=timezone.localdate() + timedelta(days=2),
        dagdeel="hele_dag",
        geboekt_door=users["medewerker"],
    )


def reservering(users: dict) -> dict:
    return {"pk": _reservering(users).pk}


def aanwezigheid(users: dict) -> dict:
    from werkplekken.models import Aanwezigheid

    registratie, _ = Aanwezigheid.objects.get_or_create(
        medewerker=users["medewerker"],
        datum=timezone.localdate() - timedelta(days=1),
        defaults={"soort": "thuis", "bron": "registratie"},
    )
    return {"pk": registratie.pk}


def locatie(users: dict) -> dict:
    from werkplekken.models import Locatie

    met_locaties(users)
    return {"pk": Locatie.objects.order_by("pk").first().pk}


def werkplek(users: dict) -> dict:
    from werkplekken.models import Werkplek

    met_locaties(users)
    return {"pk": Werkplek.objects.order_by("pk").first().pk}


def zone(users: dict) -> dict:
    from werkplekken.models import Zone

    met_locaties(users)
    return {"pk": Zone.objects.order_by("pk").first().pk}


def agenda_token(users: dict) -> dict:
    """The feed address of `medewerker`: the token is the key, so every caller gets the feed."""
    from werkplekken.services.agenda import agendakoppeling_maken

    return {"token": agendakoppeling_maken(actor=users["medewerker"])}


def werkplekken_entries() -> dict[str, Entry]:
    eigen = {**everyone(404), "medewerker": 302}
    api_eigen = {**everyone(404, anon=403), "medewerker": 200}
    return {
        "werkplek_reserveren": Entry(everyone(200), kwargs=met_locaties, page=True),
        # An empty booking goes back to the booking page with a message.
        "reservering_maken": Entry(everyone(302), method="post"),
        "mijn_reserveringen": Entry(everyone(200), page=True),
        "reservering_annuleren": Entry(eigen, method="post", kwargs=reservering),
        "reservering_inchecken": Entry(eigen, method="post", kwargs=reservering),
        "reserveringen_afwezig": Entry(everyone(302), method="post"),
        # Books or explains per day, then back to one's own reservations.
        "afgesproken_dagen_reserveren": Entry(everyone(302), method="post"),
        "aanwezigheid_week": Entry(everyone(200), page=True),
        # Every leader books for their team's day.
        "teamdag": Entry(
            only(("leidinggevende", "afdelingshoofd", "vervanger", "topleider")), page=True
        ),
        "bezetting": Entry(only(("facilitair",)), kwargs=met_locaties, page=True),
        # An htmx fragment for the agreement form and the team plan, not a page of its own.
        "capaciteit_fragment": Entry(everyone(200)),
        # The team plan's fragment: the team's members and its leidinggevende only.
        "capaciteit_team": Entry(
            {
                **everyone(404),
                "medewerker": 200,
                "leidinggevende": 200,
                # The head of the afdeling decides for the team (his vervanger only for people).
                "afdelingshoofd": 200,
            },
            kwargs=lambda users: {"team_pk": users["medewerker"].team_id},
        ),
        # Facilitair beheer: everyone else 403 (an empty POST is the form again, with errors).
        "beheer_locaties": Entry(only(("facilitair",)), kwargs=met_locaties, page=True),
        "beheer_locatie_nieuw": Entry(only(("facilitair",)), page=True),
        "beheer_locatie_bewerken": Entry(only(("facilitair",)), kwargs=locatie, page=True),
        "beheer_zones": Entry(only(("facilitair",)), kwargs=met_locaties, page=True),
        "beheer_zone_nieuw": Entry(only(("facilitair",)), kwargs=met_locaties, page=True),
        "beheer_zone_bewerken": Entry(only(("facilitair",)), kwargs=zone, page=True),
        "beheer_werkplekken": Entry(only(("facilitair",)), kwargs=met_locaties, page=True),
        "beheer_werkplek_nieuw": Entry(only(("facilitair",)), kwargs=met_locaties, page=True),
        "beheer_werkplek_bewerken": Entry(only(("facilitair",)), kwargs=werkplek, page=True),
        "werkplekken_import": Entry(only(("facilitair",)), page=True),
        # Individual attendance leaves the portal only through HR's payroll export.
        "loonexport": Entry(only(("hr",)), page=True),
        "wie_is_er": Entry(everyone(200), page=True),
        "wie_is_er_instellingen": Entry(everyone(200), page=True),
        # Both go back to the settings page, with a message when the team does not exist.
        "team_volgen": Entry(everyone(302), method="post"),
        "team_ontvolgen": Entry(everyone(302), method="post", kwargs=lambda users: {"team_pk": 1}),
        "agenda": Entry(everyone(200), page=True),
        # Answers with the page itself: the new address is shown once, never stored.
        "agenda_maken": Entry(everyone(200), method="post"),
        "agenda_intrekken": Entry(everyone(302), method="post"),
        # No login: the secret address is the key, for anyone who has it.
        "agenda_feed": Entry(everyone(200, anon=200), kwargs=agenda_token),
        "werkplek_labels": Entry(only(("facilitair",)), kwargs=met_locaties, page=True),
        # A scanned label: without a reservation on that desk today, a clear message.
        "werkplek_inchecken": Entry(everyone(200), kwargs=werkplek, page=True),
        "locatie-list": Entry(everyone(200, anon=403)),
        "locatie-detail": Entry(everyone(200, anon=403), kwargs=locatie),
        "werkplek-list": Entry(everyone(200, anon=403)),
        "werkplek-detail": Entry(everyone(200, anon=403), kwargs=werkplek),
        "reservering-list": Entry(everyone(200, anon=403)),
        "reservering-detail": Entry(api_eigen, kwargs=reservering),
        "reservering-annuleren": Entry(api_eigen, method="post", kwargs=reservering),
        # Check-in opens on the day itself: the owner gets the 409, anyone else the 404.
        "reservering-inchecken": Entry(
            {**api_eigen, "medewerker": 409}, method="post", kwargs=reservering
        ),
        "aanwezigheid-list": Entry(everyone(200, anon=403)),
        "aanwezigheid-detail": Entry(api_eigen, kwargs=aanwezigheid),
        # Without `locatie` and a date or weekday the question is incomplete.
        "capaciteit-list": Entry({**everyone(400, anon=403), ANON: 403}),
    }
