"""Exemption pages: parse, authorise (convenant.permissions), call one service or selector,
render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from convenant import bewijsstukken, permissions, services
from convenant.forms.base import add_service_errors
from convenant.forms.uitzonderingen import (
    AanvraagForm,
    NietAantoonbaarForm,
    UitzonderingBesluitForm,
)
from convenant.models import UITZONDERING_WORKFLOW
from convenant.selectors import uitzonderingen as selectors
from pilot import audit
from pilot.confirm import confirm_page, confirmed, refused
from pilot.notifications import mark_read_for_link
from pilot.permissions import role_required
from pilot.workflow import TransitionNotAllowed


@login_required
def mijn_uitzonderingen(request):
    mark_read_for_link(user=request.user, link=request.path)
    data = selectors.mijn_uitzonderingen(request.user)
    return render(request, "convenant/uitzonderingen/mijn.html", {"data": data})


@login_required
def uitzondering_nieuw(request):
    form = AanvraagForm(
        request.POST or None, request.FILES or None, initial={"ingangsdatum": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data.get("bewijsstuk")
        try:
            uitzondering = services.uitzondering_aanvragen(
                actor=request.user, aanvraag=form.aanvraag(), bestand=bestand
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Uw aanvraag is naar uw leidinggevende gestuurd."))
            return redirect("uitzondering_detail", pk=uitzondering.pk)
    context = {"form": form, "pagina": selectors.aanvraag_pagina(request.user)}
    return render(request, "convenant/uitzonderingen/aanvraag.html", context)


def _detail(request, uitzondering, besluit_form=None, niet_aantoonbaar_form=None):
    detail = selectors.uitzondering_detail(request.user, uitzondering)
    context = {
        "uitzondering": uitzondering,
        "detail": detail,
        "besluit_form": besluit_form or UitzonderingBesluitForm(acties=detail.acties),
        "niet_aantoonbaar_form": niet_aantoonbaar_form or NietAantoonbaarForm(),
    }
    return render(request, "convenant/uitzonderingen/detail.html", context)


@login_required
def uitzondering_detail(request, pk: int):
    uitzondering = permissions.uitzondering_for(request.user, pk)
    mark_read_for_link(user=request.user, link=request.path)
    return _detail(request, uitzondering)


@login_required
@require_POST
def uitzondering_besluit(request, pk: int):
    uitzondering = permissions.uitzondering_for(request.user, pk)
    partij = permissions.uitzondering_partij(request.user, uitzondering)
    besluit = request.POST.get("besluit")
    actie = besluit if besluit == "afwijzen" else "toekennen"
    back = reverse("uitzondering_detail", args=[uitzondering.pk])
    if weigering := refused(request, UITZONDERING_WORKFLOW, uitzondering, actie, partij, back):
        return weigering
    # Parsed with both choices: a refused rejection gets the workflow's reason, not "invalid".
    form = UitzonderingBesluitForm(request.POST)
    if not form.is_valid():
        return _detail(request, uitzondering, form)
    if form.cleaned_data["besluit"] == "afwijzen" and not confirmed(request):
        return confirm_page(
            request,
            title=_("Uitzondering afwijzen?"),
            consequence=_(
                "Als u afwijst, geldt de gewone streefnorm. De medewerker leest uw motivering "
                "en kan het adviserend comité om advies vragen."
            ),
            button=_("Ja, afwijzen"),
            cancel_url=reverse("uitzondering_detail", args=[uitzondering.pk]),
        )
    try:
        if form.cleaned_data["besluit"] == "toekennen":
            services.uitzondering_toekennen(actor=request.user, uitzondering=uitzondering)
        else:
            motivatie = form.cleaned_data["motivatie"]
            services.uitzondering_afwijzen(
                actor=request.user, uitzondering=uitzondering, motivatie=motivatie
            )
    except ValidationError as error:
        add_service_errors(form, error)
        return _detail(request, uitzondering, form)
    messages.success(request, _("Uw besluit is vastgelegd."))
    return redirect("uitzondering_detail", pk=uitzondering.pk)


@login_required
@require_POST
def uitzondering_verifieren(request, pk: int):
    uitzondering = permissions.uitzondering_for(request.user, pk)
    try:
        services.uitzondering_verifieren(actor=request.user, uitzondering=uitzondering)
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("De eerdere schriftelijke afspraak is geverifieerd."))
    return redirect("uitzondering_detail", pk=uitzondering.pk)


@login_required
@require_POST
def uitzondering_niet_aantoonbaar(request, pk: int):
    uitzondering = permissions.uitzondering_for(request.user, pk)
    partij = permissions.uitzondering_partij(request.user, uitzondering)
    back = reverse("uitzondering_detail", args=[uitzondering.pk])
    if weigering := refused(
        request, UITZONDERING_WORKFLOW, uitzondering, "niet_aantoonbaar", partij, back
    ):
        return weigering
    form = NietAantoonbaarForm(request.POST)
    if form.is_valid():
        try:
            services.uitzondering_niet_aantoonbaar(
                actor=request.user, uitzondering=uitzondering, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Vastgelegd: de eerdere afspraak is niet aantoonbaar."))
            return redirect("uitzondering_detail", pk=uitzondering.pk)
    return _detail(request, uitzondering, niet_aantoonbaar_form=form)


@never_cache
@login_required
def uitzondering_bewijsstuk(request, pk: int):
    """The evidence document, as a download only, never cached, for its readers only."""
    uitzondering = permissions.uitzondering_for(request.user, pk, purpose="bewijsstuk")
    try:
        handle = bewijsstukken.pad(uitzondering.bewijsstuk).open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    audit.record(actor=request.user, action="uitzondering.bewijsstuk_openen", obj=uitzondering)
    soort = uitzondering.bewijsstuk_type
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"bewijsstuk-{uitzondering.pk}.{bewijsstukken.EXTENSIES[soort]}",
        content_type=bewijsstukken.CONTENT_TYPES[soort],
    )
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def team_uitzonderingen(request):
    if not permissions.is_beslisser(request.user):
        raise PermissionDenied
    data = selectors.team_uitzonderingen(request.user)
    return render(request, "convenant/uitzonderingen/team.html", {"data": data})


@role_required("hr")
def uitzondering_verificatie(request):
    data = selectors.verificatie_wachtrij(pagina=request.GET.get("pagina", 1))
    return render(request, "convenant/uitzonderingen/verificatie.html", {"data": data})
