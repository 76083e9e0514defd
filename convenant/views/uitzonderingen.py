"""Thin views: parse, authorise (selectors → 404), call one service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from convenant.exceptions import TransitionNotAllowed
from convenant.forms import add_service_errors
from convenant.models import LOPENDE_STATUSSEN, Categorie, UitzonderingActie, UitzonderingStatus
from convenant.permissions import is_beslisser
from convenant.streefnorm import basisnorm, streefnorm
from convenant.uitzonderingen import bewijsstukken, selectors, services
from convenant.uitzonderingen.forms import AanvraagForm, UitzonderingBesluitForm
from pilot import audit
from pilot.permissions import has_role, role_required


@login_required
def mijn_uitzonderingen(request):
    data = selectors.mijn_uitzonderingen(request.user)
    return render(request, "convenant/uitzonderingen/mijn.html", {"data": data})


@login_required
def uitzondering_nieuw(request):
    if request.method == "POST":
        form = AanvraagForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                uitzondering = services.uitzondering_aanvragen(
                    actor=request.user,
                    aanvraag=form.aanvraag(),
                    bestand=form.cleaned_data.get("bewijsstuk"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Uw aanvraag is naar uw leidinggevende gestuurd."))
                return redirect("uitzondering_detail", pk=uitzondering.pk)
    else:
        form = AanvraagForm(initial={"ingangsdatum": timezone.localdate()})
    user = request.user
    return render(
        request,
        "convenant/uitzonderingen/aanvraag.html",
        {
            "form": form,
            "norm": streefnorm(user, timezone.localdate()),
            "basisnorm": basisnorm(user.contracturen, user.hybride_functie),
            "deeltijd": selectors.deeltijd(user),
        },
    )


def _detail(request, uitzondering, besluit_form=None, status=200):
    beslisser = selectors.mag_beslissen(request.user, uitzondering)
    open_ = uitzondering.status == UitzonderingStatus.AANGEVRAAGD
    mag_verifieren = has_role(request.user, "hr") and uitzondering.medewerker_id != request.user.pk
    if beslisser and open_ and besluit_form is None:
        besluit_form = UitzonderingBesluitForm(onafwijsbaar=uitzondering.onafwijsbaar)
    context = {
        "uitzondering": uitzondering,
        "eigenaar": uitzondering.medewerker_id == request.user.pk,
        "beslisser": beslisser,
        "besluit_form": besluit_form if beslisser and open_ else None,
        "mag_details_zien": selectors.mag_details_zien(request.user, uitzondering),
        "mag_bewijs_zien": selectors.mag_bewijsstuk_zien(request.user, uitzondering),
        "mag_verifieren": mag_verifieren,
        "kan_verifieren": mag_verifieren
        and uitzondering.categorie == Categorie.EERDERE_AFSPRAAK
        and not uitzondering.geverifieerd
        and uitzondering.status in LOPENDE_STATUSSEN,
        "tijdlijn": selectors.tijdlijn_voor(request.user, uitzondering),
    }
    return render(request, "convenant/uitzonderingen/detail.html", context, status=status)


@login_required
def uitzondering_detail(request, pk: int):
    return _detail(request, selectors.uitzondering_voor(request.user, pk))


@login_required
@require_POST
def uitzondering_besluit(request, pk: int):
    uitzondering = selectors.uitzondering_voor(request.user, pk)
    if not selectors.mag_beslissen(request.user, uitzondering):
        raise PermissionDenied
    besluit = request.POST.get("besluit")
    if besluit in (UitzonderingActie.TOEKENNEN, UitzonderingActie.AFWIJZEN):
        # A decision the state does not allow gets its reason before any form error.
        try:
            services.controleer_actie(actor=request.user, uitzondering=uitzondering, actie=besluit)
        except TransitionNotAllowed as error:
            messages.error(request, error.message)
            return redirect("uitzondering_detail", pk=uitzondering.pk)
    # Parsed with both choices: a refused rejection gets the service's reason, not "invalid".
    form = UitzonderingBesluitForm(request.POST)
    if not form.is_valid():
        return _detail(request, uitzondering, form)
    data = form.cleaned_data
    try:
        if data["besluit"] == "toekennen":
            services.uitzondering_toekennen(actor=request.user, uitzondering=uitzondering)
        else:
            services.uitzondering_afwijzen(
                actor=request.user, uitzondering=uitzondering, motivatie=data["motivatie"]
            )
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    except ValidationError as error:
        add_service_errors(form, error)
        return _detail(request, uitzondering, form)
    else:
        messages.success(request, _("Uw besluit is vastgelegd."))
    return redirect("uitzondering_detail", pk=uitzondering.pk)


@login_required
@require_POST
def uitzondering_verifieren(request, pk: int):
    uitzondering = selectors.uitzondering_voor(request.user, pk)
    if not has_role(request.user, "hr"):
        raise PermissionDenied
    try:
        services.uitzondering_verifieren(actor=request.user, uitzondering=uitzondering)
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("De eerdere schriftelijke afspraak is geverifieerd."))
    return redirect("uitzondering_detail", pk=uitzondering.pk)


@never_cache
@login_required
def uitzondering_bewijsstuk(request, pk: int):
    """The evidence document, as a download only, never cached, for the employee and HR."""
    uitzondering = selectors.bewijsstuk_voor(request.user, pk)
    try:
        handle = bewijsstukken.pad(uitzondering.bewijsstuk).open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    audit.record(
        actor=request.user,
        action="uitzondering.bewijsstuk_openen",
        obj=uitzondering,
    )
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
    if not is_beslisser(request.user):
        raise PermissionDenied
    data = selectors.team_uitzonderingen(request.user)
    return render(request, "convenant/uitzonderingen/team.html", {"data": data})


@role_required("hr")
def uitzondering_verificatie(request):
    return render(
        request,
        "convenant/uitzonderingen/verificatie.html",
        {"data": selectors.verificatie_wachtrij()},
    )
