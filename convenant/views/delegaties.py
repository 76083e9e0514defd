"""Delegation pages: a leidinggevende names a vervanger for a period, or withdraws it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convenant import permissions, services
from convenant.forms.base import add_service_errors
from convenant.forms.delegaties import DelegatieForm
from convenant.selectors import delegaties as selectors
from pilot.workflow import TransitionNotAllowed


@login_required
def delegaties(request):
    if not permissions.mag_delegeren(request.user):
        raise PermissionDenied
    zoek = (request.POST.get("zoek") or request.GET.get("zoek", ""))[:100]
    kandidaten = selectors.vervanger_keuze(request.user, zoek)
    form = DelegatieForm(request.POST or None, kandidaten=kandidaten)
    if request.method == "POST" and form.is_valid():
        try:
            services.delegatie_aanmaken(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De vervanger is aangewezen."))
            return redirect("delegaties")
    pagina = selectors.delegaties_pagina(request.user)
    context = {
        "form": form,
        "zoek": zoek,
        "limiet": selectors.KANDIDATEN_LIMIET,
        "delegaties": pagina.delegaties,
        "vandaag": pagina.vandaag,
    }
    return render(request, "convenant/delegaties/lijst.html", context)


@login_required
@require_POST
def delegatie_intrekken(request, pk: int):
    delegatie = permissions.delegatie_for(request.user, pk)
    try:
        services.delegatie_intrekken(actor=request.user, delegatie=delegatie)
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("De delegatie is ingetrokken."))
    return redirect("delegaties")
