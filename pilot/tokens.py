"""API tokens: issued at login, expiring, revocable by their owner.

Built on django-rest-knox rather than DRF's own token model: knox stores only a hash of each token
(a stolen database dump opens no API), gives every login a new token (DRF's hands every login the
same one, for ever), and has expiry with sliding renewal up to a maximum built in. What knox leaves
to the project is here: who may see and revoke which token, and when all of a person's tokens end
(logout, a completed password reset).

The Authorization header keeps its form, `Token <token>` (DESIGN §6).
"""

import binascii
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from knox.models import AuthToken
from knox.settings import knox_settings
from rest_framework import exceptions

from pilot import audit

# A token's public name: the start of the hash knox stores. It identifies the token to its owner
# (pages, URLs, logs) without revealing any part of the token itself.
KENMERK_LENGTH = 16
_KENMERK = re.compile(rf"^[0-9a-f]{{{KENMERK_LENGTH}}}$")


def kenmerk(token: AuthToken) -> str:
    return token.digest[:KENMERK_LENGTH]


class TokenAuthentication(KnoxTokenAuthentication):
    def authenticate_credentials(self, token: bytes):
        # Knox decodes the header as UTF-8 and lets a malformed one escape as a 500.
        try:
            return super().authenticate_credentials(token)
        except (UnicodeDecodeError, binascii.Error) as exc:
            raise exceptions.AuthenticationFailed(_("Ongeldig token.")) from exc


class TokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the header: `Authorization: Token <token>`."""

    target_class = TokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix=knox_settings.AUTH_HEADER_PREFIX
        )


def hours(duration: timedelta) -> int:
    return int(duration.total_seconds() // 3600)


def issue(*, user, request) -> tuple[AuthToken, str]:
    """A new token for a login; returns the stored row and the token text (shown only now)."""
    with transaction.atomic():
        instance, text = AuthToken.objects.create(user=user)
        audit.record(actor=user, action="api_token.uitgegeven", object_label=kenmerk(instance))
    # As for a login in the browser: last login time, and the login lock forgets failed tries.
    user_logged_in.send(sender=user.__class__, request=request, user=user)
    return instance, text


def tokens_of(user):
    """The person's tokens that still open the API (knox deletes expired ones only on use)."""
    return AuthToken.objects.filter(user=user, expiry__gt=timezone.now()).order_by("-created")


@dataclass(frozen=True)
class Tokenregel:
    kenmerk: str
    aangemaakt_op: datetime
    verloopt_op: datetime


def token_overview(user) -> list[Tokenregel]:
    return [
        Tokenregel(kenmerk=kenmerk(token), aangemaakt_op=token.created, verloopt_op=token.expiry)
        for token in tokens_of(user)
    ]


def token_for(user, token_kenmerk: str) -> AuthToken:
    """The person's own token with this kenmerk; anyone else's (or none) is a 404."""
    if not _KENMERK.match(token_kenmerk):
        raise Http404
    token = tokens_of(user).filter(digest__startswith=token_kenmerk).first()
    if token is None:
        raise Http404
    return token


def revoke(*, user, token_kenmerk: str) -> None:
    with transaction.atomic():
        token = token_for(user, token_kenmerk)
        token.delete()
        audit.record(actor=user, action="api_token.ingetrokken", object_label=token_kenmerk)


def revoke_all(*, user, reason: str) -> int:
    with transaction.atomic():
        removed, _deleted = AuthToken.objects.filter(user=user).delete()
        if removed:
            audit.record(
                actor=user,
                action="api_token.alle_ingetrokken",
                object_label=str(user),
                note=reason,
            )
    return removed
