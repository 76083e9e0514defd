"""Agreement pages: parse, authorise (convenant.permissions), call one service or selector,
render. A refused transition is an error message on the page, never a 500."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convenant import permissions, services
from convenant.forms.afspraken import (
    AntwoordForm,
    BesluitForm,
    EigenVoorstelForm,
    LeidinggevendeVoorstelForm,
    NormtoetsForm,
    eigen_voorstel_initial,
)
from convenant.forms.base import add_service_errors
from convenant.models import AFSPRAAK_WORKFLOW
from convenant.selectors import afspraken as selectors
from pilot.confirm import confirm_page, confirmed, refused
from pilot.notifications import mark_read_for_link
from pilot.parsing import parse_id
from pilot.workflow import TransitionNotAllowed


@login_required
def mijn_afspraak(request):
    mark_read_for_link(user=request.user, link=request.path)
    data = selectors.mijn_afspraak(request.user)
    context = {"data": data, "antwoord_form": AntwoordForm()}
    return render(request, "convenant/afspraken/mijn.html", context)


@login_required
def afspraak_nieuw(request):
    data = selectors.mijn_afspraak(request.user)
    form = EigenVoorstelForm(
        request.POST or None, initial=eigen_voorstel_initial(request.user, data)
    )
    if request.method == "POST" and form.is_valid():
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
            done = _("Uw voorstel is ingediend bij uw leidinggevende.")
            messages.success(request, done if indienen else _("Uw concept is opgeslagen."))
            return redirect("mijn_afspraak")
    return render(request, "convenant/afspraken/voorstel.html", {"form": form, "data": data})


@login_required
def afspraak_toets(request):
    """htmx fragment: how the proposed days compare with the streefnorm in every part of the
    span; the user's own, or (?medewerker=) that of a member the user may propose for."""
    persoon = request.user
    if "medewerker" in request.GET:
        lid_pk = parse_id(request.GET["medewerker"])
        if lid_pk is None:
            raise Http404
        persoon = permissions.lid_for_voorstel(request.user, lid_pk)
    form = NormtoetsForm(request.GET)
    toets = None
    if form.is_valid() and form.cleaned_data["kantoordagen"] is not None:
        toets = selectors.normtoets_formulier(persoon, **form.cleaned_data)
    context = {"form": form, "toets": toets, "eigen": persoon.pk == request.user.pk}
    return render(request, "convenant/afspraken/includes/toets.html", context)


@login_required
@require_POST
def afspraak_indienen(request, pk: int):
    afspraak = permissions.afspraak_for(request.user, pk)
    try:
        services.afspraak_indienen(actor=request.user, afspraak=afspraak)
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    except ValidationError as error:
        # The concept lacks what submitting asks (the reason for going below the norm): the
        # form shows which field, with the concept filled in.
        for message in error.messages:
            messages.error(request, message)
        return redirect("afspraak_nieuw")
    else:
        messages.success(request, _("Uw voorstel is ingediend bij uw leidinggevende."))
    return redirect("mijn_afspraak")


@login_required
@require_POST
def afspraak_antwoord(request, pk: int):
    afspraak = permissions.afspraak_for(request.user, pk)
    antwoord = request.POST.get("antwoord")
    if refused := _refused(request, afspraak, antwoord if antwoord == "weigeren" else "accepteren"):
        return refused
    form = AntwoordForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies accepteren of weigeren."))
        return redirect("mijn_afspraak")
    if form.cleaned_data["antwoord"] == "accepteren":
        services.afspraak_accepteren(actor=request.user, afspraak=afspraak)
        messages.success(request, _("U hebt het voorstel geaccepteerd."))
        return redirect("mijn_afspraak")
    if not confirmed(request):
        return confirm_page(
            request,
            title=_("Voorstel weigeren?"),
            consequence=_(
                "Als u weigert, is er geen overeenstemming over uw kantoordagen. U kunt daarna "
                "het adviserend comité om advies vragen."
            ),
            button=_("Ja, weigeren"),
            cancel_url=reverse("afspraak_detail", args=[afspraak.pk]),
        )
    toelichting = form.cleaned_data["toelichting"]
    services.afspraak_weigeren(actor=request.user, afspraak=afspraak, toelichting=toelichting)
    messages.success(request, _("U hebt het voorstel geweigerd."))
    return redirect("mijn_afspraak")


@login_required
@require_POST
def afspraak_intrekken(request, pk: int):
    afspraak = permissions.afspraak_for(request.user, pk)
    if refused := _refused(request, afspraak, "intrekken"):
        return refused
    if not confirmed(request):
        return confirm_page(
            request,
            title=_("Voorstel intrekken?"),
            consequence=_(
                "Als u het voorstel intrekt, is er niets afgesproken en kan er niet meer over "
                "beslist worden. U kunt daarna een nieuw voorstel doen."
            ),
            button=_("Ja, intrekken"),
            cancel_url=reverse("afspraak_detail", args=[afspraak.pk]),
        )
    services.afspraak_intrekken(actor=request.user, afspraak=afspraak)
    messages.success(request, _("Het voorstel is ingetrokken."))
    return redirect("afspraak_detail", pk=afspraak.pk)


