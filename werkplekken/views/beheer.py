"""Facilitair beheer: lists, new and edit pages for locations, zones and desks.

Only facilitair beheer opens them (others 403; an unknown object 404). Nothing is deleted:
a desk is made not bookable instead (see werkplekken/services/beheer.py).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pilot.forms import CsvImportForm
from pilot.pagination import page_with_total
from pilot.parsing import parse_id
from pilot.permissions import role_required
from werkplekken import permissions
from werkplekken.forms import LocatieForm, WerkplekForm, ZoneForm
from werkplekken.selectors import beheer as selectors
from werkplekken.services import beheer as services
from werkplekken.services.werkplek_import import KOLOMMEN, werkplekken_importeren

FACILITAIR = permissions.FACILITAIR


def _pagina(request, queryset):
    return Paginator(queryset, selectors.PER_PAGINA).get_page(request.GET.get("pagina"))


def _opgeslagen(request, gewijzigd, naam: str) -> None:
    if gewijzigd:
        messages.success(request, _("%(naam)s is opgeslagen.") % {"naam": naam})
    else:
        messages.info(request, _("Er was niets gewijzigd."))


def _bewaar(form, service, **kwargs):
    """Call the service with the form's values; its errors go next to the form's fields."""
    try:
        return True, service(**kwargs, **form.cleaned_data)
    except ValidationError as error:
        form.fouten_van(error)
        return False, None


# Locations


@role_required(FACILITAIR)
def locaties(request):
    # The total beside the page's rows (one query), then the desks of the page's locations.
    pagina = page_with_total(
        selectors.locaties_overzicht(), request.GET.get("pagina"), selectors.PER_PAGINA
    )
    selectors.werkplekken_tellen(pagina)
    return render(request, "werkplekken/beheer/locaties.html", {"page": pagina})


@role_required(FACILITAIR)
def locatie_nieuw(request):
    form = LocatieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        gelukt, locatie = _bewaar(form, services.locatie_aanmaken, actor=request.user)
        if gelukt:
            messages.success(request, _("Locatie %(naam)s is toegevoegd.") % {"naam": locatie})
            return redirect("beheer_locaties")
    return render(request, "werkplekken/beheer/formulier.html", _context(form, None, "locatie"))


@login_required
def locatie_bewerken(request, pk):
    locatie = permissions.locatie_beheer_for(request.user, pk)
    form = LocatieForm(
        request.POST or None,
        initial={naam: getattr(locatie, naam) for naam in services.LOCATIE_VELDEN},
    )
    if request.method == "POST" and form.is_valid():
        gelukt, gewijzigd = _bewaar(
            form, services.locatie_bijwerken, actor=request.user, locatie=locatie
        )
        if gelukt:
            _opgeslagen(request, gewijzigd, locatie.naam)
            return redirect("beheer_locaties")
    return render(request, "werkplekken/beheer/formulier.html", _context(form, locatie, "locatie"))


# Zones


def _zoek(request) -> str:
    return (request.POST.get("zoek") or request.GET.get("zoek", ""))[:100]


@role_required(FACILITAIR)
def zones(request):
    locatie_id = parse_id(request.GET.get("locatie", ""))
    pagina = _pagina(request, selectors.zones_overzicht(locatie_id))
    context = {"page": pagina, "locaties": selectors.locatie_keuzes(), "locatie_id": locatie_id}
    return render(request, "werkplekken/beheer/zones.html", context)


@role_required(FACILITAIR)
def zone_nieuw(request):
    zoek = _zoek(request)
    form = ZoneForm(
        request.POST or None,
        teams=selectors.thuisteam_keuze(zoek),
        locaties=selectors.locatie_keuzes(),
        initial={"locatie": parse_id(request.GET.get("locatie", ""))},
    )
    if request.method == "POST" and form.is_valid():
        gelukt, zone = _bewaar(form, services.zone_aanmaken, actor=request.user)
        if gelukt:
            messages.success(request, _("Zone %(naam)s is toegevoegd.") % {"naam": zone.naam})
            return redirect(f"{reverse('beheer_zones')}?locatie={zone.locatie_id}")
    return render(request, "werkplekken/beheer/formulier.html", _context(form, None, "zone", zoek))


@login_required
def zone_bewerken(request, pk):
    zone = permissions.zone_beheer_for(request.user, pk)
    zoek = _zoek(request)
    form = ZoneForm(
        request.POST or None,
        teams=selectors.thuisteam_keuze(zoek, zone.thuisteam_id),
        initial={naam: getattr(zone, naam) for naam in services.ZONE_VELDEN},
    )
    if request.method == "POST" and form.is_valid():
        gelukt, gewijzigd = _bewaar(form, services.zone_bijwerken, actor=request.user, zone=zone)
        if gelukt:
            _opgeslagen(request, gewijzigd, zone.naam)
            return redirect(f"{reverse('beheer_zones')}?locatie={zone.locatie_id}")
    context = _context(form, zone, "zone", zoek)
    context["locatie"] = zone.locatie
    return render(request, "werkplekken/beheer/formulier.html", context)


# Desks


@role_required(FACILITAIR)
def werkplekken(request):
    locatie_id = parse_id(request.GET.get("locatie", ""))
    zoek = request.GET.get("zoek", "")[:30].strip()
    pagina = _pagina(request, selectors.werkplekken_overzicht(locatie_id, zoek))
    context = {
        "page": pagina,
        "locaties": selectors.locatie_keuzes(),
        "locatie_id": locatie_id,
        "zoek": zoek,
    }
    return render(request, "werkplekken/beheer/werkplekken.html", context)


@role_required(FACILITAIR)
def werkplek_nieuw(request):
    """A desk is added in one location: `?locatie=` picks it, so the zone list stays short."""
    locaties = selectors.locatie_keuzes()
    locatie_id = parse_id(request.GET.get("locatie", ""))
    locatie = next((loc for loc in locaties if loc.pk == locatie_id), None)
    if locatie is None:
        context = {"locaties": locaties}
        return render(request, "werkplekken/beheer/werkplek_locatie.html", context)
    form = WerkplekForm(request.POST or None, zones=list(selectors.zones_van(locatie.pk)))
    if request.method == "POST" and form.is_valid():
        gelukt, werkplek = _bewaar(form, services.werkplek_aanmaken, actor=request.user)
        if gelukt:
            messages.success(request, _("Werkplek %(code)s is toegevoegd.") % {"code": werkplek})
            return redirect(f"{reverse('beheer_werkplekken')}?locatie={locatie.pk}")
    context = _context(form, None, "werkplek")
    context["locatie"] = locatie
    return render(request, "werkplekken/beheer/formulier.html", context)


@login_required
def werkplek_bewerken(request, pk):
    werkplek = permissions.werkplek_beheer_for(request.user, pk)
    form = WerkplekForm(
        request.POST or None,
        zones=list(selectors.zones_van(werkplek.zone.locatie_id)),
        initial={
            **{naam: getattr(werkplek, naam) for naam in services.WERKPLEK_VELDEN},
            "zone": werkplek.zone_id,
        },
    )
    if request.method == "POST" and form.is_valid():
        gelukt, gewijzigd = _bewaar(
            form, services.werkplek_bijwerken, actor=request.user, werkplek=werkplek
        )
        if gelukt:
            _opgeslagen(request, gewijzigd, werkplek.code)
            return redirect(f"{reverse('beheer_werkplekken')}?locatie={werkplek.zone.locatie_id}")
    context = _context(form, werkplek, "werkplek")
    context["locatie"] = werkplek.zone.locatie
    return render(request, "werkplekken/beheer/formulier.html", context)


TITELS = {
    "locatie": (
        gettext_lazy("Nieuwe locatie"),
        gettext_lazy("Locatie %(naam)s wijzigen"),
        "beheer_locaties",
    ),
    "zone": (gettext_lazy("Nieuwe zone"), gettext_lazy("Zone %(naam)s wijzigen"), "beheer_zones"),
    "werkplek": (
        gettext_lazy("Nieuwe werkplek"),
        gettext_lazy("Werkplek %(naam)s wijzigen"),
        "beheer_werkplekken",
    ),
}


def _context(form, obj, soort: str, zoek: str | None = None) -> dict:
    nieuw, wijzigen, terug = TITELS[soort]
    return {
        "form": form,
        "titel": nieuw if obj is None else wijzigen % {"naam": getattr(obj, "naam", obj)},
        "terug": terug,
        "soort": soort,
        "zoek": zoek,
        "limiet": selectors.TEAMS_LIMIET,
    }


@role_required(FACILITAIR)
def werkplekken_import(request):
    report = None
    form = CsvImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = werkplekken_importeren(
            raw=form.cleaned_data["bestand"].read(),
            actor=request.user,
            dry_run=form.cleaned_data["proefdraai"],
        )
    context = {"form": form, "report": report, "kolommen": ", ".join(KOLOMMEN)}
    return render(request, "werkplekken/beheer/import.html", context)
