"""The weekly attendance page: one's own days only."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from werkplekken.forms import WeekForm, maandag_van
from werkplekken.selectors.aanwezigheid import week
from werkplekken.services.aanwezigheid import aanwezigheid_registreren


def _maandag(value: str) -> date:
    try:
        return maandag_van(date.fromisoformat(value))
    except (TypeError, ValueError):
        return maandag_van(timezone.localdate())


@login_required
def aanwezigheid_week(request):
    maandag = _maandag(request.GET.get("week", ""))
    dagen = week(request.user, maandag)
    werkdagen = [dag.datum for dag in dagen if dag.werkdag]
    if request.method == "POST":
        form = WeekForm(request.POST, dagen=werkdagen)
        if form.is_valid():
            try:
                with transaction.atomic():
                    for datum, soort, reden in form.registraties():
                        aanwezigheid_registreren(
                            actor=request.user, datum=datum, soort=soort, reden=reden
                        )
            except ValidationError as error:
                for tekst in error.messages:
                    messages.error(request, tekst)
            else:
                messages.success(request, _("Uw week is opgeslagen."))
                return redirect(f"{request.path}?{urlencode({'week': maandag.isoformat()})}")
    else:
        initial = {}
        for dag in dagen:
            if dag.registratie:
                initial[f"soort_{dag.datum:%Y%m%d}"] = dag.registratie.soort
                initial[f"reden_{dag.datum:%Y%m%d}"] = dag.registratie.reden
        form = WeekForm(initial=initial, dagen=werkdagen)
    regels = [
        {
            "dag": dag,
            "soort": form[f"soort_{dag.datum:%Y%m%d}"] if dag.werkdag else None,
            "reden": form[f"reden_{dag.datum:%Y%m%d}"] if dag.werkdag else None,
        }
        for dag in dagen
    ]
    return render(
        request,
        "werkplekken/week.html",
        {
            "form": form,
            "regels": regels,
            "maandag": maandag,
            "vorige": maandag - timedelta(days=7),
            "volgende": maandag + timedelta(days=7),
        },
    )
