"""Thin views: fetch and authorise (404), parse, call one service, render."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from comite import forms, selectors, services
from comite.models import Document
from comite.permissions import geschil_for, mag_dossier_zien, zaak_for, zaak_partij
from comite.workflows import LEIDINGGEVENDE, MEDEWERKER, PANEL
from convenant import bewijsstukken
from convenant.forms.base import add_service_errors
from convenant.permissions import afspraak_for, mag_bewijsstuk_zien, uitzondering_for
from pilot import audit
from pilot.permissions import role_required
from pilot.workflow import TransitionNotAllowed


@login_required
def mijn_zaken(request):
    return render(request, "comite/mijn_zaken.html", {"zaken": selectors.mijn_zaken(request.user)})


@role_required("comitelid")
def mijn_panels(request):
    pagina = request.GET.get("pagina", "1")
    page = selectors.mijn_panels(request.user, pagina if pagina.isdigit() else 1)
    return render(request, "comite/mijn_panels.html", {"page": page, "zaken": page.object_list})


@role_required("secretaris")
def comite_wachtrij(request):
    pagina = request.GET.get("pagina", "1")
    data = selectors.wachtrij(request.GET.get("status", ""), pagina if pagina.isdigit() else 1)
    return render(request, "comite/wachtrij.html", {"data": data})


@login_required
def zaak_aanmelden(request, soort: str, pk: int):
    """The employee files a case about their own agreement or exemption."""
    if soort == "afspraak":
        onderwerp = afspraak_for(request.user, pk)
    elif soort == "uitzondering":
        onderwerp = uitzondering_for(request.user, pk)
    else:
        raise Http404
    if onderwerp.medewerker_id != request.user.pk:
        raise PermissionDenied
    reden = services.aanmeldbaar(onderwerp)
    form = forms.AanmeldForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and not reden and form.is_valid():
        try:
            zaak = services.zaak_aanmelden(
                actor=request.user,
                **{soort: onderwerp},
                **form.cleaned_data,
            )
        except TransitionNotAllowed as error:
            reden = error.message
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Uw zaak is aangemeld bij het adviserend comité."))
            return redirect("zaak_detail", pk=zaak.pk)
    return render(
        request,
        "comite/aanmelden.html",
        {"form": form, "onderwerp": onderwerp, "soort": soort, "reden": reden},
    )


@dataclass(frozen=True)
class Stap:
    form: type | None
    uitvoeren: object  # (actor, zaak, cleaned_data) -> object
    gelukt: str


def _f(name):
    return getattr(services, name)


ZAAK_STAPPEN = {
    "accepteren": Stap(
        None,
        lambda u, z, d: _f("zaak_accepteren")(actor=u, zaak=z),
        gettext_lazy(
            "De zaak is in behandeling genomen; de leidinggevende is om een reactie gevraagd."
        ),
    ),
    "niet_ontvankelijk": Stap(
        forms.RedenForm,
        lambda u, z, d: _f("zaak_niet_ontvankelijk")(actor=u, zaak=z, reden=d["reden"]),
        gettext_lazy("De zaak is niet-ontvankelijk verklaard."),
    ),
    "reactie": Stap(
        forms.ReactieForm,
        lambda u, z, d: _f("zaak_reactie")(actor=u, zaak=z, **d),
        gettext_lazy("Uw reactie is toegevoegd aan de zaak."),
    ),
    "panel": Stap(
        None,  # built per case: see _form
        lambda u, z, d: _f("zaak_panel")(actor=u, zaak=z, **d),
        gettext_lazy("Het panel is samengesteld."),
    ),
    "zitting_plannen": Stap(
        forms.ZittingForm,
        lambda u, z, d: _f("zitting_plannen")(actor=u, zaak=z, **d),
        gettext_lazy("De zitting is gepland; de uitnodigingen gaan per e-mail."),
    ),
    "advies": Stap(
        forms.AdviesForm,
        lambda u, z, d: _f("advies_uitbrengen")(actor=u, zaak=z, **d),
        gettext_lazy("Het advies is vastgelegd en naar beide partijen gestuurd."),
    ),
    "advies_aanvaarden": Stap(
        None,
        lambda u, z, d: _f("advies_aanvaarden")(actor=u, zaak=z),
        gettext_lazy("U hebt het advies aanvaard."),
    ),
    "advies_afwijzen": Stap(
        forms.ToelichtingForm,
        lambda u, z, d: _f("advies_afwijzen")(actor=u, zaak=z, **d),
        gettext_lazy("U hebt het advies afgewezen."),
    ),
    "intrekken": Stap(
        forms.ToelichtingForm,
        lambda u, z, d: _f("zaak_intrekken")(actor=u, zaak=z, **d),
        gettext_lazy("Uw zaak is ingetrokken."),
    ),
    "geschil_starten": Stap(
        forms.GeschilForm,
        lambda u, z, d: _f("geschil_indienen")(actor=u, zaak=z, **d),
        gettext_lazy("Uw geschil is ingediend."),
    ),
    "notitie": Stap(
        forms.NotitieForm,
        lambda u, z, d: _f("notitie_toevoegen")(actor=u, zaak=z, tekst_=d["tekst"]),
        gettext_lazy("De notitie is opgeslagen."),
    ),
}
GESCHIL_STAPPEN = {
    "in_behandeling": Stap(
        None,
        lambda u, g, d: _f("geschil_in_behandeling")(actor=u, geschil=g),
        gettext_lazy("Het geschil is in behandeling genomen."),
    ),
    "verlengen": Stap(
        forms.RedenForm,
        lambda u, g, d: _f("geschil_verlengen")(actor=u, geschil=g, reden=d["reden"]),
        gettext_lazy("De termijn is verlengd."),
    ),
    "uitspraak": Stap(
        forms.UitspraakForm,
        lambda u, g, d: _f("geschil_uitspraak")(
            actor=u,
            geschil=g,
            uitkomst=d["tekst"],
            bindend=d["bindend"],
            kantoordagen=d["kantoordagen"],
            voorkeursdagen=d["voorkeursdagen"],
        ),
        gettext_lazy("De uitspraak is vastgelegd."),
    ),
}


def _form(actie: str, stap: Stap, zaak, data=None, files=None, dossier=None):
    # Several forms share a page: ids per action keep every label tied to its own field.
    auto_id = f"id_{actie}_%s"
    if actie == "panel":
        kandidaten = dossier.kandidaten if dossier is not None else None
        return forms.PanelForm(data, zaak=zaak, kandidaten=kandidaten, auto_id=auto_id)
    return stap.form(data, files, auto_id=auto_id) if stap.form else None


def _zaak_pagina(request, pk: int, gebonden: dict | None = None, status: int = 200):
    pagina = selectors.zaak_pagina(request.user, pk)
    zaak = pagina.zaak
    dossier = pagina.dossier
    formulieren = {}
    for actie in pagina.acties | ({"notitie"} if dossier else set()):
        stap = ZAAK_STAPPEN.get(actie)
        if stap is not None:
            formulieren[actie] = _form(actie, stap, zaak, dossier=dossier)
    for actie in pagina.geschil_acties:
        stap = GESCHIL_STAPPEN.get(actie)
        if stap is not None and stap.form:
            formulieren[f"geschil_{actie}"] = stap.form(auto_id=f"id_geschil_{actie}_%s")
    formulieren.update(gebonden or {})
    advies = getattr(zaak, "advies", None)
    mijn_antwoord = None
    if advies is not None:
        if MEDEWERKER in pagina.party:
            mijn_antwoord = advies.medewerker_aanvaard
        elif LEIDINGGEVENDE in pagina.party:
            mijn_antwoord = advies.leidinggevende_aanvaard
    context = {
        "pagina": pagina,
        "zaak": zaak,
        "dossier": dossier,
        "formulieren": formulieren,
        "advies": advies,
        "mijn_antwoord": mijn_antwoord,
        "geschil": getattr(zaak, "geschil", None),
        "zitting": getattr(zaak, "zitting", None),
        "is_partij": MEDEWERKER in pagina.party or LEIDINGGEVENDE in pagina.party,
        "mag_bewijs": dossier
        and zaak.uitzondering_id
        and zaak.uitzondering.bewijsstuk
        and mag_bewijsstuk_zien(request.user, zaak.uitzondering),
    }
    return render(request, "comite/zaak.html", context, status=status)


@login_required
def zaak_detail(request, pk: int):
    return _zaak_pagina(request, pk)


@login_required
@require_POST
def zaak_actie(request, pk: int, actie: str):
    zaak = zaak_for(request.user, pk)
    stap = ZAAK_STAPPEN.get(actie)
    if stap is None:
        raise Http404
    return _uitvoeren(request, zaak, zaak, actie, stap, zaak.pk)


@login_required
@require_POST
def geschil_actie(request, pk: int, actie: str):
    geschil = geschil_for(request.user, pk)
    stap = GESCHIL_STAPPEN.get(actie)
    if stap is None:
        raise Http404
    return _uitvoeren(request, geschil.zaak, geschil, actie, stap, geschil.zaak_id, "geschil_")


def _uitvoeren(request, zaak, obj, actie, stap, zaak_pk, prefix=""):
    form = _form(prefix + actie, stap, zaak, request.POST, request.FILES)
    if form is not None and not form.is_valid():
        return _zaak_pagina(request, zaak_pk, {prefix + actie: form}, status=400)
    try:
        stap.uitvoeren(request.user, obj, form.cleaned_data if form is not None else {})
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
        else:
            add_service_errors(form, error)
            return _zaak_pagina(request, zaak_pk, {prefix + actie: form}, status=400)
    else:
        messages.success(request, str(stap.gelukt))
    return redirect("zaak_detail", pk=zaak_pk)


def _bestand(handle_path, filename: str, content_type: str):
    try:
        handle = bewijsstukken.pad(handle_path).open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@login_required
def zaak_document(request, pk: int, document_pk: int):
    """A case document: for the panel, the secretaris and whoever added it. Logged."""
    zaak = zaak_for(request.user, pk)
    document = get_object_or_404(Document, pk=document_pk, zaak=zaak)
    party = zaak_partij(request.user, zaak)
    if not (mag_dossier_zien(party) or document.toegevoegd_door_id == request.user.pk):
        raise Http404
    audit.record(
        actor=request.user, action="zaak.document_openen", obj=zaak, note=document.omschrijving
    )
    return _bestand(
        document.opslagnaam,
        f"zaak-{zaak.pk}-document-{document.pk}.{bewijsstukken.EXTENSIES[document.soort]}",
        bewijsstukken.CONTENT_TYPES[document.soort],
    )


@never_cache
@login_required
def zaak_bewijsstuk(request, pk: int):
    """The evidence of the exemption the case is about: for the panel only. Each opening is
    written to the case's timeline."""
    zaak = zaak_for(request.user, pk)
    uitzondering = zaak.uitzondering
    party = zaak_partij(request.user, zaak)
    if (
        uitzondering is None
        or not uitzondering.bewijsstuk
        or PANEL not in party
        or not mag_bewijsstuk_zien(request.user, uitzondering)
    ):
        raise Http404
    audit.record(actor=request.user, action="zaak.bewijsstuk_openen", obj=zaak)
    soort = uitzondering.bewijsstuk_type
    return _bestand(
        uitzondering.bewijsstuk,
        f"zaak-{zaak.pk}-bewijsstuk.{bewijsstukken.EXTENSIES[soort]}",
        bewijsstukken.CONTENT_TYPES[soort],
    )


@login_required
def zaak_brief(request, pk: int):
    """The printable letter with the comité's advice (once there is one)."""
    zaak = zaak_for(request.user, pk)
    advies = getattr(zaak, "advies", None)
    if advies is None:
        raise Http404
    return render(request, "comite/brief.html", {"zaak": zaak, "advies": advies})


@login_required
def geschil_brief(request, pk: int):
    """The printable letter with the ruling in the geschil (once there is one)."""
    geschil = geschil_for(request.user, pk)
    if not geschil.uitspraak_op:
        raise Http404
    return render(request, "comite/geschil_brief.html", {"zaak": geschil.zaak, "geschil": geschil})