def _refused(request, afspraak, actie: str):
    return refused(
        request,
        AFSPRAAK_WORKFLOW,
        afspraak,
        actie,
        permissions.afspraak_partij(request.user, afspraak),
        reverse("afspraak_detail", args=[afspraak.pk]),
    )


def _detail(request, afspraak, besluit_form=None, status=200):
    context = {
        "afspraak": afspraak,
        "detail": selectors.afspraak_detail(request.user, afspraak),
        "besluit_form": besluit_form or BesluitForm(initial=BesluitForm.initial_from(afspraak)),
        "antwoord_form": AntwoordForm(),
    }
    return render(request, "convenant/afspraken/detail.html", context, status=status)


@login_required
def afspraak_detail(request, pk: int):
    afspraak = permissions.afspraak_for(request.user, pk)
    mark_read_for_link(user=request.user, link=request.path)
    return _detail(request, afspraak)


# The decision form's choice → the service that takes it (each checks the workflow itself).
BESLUITEN = {
    "akkoord": lambda actor, afspraak, data: services.afspraak_akkoord(
        actor=actor,
        afspraak=afspraak,
        onder_norm_overweging=data["onder_norm_overweging"],
        onder_norm_toelichting=data["onder_norm_toelichting"],
    ),
    "tegenvoorstel": lambda actor, afspraak, data: services.afspraak_tegenvoorstel(
        actor=actor,
        afspraak=afspraak,
        kantoordagen=data["kantoordagen"],
        motivatie=data["motivatie"],
        voorkeursdagen=data["voorkeursdagen"],
        locatie=data["locatie"],
        onder_norm_overweging=data["onder_norm_overweging"],
        onder_norm_toelichting=data["onder_norm_toelichting"],
    ),
    "afwijzen": lambda actor, afspraak, data: services.afspraak_afwijzen(
        actor=actor, afspraak=afspraak, motivatie=data["motivatie"]
    ),
}


@login_required
@require_POST
def afspraak_besluit(request, pk: int):
    afspraak = permissions.afspraak_for(request.user, pk)
    besluit = request.POST.get("besluit")
    if refused := _refused(request, afspraak, besluit if besluit in BESLUITEN else "akkoord"):
        return refused
    form = BesluitForm(request.POST)
    if not form.is_valid():
        return _detail(request, afspraak, form)
    if form.cleaned_data["besluit"] == "afwijzen" and not confirmed(request):
        return confirm_page(
            request,
            title=_("Voorstel afwijzen?"),
            consequence=_(
                "Als u afwijst, is er geen afspraak. De medewerker leest uw motivering en kan "
                "het adviserend comité om advies vragen."
            ),
            button=_("Ja, afwijzen"),
            cancel_url=reverse("afspraak_detail", args=[afspraak.pk]),
        )
    try:
        BESLUITEN[form.cleaned_data["besluit"]](request.user, afspraak, form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return _detail(request, afspraak, form)
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Uw besluit is vastgelegd."))
    return redirect("afspraak_detail", pk=afspraak.pk)


@login_required
def mijn_team(request):
    if not permissions.is_beslisser(request.user):
        raise PermissionDenied
    context = {"inbox": selectors.inbox(request.user), "leden": _leden(request)}
    return render(request, "convenant/afspraken/mijn_team.html", context)


def _leden(request):
    """The member list of the query string: ?zoek=naam&toon=stand&pagina=n."""
    return selectors.team_leden(
        request.user,
        zoek=request.GET.get("zoek", "")[:100],
        toon=request.GET.get("toon", ""),
        pagina=request.GET.get("pagina", 1),
    )


def _lid_kiezen(request, gekozen: str):
    if gekozen:
        messages.warning(request, _("Kies een medewerker uit de lijst."))
    context = {"leden": _leden(request)}
    return render(request, "convenant/afspraken/lid_kiezen.html", context)


@login_required
def afspraak_voorstel_lid(request):
    if not permissions.is_beslisser(request.user):
        raise PermissionDenied
    gekozen = request.GET.get("medewerker", "")
    lid_pk = parse_id(gekozen)
    if lid_pk is None:
        return _lid_kiezen(request, gekozen)
    pagina = selectors.voorstel_lid(
        request.user, permissions.lid_for_voorstel(request.user, lid_pk)
    )
    form = LeidinggevendeVoorstelForm(
        request.POST or None, initial=pagina.initial, medewerker_pk=pagina.lid.pk
    )
    if request.method == "POST" and form.is_valid():
        try:
            afspraak = services.afspraak_voorstellen(
                actor=request.user, medewerker=pagina.lid, voorstel=form.voorstel()
            )
        except TransitionNotAllowed as error:
            messages.error(request, error.message)
            return redirect("mijn_team")
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Uw voorstel is naar %(naam)s gestuurd.") % {"naam": pagina.lid.naam}
            )
            return redirect("afspraak_detail", pk=afspraak.pk)
    context = {"form": form, "lid": pagina.lid, "norm": pagina.norm}
    return render(request, "convenant/afspraken/voorstel_lid.html", context)
