"""Thin views: parse, authorise (selectors → 404), call one service, render."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convenant import selectors, services
from convenant.exceptions import TransitionNotAllowed
from convenant.forms import (
    AntwoordForm,
    BesluitForm,
    DelegatieForm,
    EigenVoorstelForm,
    LeidinggevendeVoorstelForm,
    TeamplanForm,
    VoorstelForm,
    add_service_errors,
)
from convenant.models import Partij, Status, acties_vanuit
from convenant.permissions import beslis_scope, is_beslisser, mag_beslissen
from convenant.streefnorm import streefnorm
from pilot import audit
from pilot.models import Periode
from pilot.permissions import managed_team_ids


@login_required
def mijn_afspraak(request):
    data = selectors.mijn_afspraak(request.user)
    return render(
        request,
        "convenant/mijn_afspraak.html",
        {"data": data, "antwoord_form": AntwoordForm(), "Status": Status},
    )


def _standaard_voorstel(user) -> dict:
    today = timezone.localdate()
    periode = Periode.objects.covering(today).order_by("-startdatum").first()
    initial = {"ingangsdatum": today, "kantoordagen": streefnorm(user, today).dagen}
    if periode:
        initial["einddatum"] = periode.einddatum
    return initial


@login_required
def afspraak_nieuw(request):
    data = selectors.mijn_afspraak(request.user)
    if request.method == "POST":
        form = EigenVoorstelForm(request.POST)
        if form.is_valid():
            indienen = request.POST.get("actie") == "indienen"
            try:
                services.afspraak_opslaan(
                    actor=request.user, voorstel=form.voorstel(), indienen=indienen
                )
            except TransitionNotAllowed as error:
                messages.error(request, error.message)
                return redirect("mijn_afspraak")
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Uw voorstel is ingediend bij uw leidinggevende.")
                    if indienen
                    else _("Uw concept is opgeslagen."),
                )
                return redirect("mijn_afspraak")
    else:
        if data.open and data.open.status == Status.CONCEPT:
            initial = VoorstelForm.initial_from(data.open)
        elif data.huidige:
            # A new version of the current agreement starts now, not on the old start date.
            initial = VoorstelForm.initial_from(data.huidige)
            initial["ingangsdatum"] = max(timezone.localdate(), data.huidige.ingangsdatum)
        else:
            initial = _standaard_voorstel(request.user)
        form = EigenVoorstelForm(initial=initial)
    return render(request, "convenant/voorstel_form.html", {"form": form, "data": data})


@login_required
def afspraak_toets(request):
    """htmx fragment: how the proposed number of days compares with the user's streefnorm."""
    try:
        dagen = Decimal(request.GET.get("kantoordagen", "").replace(",", "."))
    except InvalidOperation:
        dagen = None
    if dagen is not None and not dagen.is_finite():
        dagen = None
    norm = streefnorm(request.user, timezone.localdate())
    return render(request, "convenant/includes/toets.html", {"dagen": dagen, "norm": norm})


@login_required
@require_POST
def afspraak_indienen(request, pk: int):
    afspraak = selectors.afspraak_voor(request.user, pk)
    try:
        services.afspraak_indienen(actor=request.user, afspraak=afspraak)
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Uw voorstel is ingediend bij uw leidinggevende."))
    return redirect("mijn_afspraak")


@login_required
@require_POST
def afspraak_antwoord(request, pk: int):
    afspraak = selectors.afspraak_voor(request.user, pk)
    if afspraak.medewerker_id != request.user.pk:
        raise PermissionDenied
    form = AntwoordForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies accepteren of weigeren."))
        return redirect("mijn_afspraak")
    try:
        if form.cleaned_data["antwoord"] == "accepteren":
            services.afspraak_accepteren(actor=request.user, afspraak=afspraak)
            messages.success(request, _("U hebt het voorstel geaccepteerd."))
        else:
            services.afspraak_weigeren(
                actor=request.user,
                afspraak=afspraak,
                toelichting=form.cleaned_data["toelichting"],
            )
            messages.success(request, _("U hebt het voorstel geweigerd."))
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    return redirect("mijn_afspraak")


