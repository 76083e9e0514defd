"""Who may sit on a case's panel: a comité member without a conflict of interest.

A conflict (DESIGN §2): the member works in the afdeling of the employee or of the
leidinggevende (which covers the same team), or is one of them. The service refuses such a
member and the panel form shows the same reason next to the name, so nobody is surprised.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _


def conflict(zaak, lid) -> str | None:
    """Why `lid` cannot sit on the panel of `zaak`, or None."""
    if lid.pk in (zaak.medewerker_id, zaak.leidinggevende_id):
        return _("%(naam)s is zelf partij in deze zaak.") % {"naam": lid.naam}
    if not lid.is_active or not lid.roltoewijzingen.filter(rol="comitelid").exists():
        return _("%(naam)s is geen lid van het adviserend comité.") % {"naam": lid.naam}
    return afdelingsconflict(zaak, lid.team.afdeling_id if lid.team_id else None, lid.naam)


def afdelingsconflict(zaak, afdeling_id, naam: str) -> str | None:
    if afdeling_id is None:
        return None
    medewerker_team = zaak.medewerker.team
    if medewerker_team is not None and medewerker_team.afdeling_id == afdeling_id:
        return _("%(naam)s werkt in dezelfde afdeling als de medewerker (belangenconflict).") % {
            "naam": naam
        }
    leider = zaak.leidinggevende
    if leider is not None and leider.team is not None and leider.team.afdeling_id == afdeling_id:
        return _(
            "%(naam)s werkt in dezelfde afdeling als de leidinggevende (belangenconflict)."
        ) % {"naam": naam}
    return None


def kandidaten(zaak) -> list[tuple[object, str | None]]:
    """Every comité member with the reason they cannot be chosen (None: they can). One query."""
    leden = (
        get_user_model()
        .objects.filter(roltoewijzingen__rol="comitelid", is_active=True)
        .select_related("team")
        .order_by("last_name", "first_name", "pk")
    )
    result = []
    for lid in leden:
        if lid.pk in (zaak.medewerker_id, zaak.leidinggevende_id):
            reden = _("%(naam)s is zelf partij in deze zaak.") % {"naam": lid.naam}
        else:
            reden = afdelingsconflict(zaak, lid.team.afdeling_id if lid.team_id else None, lid.naam)
        result.append((lid, reden))
    return result
