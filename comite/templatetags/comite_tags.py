from django import template

from pilot.registry import state_label, timeline_label

register = template.Library()


@register.filter
def tijdlijn_label(value: str) -> str:
    return timeline_label(value)


@register.filter
def zaak_status(value: str) -> str:
    """A state of a case, or of its geschil (one timeline shows both)."""
    if not value:
        return ""
    label = state_label("comite.zaak", value)
    return label if label != value else state_label("comite.geschil", value)


@register.filter
def geschil_status(value: str) -> str:
    return state_label("comite.geschil", value) if value else ""


@register.inclusion_tag("comite/includes/knop.html", takes_context=True)
def comite_knop(context, onderwerp):
    """The owner's link to file a case about this agreement or exemption, when that may."""
    from comite.services import aanmeldbaar
    from convenant.models import Afspraak

    request = context.get("request")
    user = getattr(request, "user", None)
    eigenaar = onderwerp is not None and user is not None and onderwerp.medewerker_id == user.pk
    return {
        "onderwerp": onderwerp,
        "soort": "afspraak" if isinstance(onderwerp, Afspraak) else "uitzondering",
        "toon": eigenaar and aanmeldbaar(onderwerp) is None,
    }
