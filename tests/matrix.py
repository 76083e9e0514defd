"""The role × page matrix: for every named URL pattern, what each demo role gets.

A pattern that is not in MATRIX fails test_every_url_pattern_is_in_the_matrix, so a new page
cannot ship without stating who may open it. The browser run opens every `page` entry that a
role may see (200) and checks it with axe-core.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.conftest import PERSONAS, ROLES

ANON = "anoniem"
ALL = (ANON, *ROLES, *PERSONAS)
LOGGED_IN = (*ROLES, *PERSONAS)
# Everyone who leads a team (or stands in for someone who does).
LEIDERS = ("leidinggevende", "afdelingshoofd", "vervanger", "topleider")
# Those who decide for `medewerker`: her team's leader, the head of her afdeling above him, and
# the head's vervanger. The head of another afdeling does not.
BESLISSERS = ("leidinggevende", "afdelingshoofd", "vervanger")


@dataclass(frozen=True)
class Entry:
    expected: dict[str, int]
    method: str = "get"
    # Builds the URL kwargs from the demo users; None for patterns without arguments.
    kwargs: Callable[[dict], dict] | None = None
    data: dict = field(default_factory=dict)
    # An HTML page for people (checked in the browser with axe-core), not an endpoint.
    page: bool = False


def everyone(status: int, anon: int = 302) -> dict[str, int]:
    return {ANON: anon, **dict.fromkeys(LOGGED_IN, status)}


def only(roles: tuple[str, ...], allowed: int = 200, denied: int = 403, anon: int = 302):
    return {ANON: anon, **{role: allowed if role in roles else denied for role in LOGGED_IN}}


def beslissers(status: int) -> dict[str, int]:
    return dict.fromkeys(BESLISSERS, status)


def _own_notification(users: dict) -> dict:
    from pilot.models import Notificatie

    notification = Notificatie.objects.create(
        ontvanger=users["medewerker"], onderwerp="Matrix", link="/"
    )
    return {"pk": notification.pk}


def _own_api_token(users: dict) -> dict:
    from knox.models import AuthToken

    from pilot.tokens import kenmerk

    token, _text = AuthToken.objects.create(user=users["medewerker"])
    return {"kenmerk": kenmerk(token)}


def _pilot_period(users: dict) -> int:
    from pilot.models import Periode

    return Periode.objects.get(is_demo=False).pk


MATRIX: dict[str, Entry] = {
    "start": Entry(everyone(200), page=True),
    "notificaties": Entry(everyone(200), page=True),
    "notificatie_gelezen": Entry(
        {**everyone(404), "medewerker": 302}, method="post", kwargs=_own_notification
    ),
    "notificaties_alles_gelezen": Entry(everyone(302), method="post"),
    "organisatie_import": Entry(only(("hr",)), page=True),
    "inlogblokkades": Entry(only(("hr",)), page=True),
    "inlogblokkade_opheffen": Entry(
        only(("hr",), allowed=302), method="post", data={"gebruikersnaam": "medewerker"}
    ),
    "toegankelijkheid": Entry(everyone(200, anon=200), page=True),
    "healthz": Entry(everyone(200, anon=200)),
    # A logged-in user is sent on to the start page.
    "login": Entry(everyone(302, anon=200), page=True),
    "logout": Entry(everyone(302), method="post"),
    "api_tokens": Entry(everyone(200), page=True),
    # Only the owner may revoke a token; for anyone else it does not exist.
    "api_token_intrekken": Entry(
        {**everyone(404), "medewerker": 302}, method="post", kwargs=_own_api_token
    ),
    "password_reset": Entry(everyone(200, anon=200), page=True),
    "password_reset_done": Entry(everyone(200, anon=200), page=True),
    "password_reset_confirm": Entry(
        everyone(200, anon=200), kwargs=lambda users: {"uidb64": "MQ", "token": "ongeldig"}
    ),
    "password_reset_complete": Entry(everyone(200, anon=200)),
    "set_language": Entry(everyone(302, anon=302), method="post", data={"language": "nl"}),
    "api_token": Entry(everyone(400, anon=400), method="post"),
    "api_schema": Entry(everyone(200, anon=403)),
    "api_docs": Entry(everyone(200)),
    "api-root": Entry(everyone(200, anon=403)),
    "api-token-list": Entry(everyone(200, anon=403)),
    "api-token-detail": Entry(
        {**everyone(404, anon=403), "medewerker": 204}, method="delete", kwargs=_own_api_token
    ),
    "periode-list": Entry(everyone(200, anon=403)),
    "periode-detail": Entry(
        everyone(200, anon=403),
        kwargs=lambda users: {"pk": _pilot_period(users)},
    ),
    # Django admin: staff only; demo users are not staff, so they are sent to the admin login.
    "admin:index": Entry(everyone(302)),
}


# --- convenant: agreements, delegation, team plan (issue 3) ----------------------------------
def _convenant_entries() -> dict[str, Entry]:
    from tests.convenant import matrix_support as m

    owner_or_manager = {**everyone(404), "medewerker": 200, **beslissers(200)}
    # Owner-only action: the leidinggevende sees the agreement, but may not act for the owner.
    owner_action = {**everyone(404), "medewerker": 302, **beslissers(403)}
    manager_action = {**everyone(404), "medewerker": 403, **beslissers(302)}
    api_owner = {**everyone(404, anon=403), "medewerker": 200, **beslissers(403)}
    api_manager = {**everyone(404, anon=403), "medewerker": 403, **beslissers(200)}
    return {
        "mijn_afspraak": Entry(everyone(200), page=True),
        "afspraak_nieuw": Entry(everyone(200), page=True),
        # An htmx fragment of the proposal form, not a page of its own.
        "afspraak_toets": Entry(everyone(200)),
        "afspraak_detail": Entry(owner_or_manager, kwargs=m.ingediend, page=True),
        # A concept is the owner's private draft: for the leidinggevende it does not exist.
        "afspraak_indienen": Entry(
            {**owner_action, **beslissers(404)}, method="post", kwargs=m.concept
        ),
        "afspraak_antwoord": Entry(
            owner_action, method="post", kwargs=m.tegenvoorstel, data={"antwoord": "accepteren"}
        ),
        "afspraak_besluit": Entry(
            manager_action, method="post", kwargs=m.ingediend, data={"besluit": "akkoord"}
        ),
        # The employee withdraws a submitted proposal; the leidinggevende sees it, may not.
        "afspraak_intrekken": Entry(
            owner_action, method="post", kwargs=m.ingediend, data={"bevestigd": "ja"}
        ),
        "mijn_team": Entry(only(LEIDERS), page=True),
        "afspraak_voorstel_lid": Entry(only(LEIDERS), page=True),
        "delegaties": Entry(only(LEIDERS), page=True),
        "delegatie_intrekken": Entry(
            {**everyone(404), "leidinggevende": 302}, method="post", kwargs=m.delegatie
        ),
        "teamplan": Entry(everyone(200), page=True),
        "teamplan_vaststellen": Entry(
            manager_action,
            method="post",
            kwargs=m.team_pk,
            data={"teamdagen": ["2"], "bevestigd": "ja"},
        ),
        "afspraak-list": Entry(everyone(200, anon=403)),
        "afspraak-detail": Entry({**owner_or_manager, ANON: 403}, kwargs=m.ingediend),
        "afspraak-indienen": Entry(
            {**api_owner, **beslissers(404)}, method="post", kwargs=m.concept
        ),
        "afspraak-accepteren": Entry(api_owner, method="post", kwargs=m.tegenvoorstel),
        "afspraak-weigeren": Entry(api_owner, method="post", kwargs=m.tegenvoorstel),
        "afspraak-intrekken": Entry(api_owner, method="post", kwargs=m.ingediend),
        "afspraak-akkoord": Entry(api_manager, method="post", kwargs=m.ingediend),
        "afspraak-tegenvoorstel": Entry(
            api_manager,
            method="post",
            kwargs=m.ingediend,
            data={"kantoordagen": "2.5", "motivatie": m.MOTIVATIE},
        ),
        "afspraak-afwijzen": Entry(
            api_manager, method="post", kwargs=m.ingediend, data={"motivatie": m.MOTIVATIE}
        ),
        "teamplan-list": Entry(everyone(200, anon=403)),
        "teamplan-detail": Entry({**owner_or_manager, ANON: 403}, kwargs=m.team_as_pk),
        "teamplan-vaststellen": Entry(
            {**everyone(404, anon=403), "medewerker": 403, **beslissers(201)},
            method="post",
            kwargs=m.team_as_pk,
            data={"teamdagen": ["2"]},
        ),
    }


MATRIX.update(_convenant_entries())


# --- convenant: individual exemptions (issue 4) ----------------------------------------------
def _uitzondering_entries() -> dict[str, Entry]:
    from tests.convenant import matrix_support as m

    # The employee, their leidinggevende and HR see an exemption; anyone else gets a 404.
    zichtbaar = {**everyone(404), "medewerker": 200, **beslissers(200), "hr": 200}
    # The evidence itself: the employee and HR only. Never the leidinggevende.
    bewijs = {**everyone(404), "medewerker": 200, "hr": 200}
    besluit = {**everyone(404), "medewerker": 403, **beslissers(302), "hr": 403}
    verifieren = {**everyone(404), "medewerker": 403, **beslissers(403), "hr": 302}

    def api(expected: dict[str, int], ok: int = 200) -> dict[str, int]:
        allowed = {role: ok for role in LOGGED_IN if expected[role] == 302}
        return {**expected, ANON: 403, **allowed}

    return {
        "mijn_uitzonderingen": Entry(everyone(200), page=True),
        "uitzondering_nieuw": Entry(everyone(200), page=True),
        "uitzondering_detail": Entry(zichtbaar, kwargs=m.uitzondering_met_bewijs, page=True),
        "uitzondering_besluit": Entry(
            besluit, method="post", kwargs=m.uitzondering_met_bewijs, data={"besluit": "toekennen"}
        ),
        "uitzondering_verifieren": Entry(
            verifieren, method="post", kwargs=m.uitzondering_met_bewijs
        ),
        "uitzondering_niet_aantoonbaar": Entry(
            verifieren,
            method="post",
            kwargs=m.uitzondering_met_bewijs,
            data={"motivatie": m.MOTIVATIE},
        ),
        "uitzondering_bewijsstuk": Entry(bewijs, kwargs=m.uitzondering_met_bewijs),
        "team_uitzonderingen": Entry(only(LEIDERS), page=True),
        "uitzondering_verificatie": Entry(only(("hr",)), page=True),
        "uitzondering-list": Entry(everyone(200, anon=403)),
        "uitzondering-detail": Entry({**zichtbaar, ANON: 403}, kwargs=m.uitzondering_met_bewijs),
        "uitzondering-toekennen": Entry(
            api(besluit), method="post", kwargs=m.uitzondering_met_bewijs
        ),
        "uitzondering-afwijzen": Entry(
            api(besluit),
            method="post",
            kwargs=m.uitzondering_met_bewijs,
            data={"motivatie": m.MOTIVATIE},
        ),
        "uitzondering-verifieren": Entry(
            api(verifieren), method="post", kwargs=m.uitzondering_met_bewijs
        ),
        "uitzondering-niet-aantoonbaar": Entry(
            api(verifieren),
            method="post",
            kwargs=m.uitzondering_met_bewijs,
            data={"motivatie": m.MOTIVATIE},
        ),
    }


MATRIX.update(_uitzondering_entries())


# --- comite: cases and geschillen (issue 12) ---------------------------------------------------
def _comite_entries() -> dict[str, Entry]:
    from tests.comite.matrix_entries import comite_entries

    # The head of the afdeling and his vervanger decide for `medewerker` as her leidinggevende
    # does: in a case they are that party, with the same answers.
    entries = comite_entries()
    for entry in entries.values():
        for persona in ("afdelingshoofd", "vervanger"):
            entry.expected[persona] = entry.expected["leidinggevende"]
    return entries


MATRIX.update(_comite_entries())

# --- werkplekken (issue 11) ------------------------------------------------------------------
from tests.werkplekken.matrix_entries import werkplekken_entries  # noqa: E402 - needs Entry

MATRIX.update(werkplekken_entries())
