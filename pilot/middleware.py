from django.conf import settings
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _

from pilot import audit, json_text


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
