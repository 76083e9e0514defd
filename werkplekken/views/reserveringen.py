"""Booking pages: thin views that parse, authorise, call one service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from pilot.dates import in_sentence
from pilot.models import Team
from pilot.parsing import parse_id
from pilot.permissions import managed_team_ids, role_required
from pilot.workflow import TransitionNotAllowed
from werkplekken.forms import AfwezigForm, ReserveerForm, TeamdagForm, ZoekForm
from werkplekken.permissions import reservering_for
from werkplekken.selectors import reserveringen as selectors
from werkplekken.services import reserveringen as services


def _fouten(error: ValidationError) -> list[str]:
    return error.messages


def _verdieping(value: str) -> int | None:
    """The floor of the floor links; anything else shows the default floor."""
    return int(value) if value.lstrip("-").isdigit() and len(value) <= 3 else None


@login_required
def werkplek_reserveren(request):
    locaties = selectors.locaties()
    form = ZoekForm.standaard(request.GET, locaties)
    aanbod = None
    gekozen = None
    query = ""
    if locaties and form.is_valid():
        data = form.cleaned_data
        query = urlencode(
            {
                "locatie": data["locatie"].pk,
                "datum": data["datum"].isoformat(),
                "dagdeel": data["dagdeel"],
                "kenmerken": data["kenmerken"],
            },
            doseq=True,
        )
        gekozen_id = parse_id(request.GET.get("werkplek", ""))
        aanbod = selectors.aanbod(
            data["locatie"],
            data["datum"],
            data["dagdeel"],
            data["kenmerken"],
            verdieping=_verdieping(request.GET.get("verdieping", "")),
            werkplek_id=gekozen_id,
            team_id=request.user.team_id,
        )
        gekozen = next(
            (
                plek
                for zone in aanbod.zones
                for plek in zone.plekken
                if plek.werkplek.pk == gekozen_id
            ),
            None,
        )
    return render(
        request,
        "werkplekken/reserveren.html",
        {
            "form": form,
            "aanbod": aanbod,
            "gekozen": gekozen,
            "query": query,
            "heeft_locaties": bool(locaties),
            "leidt_team": bool(managed_team_ids(request.user)),
        },
    )


@login_required
@require_POST
def reservering_maken(request):
    form = ReserveerForm(request.POST)
    terug = reverse("werkplek_reserveren")
    if not form.is_valid():
        messages.error(request, _("Kies een werkplek, een datum en een dagdeel."))
        return redirect(terug)
    data = form.cleaned_data
    try:
        if data["locatie"] is not None:
            reservering = services.locatieplek_reserveren(
                actor=request.user,
                locatie_id=data["locatie"],
                datum=data["datum"],
                dagdeel=data["dagdeel"],
            )
        else:
            reservering = services.reservering_aanmaken(
                actor=request.user,
                werkplek_id=data["werkplek"],
                datum=data["datum"],
                dagdeel=data["dagdeel"],
            )
    except ValidationError as error:
        for tekst in _fouten(error):
            messages.error(request, tekst)
        query = {"datum": data["datum"].isoformat(), "dagdeel": data["dagdeel"]}
        return redirect(f"{terug}?{urlencode(query)}")
    messages.success(
        request,
        _("Gereserveerd: %(plek)s.") % {"plek": reservering},
    )
    return redirect("mijn_reserveringen")


@login_required
def mijn_reserveringen(request):
    return render(
        request,
        "werkplekken/mijn_reserveringen.html",
        {
            "reserveringen": selectors.mijn_reserveringen(request.user),
            "afwezig_form": AfwezigForm(),
        },
    )


def _actie(request, pk, service, gelukt: str):
    reservering = reservering_for(request.user, pk)
    try:
        service(actor=request.user, reservering=reservering)
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gelukt)
    return redirect("mijn_reserveringen")


@login_required
@require_POST
def reservering_annuleren(request, pk):
    return _actie(request, pk, services.reservering_annuleren, _("De reservering is geannuleerd."))


@login_required
@require_POST
def reservering_inchecken(request, pk):
    return _actie(
        request, pk, services.reservering_inchecken, _("U bent ingecheckt. Fijne werkdag!")
    )


@login_required
@require_POST
def afwezig(request):
    form = AfwezigForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vul twee geldige datums in."))
        return redirect("mijn_reserveringen")
    try:
        geannuleerd = services.reserveringen_annuleren_van_tot(
            actor=request.user, van=form.cleaned_data["van"], tot=form.cleaned_data["tot"]
        )
    except ValidationError as error:
        for tekst in _fouten(error):
            messages.error(request, tekst)
    else:
        messages.success(
            request,
            ngettext(
                "%(n)s reservering geannuleerd.",
                "%(n)s reserveringen geannuleerd.",
                len(geannuleerd),
            )
            % {"n": len(geannuleerd)},
        )
    return redirect("mijn_reserveringen")


@login_required
@require_POST
def afgesproken_dagen(request):
    try:
        uitkomsten = services.afgesproken_dagen_reserveren(actor=request.user)
    except ValidationError as error:
        for tekst in _fouten(error):
            messages.error(request, tekst)
        return redirect("mijn_reserveringen")
    if not uitkomsten:
        messages.info(request, _("Al uw afgesproken dagen in de komende periode zijn geboekt."))
    for uitkomst in uitkomsten:
        dag = in_sentence(uitkomst.datum)
        if uitkomst.reservering:
            messages.success(
                request,
                _("%(dag)s: %(plek)s.") % {"dag": dag, "plek": uitkomst.reservering.werkplek},
            )
        else:
            messages.warning(request, _("%(dag)s: %(fout)s") % {"dag": dag, "fout": uitkomst.fout})
    return redirect("mijn_reserveringen")


@role_required("leidinggevende")
def teamdag(request):
    """The leidinggevende block-books the home zone for one of their teams on the team day."""
    teams = list(Team.objects.filter(pk__in=managed_team_ids(request.user)).order_by("naam"))
    form = TeamdagForm(request.POST or None, teams=teams)
    if request.method == "POST" and form.is_valid():
        try:
            uitkomsten = services.teamdag_blokboeken(
                actor=request.user, team=form.cleaned_data["team"], datum=form.cleaned_data["datum"]
            )
        except ValidationError as error:
            for tekst in _fouten(error):
                messages.error(request, tekst)
        else:
            for uitkomst in uitkomsten:
                naam = uitkomst.medewerker.naam
                if uitkomst.reservering:
                    messages.success(
                        request,
                        _("%(naam)s: %(plek)s.")
                        % {"naam": naam, "plek": uitkomst.reservering.werkplek},
                    )
                else:
                    messages.warning(
                        request, _("%(naam)s: %(fout)s") % {"naam": naam, "fout": uitkomst.fout}
                    )
            if not uitkomsten:
                messages.info(request, _("Iedereen in het team heeft die dag al een werkplek."))
            return redirect("teamdag")
    return render(request, "werkplekken/teamdag.html", {"form": form})
