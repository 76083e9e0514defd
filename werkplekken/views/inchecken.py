"""QR check-in: the printable desk labels (facilitair) and the page a scanned label opens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pilot.parsing import parse_id
from pilot.permissions import role_required
from pilot.workflow import TransitionNotAllowed
from werkplekken.forms import LabelsForm
from werkplekken.models import Werkplek
from werkplekken.selectors import inchecken as selectors
from werkplekken.selectors.reserveringen import locaties as alle_locaties
from werkplekken.services.reserveringen import reservering_inchecken


@role_required("facilitair")
def werkplek_labels(request):
    locaties = alle_locaties()
    gevraagd = parse_id(request.GET.get("locatie", ""))
    locatie = next(
        (loc for loc in locaties if loc.pk == gevraagd), locaties[0] if locaties else None
    )
    zones = selectors.zones_van(locatie) if locatie else []
    initial = LabelsForm.initial_for(locatie, zones) if locatie else {}
    data = None
    if "locatie" in request.GET:
        data = request.GET.copy()
        # No floor asked, or a floor of the location shown before: this location's lowest.
        if data.get("verdieping") not in {"", *(str(zone.verdieping) for zone in zones)}:
            data["verdieping"] = "" if initial.get("verdieping") is None else initial["verdieping"]
    form = LabelsForm(data, initial=initial, locaties=locaties, zones=zones)
    labels = []
    if locatie is not None and (data is None or form.is_valid()):
        keuze = form.cleaned_data if data is not None else {"zone": None, **initial}
        labels = selectors.labels(
            locatie,
            keuze["zone"],
            lambda werkplek: request.build_absolute_uri(
                reverse("werkplek_inchecken", kwargs={"pk": werkplek.pk})
            ),
            verdieping=keuze["verdieping"],
        )
    return render(
        request,
        "werkplekken/labels.html",
        {"form": form, "locatie": locatie, "labels": labels},
    )


def _werkplek(pk) -> Werkplek:
    parsed = parse_id(pk)
    werkplek = (
        Werkplek.objects.select_related("zone__locatie").filter(pk=parsed).first()
        if parsed is not None
        else None
    )
    if werkplek is None:
        raise Http404(_("Deze werkplek bestaat niet."))
    return werkplek


@login_required
def werkplek_inchecken(request, pk):
    """GET: what the scan means today; POST: check in on today's reservation of this desk."""
    werkplek = _werkplek(pk)
    stand = selectors.incheckstand(request.user, werkplek, timezone.localdate())
    if request.method == "POST" and stand.kan_inchecken:
        try:
            reservering_inchecken(actor=request.user, reservering=stand.reservering)
        except TransitionNotAllowed as error:
            # The window closed (or another tab checked in) between reading and posting.
            messages.error(request, error.message)
            return redirect("werkplek_inchecken", pk=werkplek.pk)
        messages.success(
            request,
            _("U bent ingecheckt op werkplek %(code)s. Fijne werkdag!") % {"code": werkplek.code},
        )
        return redirect("mijn_reserveringen")
    return render(
        request,
        "werkplekken/inchecken.html",
        {"werkplek": werkplek, "stand": stand},
    )
