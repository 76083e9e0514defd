from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from pilot import audit, json_text
from pilot.client_address import client_ip


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = audit.set_origin_ip(client_ip(request))
        actor = audit.set_actor(lambda: getattr(getattr(request, "user", None), "pk", None))
        try:
            return self.get_response(request)
        finally:
            audit.reset_actor(actor)
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


class RefuseUnwritableJsonMiddleware:
    """A JSON body with text the portal cannot write back is a 400 here, for every endpoint."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.content_type == "application/json" and request.method in (
            "POST",
            "PUT",
            "PATCH",
        ):
            try:
                refused = json_text.has_lone_surrogate(request.body)
            except json_text.TooDeep:
                return JsonResponse({"detail": _("De JSON is te diep genest.")}, status=400)
            if refused:
                return JsonResponse(
                    {
                        "detail": _(
                            "De JSON bevat tekst met een ongeldig teken (een losse "
                            "UTF-16-surrogaat). Stuur alleen geldige Unicode-tekst."
                        )
                    },
                    status=400,
                )
        return self.get_response(request)


class RequestSizeLimitMiddleware:
    """Refuse a body over REQUEST_MAX_BYTES on its stated length, before anything reads it.

    Django limits form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams uploaded files to disk
    whatever their size; the evidence form would only refuse an oversized file after the whole
    body was received and stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            message = _("Het verzoek is te groot: een bestand mag hoogstens %(mb)s MB zijn.") % {
                "mb": settings.EVIDENCE_MAX_BYTES // (1024 * 1024)
            }
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=413)
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class PrivateResponseMiddleware:
    """Personal data stays out of every cache, and the browser gets no powers the portal lacks.

    Any response to a signed-in person (a page by session, an API answer by token: DRF sets the
    user on the request when it authenticates) is `private, no-store`, so neither a shared proxy
    nor the browser's back/forward history keeps a copy after logout.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class TransitionRefusedMiddleware:
    """A state change refused under the row lock (someone else acted first) is a message on
    the page the person came from, never a server error. The API has its own answer (409)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.contrib import messages
        from django.shortcuts import redirect
        from django.utils.http import url_has_allowed_host_and_scheme

        from pilot.workflow import TransitionNotAllowed

        if not isinstance(exception, TransitionNotAllowed) or request.path.startswith("/api/"):
            return None
        messages.error(request, exception.message)
        back = request.META.get("HTTP_REFERER", "")
        safe = url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        return redirect(back if safe else "start")


class MethodNotAllowedPageMiddleware:
    """Django answers a wrong method (a GET on a form's action) with an empty 405; people get a
    page in the site's layout that says what to do instead. The API keeps its JSON answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not response.content
            and not request.path.startswith("/api/")
        ):
            from django.shortcuts import render

            page = render(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response
