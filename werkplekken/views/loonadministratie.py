"""HR's monthly payroll export of home, office and elsewhere days, as CSV or XLSX.

Individual attendance is seen only by the person and by payroll: this page is HR's alone,
and every download is on the timeline. The file is written while the rows are read, so
memory stays bounded at 25 000 people.
"""

import csv
import tempfile

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from openpyxl import Workbook

from pilot.permissions import role_required
from werkplekken.forms import LoonexportForm
from werkplekken.permissions import HR
from werkplekken.selectors.loonadministratie import loonregels, vergoeding_per_dag
from werkplekken.services.loonadministratie import loonexport_vastleggen

KOLOMMEN = (
    "personeelsnummer",
    "voornaam",
    "achternaam",
    "dagen_thuis",
    "dagen_kantoor",
    "dagen_elders",
    "thuiswerkvergoeding_eur",
)
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilig(tekst: str) -> str:
    """A name or number as plain text: a leading quote stops a spreadsheet from running it."""
    return f"'{tekst}" if tekst.startswith(_FORMULE_TEKENS) else tekst


def _rijen(regels):
    for regel in regels:
        yield (
            veilig(regel.personeelsnummer),
            veilig(regel.voornaam),
            veilig(regel.achternaam),
            regel.thuis,
            regel.kantoor,
            regel.elders,
            regel.vergoeding,
        )


class _Regel:
    """csv.writer writes into this and gets the line back, to stream it."""

    def write(self, value: str) -> str:
        return value


def _csv(regels, bestandsnaam: str) -> StreamingHttpResponse:
    writer = csv.writer(_Regel(), delimiter=";")

    def regels_als_tekst():
        # The byte-order mark makes Excel read the names as UTF-8.
        yield "\ufeff" + writer.writerow(KOLOMMEN)
        for rij in _rijen(regels):
            yield writer.writerow([*rij[:6], f"{rij[6]:.2f}"])

    response = StreamingHttpResponse(regels_als_tekst(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}.csv"'
    return response


def _xlsx(regels, bestandsnaam: str) -> FileResponse:
    # Write-only: rows go to a temporary file as they come, not into memory.
    boek = Workbook(write_only=True)
    blad = boek.create_sheet(_("Loonexport"))
    blad.append(KOLOMMEN)
    for rij in _rijen(regels):
        blad.append([*rij[:6], float(rij[6])])
    # FileResponse closes the file when the download is sent.
    bestand = tempfile.TemporaryFile()  # noqa: SIM115
    boek.save(bestand)
    bestand.seek(0)
    return FileResponse(
        bestand,
        as_attachment=True,
        filename=f"{bestandsnaam}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@role_required(HR)
def loonexport(request):
    form = LoonexportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        eerste, formaat = form.cleaned_data["maand"], form.cleaned_data["formaat"]
        maand = f"{eerste:%Y-%m}"
        loonexport_vastleggen(actor=request.user, maand=maand, formaat=formaat)
        regels = loonregels(
            eerste, eerste + relativedelta(months=1), vergoeding_per_dag(eerste.year)
        )
        maak = _csv if formaat == "csv" else _xlsx
        return maak(regels, f"loonexport-{maand}")
    bedragen = sorted(
        (jaar, vergoeding_per_dag(jaar)) for jaar in settings.THUISWERKVERGOEDING_PER_DAG
    )
    return render(request, "werkplekken/loonexport.html", {"form": form, "bedragen": bedragen})
