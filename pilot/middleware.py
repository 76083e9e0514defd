from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import timezone, translation

from pilot import audit


def client_ip(request) -> str | None:
    # Behind our own reverse proxy REMOTE_ADDR is the proxy. The proxy appends the real client
    # to X-Forwarded-For, so only the right-most entry can be trusted; anything to its left was
    # written by the client.
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = audit.set_origin_ip(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            audit.reset_origin_ip(token)


class IdleSessionMiddleware:
    """Pushes an active session's idle expiry forward, at most once per REFRESH_SECONDS.

    Saving the session on every request (SESSION_SAVE_EVERY_REQUEST) made every page, even a
    read, a write transaction. Here only a request that finds the last refresh a minute or more
    ago marks the session modified, so SessionMiddleware saves it with a new expiry of
    SESSION_COOKIE_AGE from now. A quiet session therefore ends between SESSION_COOKIE_AGE minus
    a minute and SESSION_COOKIE_AGE after the last request.
    """

    REFRESH_SECONDS = 60
    KEY = "_idle_refreshed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # After the view: a login or logout has already replaced or emptied the session. Without
        # a session cookie there is nothing to extend, and no session must be created for it.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return response
        session = request.session
        refreshed_at = session.get(self.KEY)
        # An expired or unknown session key loads as empty: there is nothing to extend.
        if session.is_empty():
            return response
        if refreshed_at is None or _epoch_seconds() - refreshed_at >= self.REFRESH_SECONDS:
            mark_session_refreshed(session)
        return response


def _epoch_seconds() -> int:
    return int(timezone.now().timestamp())


def mark_session_refreshed(session) -> None:
    """Records that the session's expiry is being set from now (it is saved with this key)."""
    session[IdleSessionMiddleware.KEY] = _epoch_seconds()


def session_refreshed_at_login(sender, request, user, **kwargs) -> None:
    # Logging in saves the session with a fresh expiry; the first requests after it need not.
    mark_session_refreshed(request.session)


class DutchFirstLocaleMiddleware(LocaleMiddleware):
    """Dutch unless the person chose otherwise: the browser's Accept-Language is not asked.

    The portal's language is Dutch; English is a choice made with the language switch (which
    sets the language cookie), not something a browser on an English system decides.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen not in dict(settings.LANGUAGES):
            chosen = settings.LANGUAGE_CODE
        translation.activate(chosen)
        request.LANGUAGE_CODE = translation.get_language()
