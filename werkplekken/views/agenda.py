"""The calendar feed of one's own reservations: the page that makes or revokes its secret
address, and the feed itself, which needs no login — the address is the key."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from werkplekken.selectors.agenda import agenda_ics, koppeling_van, medewerker_voor_token
from werkplekken.services.agenda import agendakoppeling_intrekken, agendakoppeling_maken


@login_required
def agenda(request):
    return render(request, "werkplekken/agenda.html", {"koppeling": koppeling_van(request.user)})


@login_required
@require_POST
def agenda_maken(request):
    """Answers with the page itself, not a redirect: the address is shown this once and is
    stored nowhere, not even in the session."""
    token = agendakoppeling_maken(actor=request.user)
    adres = request.build_absolute_uri(reverse("agenda_feed", kwargs={"token": token}))
    response = render(
        request,
        "werkplekken/agenda.html",
        {"koppeling": koppeling_van(request.user), "adres": adres},
    )
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def agenda_intrekken(request):
    if agendakoppeling_intrekken(actor=request.user):
        messages.success(request, _("Het agenda-adres is ingetrokken. Het werkt niet meer."))
    return redirect("agenda")


@require_safe
def agenda_feed(request, token):
    medewerker = medewerker_voor_token(token)
    if medewerker is None:
        raise Http404
    response = HttpResponse(agenda_ics(medewerker), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="werkplekken.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
