"""Who someone is for one case (a Party of the workflow), and which cases they may see.

Visible: the employee; the leidinggevende who decides for the employee's team now (a vervanger
too); the three panel members; the secretaris (every case). Anyone else — a comité member not
on the panel, the OR, a colleague — gets a 404: for them the case does not exist.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from comite.models import Geschil, Panellid, Zaak
from comite.workflows import LEIDINGGEVENDE, MEDEWERKER, PANEL, SECRETARIS
from convenant.permissions import beslis_scope
from pilot.permissions import has_role
from pilot.workflow import Party


def is_secretaris(user) -> bool:
    return has_role(user, "secretaris")


def zaken_zichtbaar_voor(user):
    if not user.is_authenticated:
        return Zaak.objects.none()
    queryset = Zaak.objects.select_related(
        "medewerker__team__afdeling", "leidinggevende__team", "afspraak", "uitzondering"
    )
    if is_secretaris(user):
        return queryset
    op_panel = Panellid.objects.filter(zaak=OuterRef("pk"), lid=user)
    return queryset.filter(
        Q(medewerker=user) | Q(medewerker__in=mensen_van_teams(user)) | Q(Exists(op_panel))
    )


def mensen_van_teams(user):
    """The people of the teams the user decides for, as a sub-query from the team index: a
    join to the case's person inside an OR made the planner read every person there is."""
    return get_user_model().objects.filter(team_id__in=list(beslis_scope(user).teams)).values("pk")


def zaak_for(user, pk: int) -> Zaak:
    """Fetch and authorise: the case, or a 404 when the user may not see it."""
    return get_object_or_404(zaken_zichtbaar_voor(user), pk=pk)


def zaak_partij(user, zaak: Zaak, panel_ids: set[int] | None = None) -> Party:
    """What `user` is in this case. `panel_ids`: the panel's user ids when already read."""
    if not user.is_authenticated:
        return Party(user=None)
    roles: set[str] = set()
    on_behalf_of = None
    if zaak.medewerker_id == user.pk:
        roles.add(MEDEWERKER)
    else:
        scope = beslis_scope(user)
        if scope.covers(zaak.medewerker.team_id):
            roles.add(LEIDINGGEVENDE)
            on_behalf_of = scope.namens(zaak.medewerker.team_id)
    if is_secretaris(user) and zaak.medewerker_id != user.pk:
        roles.add(SECRETARIS)
    if panel_ids is None:
        panel_ids = {lid.lid_id for lid in zaak.panelleden.all()}
    if user.pk in panel_ids:
        roles.add(PANEL)
    return Party(user=user, roles=frozenset(roles), on_behalf_of=on_behalf_of)


def mag_dossier_zien(party: Party) -> bool:
    """The full dossier (statements, documents, evidence, internal notes): panel, secretaris."""
    return PANEL in party or SECRETARIS in party


def geschil_for(user, pk: int) -> Geschil:
    geschil = get_object_or_404(Geschil.objects.select_related("zaak"), pk=pk)
    if not zaken_zichtbaar_voor(user).filter(pk=geschil.zaak_id).exists():
        raise Http404
    return geschil


def geschillen_zichtbaar_voor(user):
    return Geschil.objects.filter(zaak__in=zaken_zichtbaar_voor(user)).select_related(
        "zaak__medewerker"
    )


def geschil_partij(user, geschil: Geschil) -> Party:
    """The dispute follows the case: the same people are the same parties."""
    return zaak_partij(user, geschil.zaak)


def is_panellid_voor_uitzondering(user, uitzondering) -> bool:
    """Seam for convenant (DOSSIER_LEZERS): a panel member of a case about this exemption."""
    if not user.is_authenticated or not has_role(user, "comitelid"):
        return False
    # Once per request object: a list of exemptions asks for each row.
    cached = getattr(user, "_comite_panel_uitzonderingen", None)
    if cached is None:
        cached = frozenset(
            Panellid.objects.filter(lid=user, zaak__uitzondering__isnull=False).values_list(
                "zaak__uitzondering_id", flat=True
            )
        )
        user._comite_panel_uitzonderingen = cached
    return uitzondering.pk in cached
