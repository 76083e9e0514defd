"""Wie is er: colleagues who allow it, per location, on a day of the horizon; and one's own
consent and followed teams."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pilot.parsing import parse_id
from werkplekken.forms import TeamVolgenForm, WieIsErForm, ZichtbaarheidForm
from werkplekken.selectors import wie_is_er as selectors
from werkplekken.services import wie_is_er as services


@login_required
def wie_is_er(request):
    dagen = selectors.kiesbare_dagen()
    form = WieIsErForm(request.GET or None, dagen=dagen)
    datum = None
    if form.is_bound and form.is_valid():
        datum = form.cleaned_data["datum"]
    elif not form.is_bound and dagen:
        datum = dagen[0]
        form = WieIsErForm(initial={"datum": datum.isoformat()}, dagen=dagen)
    return render(
        request,
        "werkplekken/wie_is_er.html",
        {
            "form": form,
            "datum": datum,
            "locaties": selectors.wie_is_er(request.user, datum) if datum else [],
            "zonder_team": request.user.team_id is None,
            "vandaag": timezone.localdate(),
        },
    )


@login_required
def wie_is_er_instellingen(request):
    if request.method == "POST":
        form = ZichtbaarheidForm(request.POST)
        if form.is_valid():
            services.zichtbaarheid_opslaan(
                actor=request.user,
                wie=form.cleaned_data["wie"],
                werkplek_tonen=form.cleaned_data["werkplek_tonen"],
            )
            messages.success(request, _("Uw keuze is opgeslagen."))
            return redirect("wie_is_er_instellingen")
    else:
        huidig = selectors.zichtbaarheid_van(request.user)
        form = ZichtbaarheidForm(
            initial={"wie": huidig.wie, "werkplek_tonen": huidig.werkplek_tonen}
        )
    zoekterm = request.GET.get("zoek", "")[:100]
    return render(
        request,
        "werkplekken/wie_is_er_instellingen.html",
        {
            "form": form,
            "gevolgd": selectors.gevolgde_teams(request.user),
            "zoekterm": zoekterm,
            "gevonden": selectors.teams_zoeken(request.user, zoekterm),
            "max_gevolgd": services.MAX_GEVOLGDE_TEAMS,
            "zoek_max": selectors.ZOEK_MAX,
        },
    )


@login_required
@require_POST
def team_volgen(request):
    form = TeamVolgenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een team om te volgen."))
        return redirect("wie_is_er_instellingen")
    try:
        team = services.team_volgen(actor=request.user, team_id=form.cleaned_data["team"])
    except ValidationError as error:
        for tekst in error.messages:
            messages.error(request, tekst)
    else:
        messages.success(request, _("U volgt nu %(team)s.") % {"team": team.naam})
    return redirect("wie_is_er_instellingen")


@login_required
@require_POST
def team_ontvolgen(request, team_pk):
    team_id = parse_id(team_pk)
    if team_id is not None:
        services.team_ontvolgen(actor=request.user, team_id=team_id)
    messages.success(request, _("U volgt dit team niet meer."))
    return redirect("wie_is_er_instellingen")
