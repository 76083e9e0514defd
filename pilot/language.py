"""The language a person reads the portal in, kept on the person so that others' actions reach
them in it (notifications, e-mails)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import check_for_language


def language_of(person) -> str:
    language = getattr(person, "taal", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def language_remember(*, user, language: str) -> bool:
    """Store the language a signed-in person picked with the switch; an unknown code is ignored
    (the switch itself ignores it too)."""
    if language not in dict(settings.LANGUAGES) or not check_for_language(language):
        return False
    if user.taal != language:
        get_user_model().objects.filter(pk=user.pk).update(taal=language)
        user.taal = language
    return True