def _detail(request, afspraak, besluit_form=None, status=200):
    beslisser = mag_beslissen(request.user, afspraak.medewerker)
    if beslisser and besluit_form is None and afspraak.status == Status.INGEDIEND:
        besluit_form = BesluitForm()
    context = {
        "afspraak": afspraak,
        "norm": streefnorm(afspraak.medewerker, afspraak.ingangsdatum),
        "tijdlijn": list(audit.timeline_for(afspraak).order_by("tijdstip", "pk")),
        "eigenaar": afspraak.medewerker_id == request.user.pk,
        "beslisser": beslisser,
        "besluit_form": besluit_form,
        "antwoord_form": AntwoordForm(),
        "acties_medewerker": acties_vanuit(afspraak.status, Partij.MEDEWERKER),
        "wachttijd": selectors.wachttijd(afspraak),
    }
    return render(request, "convenant/afspraak_detail.html", context, status=status)


@login_required
def afspraak_detail(request, pk: int):
    return _detail(request, selectors.afspraak_voor(request.user, pk))


@login_required
@require_POST
def afspraak_besluit(request, pk: int):
    afspraak = selectors.afspraak_voor(request.user, pk)
    if not mag_beslissen(request.user, afspraak.medewerker):
        raise PermissionDenied
    form = BesluitForm(request.POST)
    if not form.is_valid():
        return _detail(request, afspraak, form)
    data = form.cleaned_data
    try:
        if data["besluit"] == "akkoord":
            services.afspraak_akkoord(
                actor=request.user,
                afspraak=afspraak,
                onder_norm_overweging=data["onder_norm_overweging"],
                onder_norm_toelichting=data["onder_norm_toelichting"],
            )
        elif data["besluit"] == "tegenvoorstel":
            services.afspraak_tegenvoorstel(
                actor=request.user,
                afspraak=afspraak,
                kantoordagen=data["kantoordagen"],
                motivatie=data["motivatie"],
                onder_norm_overweging=data["onder_norm_overweging"],
                onder_norm_toelichting=data["onder_norm_toelichting"],
            )
        else:
            services.afspraak_afwijzen(
                actor=request.user, afspraak=afspraak, motivatie=data["motivatie"]
            )
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    except ValidationError as error:
        add_service_errors(form, error)
        return _detail(request, afspraak, form)
    else:
        messages.success(request, _("Uw besluit is vastgelegd."))
    return redirect("afspraak_detail", pk=afspraak.pk)


@login_required
def mijn_team(request):
    if not is_beslisser(request.user):
        raise PermissionDenied
    return render(request, "convenant/mijn_team.html", {"inbox": selectors.inbox(request.user)})


@login_required
def afspraak_voorstel_lid(request):
    if not is_beslisser(request.user):
        raise PermissionDenied
    gekozen = request.GET.get("medewerker", "")
    lid_pk = selectors.parse_id(gekozen)
    if lid_pk is None:
        if gekozen:
            messages.warning(request, _("Kies een medewerker uit de lijst."))
        leden = selectors.inbox(request.user).leden
        return render(request, "convenant/voorstel_lid_kiezen.html", {"leden": leden})
    lid = selectors.lid_voor_voorstel(request.user, lid_pk)
    if request.method == "POST":
        form = LeidinggevendeVoorstelForm(request.POST)
        if form.is_valid():
            try:
                afspraak = services.afspraak_voorstellen(
                    actor=request.user, medewerker=lid, voorstel=form.voorstel()
                )
            except TransitionNotAllowed as error:
                messages.error(request, error.message)
                return redirect("mijn_team")
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Uw voorstel is naar %(naam)s gestuurd.") % {"naam": lid.naam}
                )
                return redirect("afspraak_detail", pk=afspraak.pk)
    else:
        form = LeidinggevendeVoorstelForm(initial=_standaard_voorstel(lid))
    return render(
        request,
        "convenant/voorstel_lid_form.html",
        {"form": form, "lid": lid, "norm": streefnorm(lid, timezone.localdate())},
    )


