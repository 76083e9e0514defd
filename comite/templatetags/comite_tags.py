from django import template

from pilot.registry import state_label

register = template.Library()


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
    """The owner's link to file a case about this agreement or exemption when that may, or
    to the case already running about it."""
    from comite.models import OPEN_ZAAK_STATUSSEN, Zaak
    from comite.services import aanmeldbaar
    from convenant.models import Afspraak

    request = context.get("request")
    user = getattr(request, "user", None)
    eigenaar = onderwerp is not None and user is not None and onderwerp.medewerker_id == user.pk
    soort = "afspraak" if isinstance(onderwerp, Afspraak) else "uitzondering"
    lopend = None
    if eigenaar:
        lopend = Zaak.objects.filter(**{soort: onderwerp}, status__in=OPEN_ZAAK_STATUSSEN).first()
    return {
        "onderwerp": onderwerp,
        "soort": soort,
        "lopend": lopend,
        "toon": eigenaar and lopend is None and aanmeldbaar(onderwerp) is None,
    }