def _vervanger_kandidaten(user):
    """Fellow leidinggevenden (same afdeling or own MT) and members of the teams one leads."""
    team_ids = managed_team_ids(user)
    peers = Q(team_id=user.team_id) if user.team_id else Q(pk__in=[])
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(team_id__in=team_ids) | Q(geleide_teams__afdeling__teams__in=team_ids) | peers)
        .exclude(pk=user.pk)
        .select_related("team")
        .distinct()
        .order_by("last_name", "first_name")
    )


@login_required
def delegaties(request):
    if not managed_team_ids(request.user):
        raise PermissionDenied
    form = DelegatieForm(request.POST or None, kandidaten=_vervanger_kandidaten(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.delegatie_aanmaken(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De vervanger is aangewezen."))
            return redirect("delegaties")
    return render(
        request,
        "convenant/delegaties.html",
        {
            "form": form,
            "delegaties": selectors.delegaties_van(request.user)[:50],
            "vandaag": timezone.localdate(),
        },
    )


@login_required
@require_POST
def delegatie_intrekken(request, pk: int):
    delegatie = selectors.delegatie_van(request.user, pk)
    try:
        services.delegatie_intrekken(actor=request.user, delegatie=delegatie)
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("De delegatie is ingetrokken."))
    return redirect("delegaties")


@login_required
def teamplan(request):
    teams = selectors.teams_met_plan(request.user)
    gekozen = request.GET.get("team", "")
    team_pk = selectors.parse_id(gekozen)
    if gekozen and team_pk is None:
        messages.warning(request, _("Dit team bestaat niet; u ziet uw eigen teamplan."))
    if team_pk is None:
        # A leidinggevende starts on a team they lead; everyone else on their own team.
        led = [team.pk for team in teams if beslis_scope(request.user).covers(team.pk)]
        team_pk = led[0] if led else request.user.team_id
    if team_pk is None:
        return render(request, "convenant/teamplan.html", {"teams": teams, "overzicht": None})
    team, volledig = selectors.team_voor_plan(request.user, team_pk)
    datum = _peildatum(request, request.GET.get("datum", ""))
    return render(
        request, "convenant/teamplan.html", _teamplan_context(team, volledig, teams, datum=datum)
    )


def _peildatum(request, value: str) -> date:
    """The day whose agreements the plan shows (default today); a bad value means today."""
    if not value:
        return timezone.localdate()
    try:
        # Only the form's own format (YYYY-MM-DD): fromisoformat would also take '20261123'.
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        messages.warning(request, _("De peildatum is geen geldige datum; het plan toont vandaag."))
        return timezone.localdate()


def _teamplan_context(team, volledig, teams, form=None, datum=None) -> dict:
    overzicht = selectors.teamplan(team, datum or timezone.localdate(), volledig=volledig)
    if volledig and form is None:
        laatste = overzicht.vastgesteld
        form = TeamplanForm(initial={"teamdagen": laatste.teamdagen if laatste else []})
    return {"teams": teams, "overzicht": overzicht, "form": form}


@login_required
@require_POST
def teamplan_vaststellen(request, team_pk: int):
    team, volledig = selectors.team_voor_plan(request.user, team_pk)
    if not volledig:
        raise PermissionDenied
    form = TeamplanForm(request.POST)
    if form.is_valid():
        try:
            plan = services.teamplan_vaststellen(actor=request.user, team=team, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Versie %(versie)s van het teamplan is vastgesteld.") % {"versie": plan.versie},
            )
            return redirect(f"{reverse('teamplan')}?team={team.pk}")
    teams = selectors.teams_met_plan(request.user)
    return render(request, "convenant/teamplan.html", _teamplan_context(team, True, teams, form))
