"""Desk import from facilitair's CSV: validate everything first, then write all or nothing.

One row per desk: `locatie;zone;code;hoog_laag;toegankelijk;dubbel_scherm;reserveerbaar;x;y`.
Locations and zones must exist already (they are made on the management pages); a desk is
known by its code within its location, so a second run with the same file changes nothing and
a row with a different zone moves the desk. The reading rules are the organisation import's
(`pilot.csv_import`); the desk rules are the management pages' (`services.beheer`).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from pilot import audit
from pilot.csv_import import DryRunRollback, ImportError_, decode_csv, parse_bool, read_records
from werkplekken.models import Locatie, Werkplek, Zone
from werkplekken.services.beheer import positie_fouten

KOLOMMEN = (
    "locatie",
    "zone",
    "code",
    "hoog_laag",
    "toegankelijk",
    "dubbel_scherm",
    "reserveerbaar",
    "x",
    "y",
)
JA_NEE = ("hoog_laag", "toegankelijk", "dubbel_scherm", "reserveerbaar")
NIEUW, GEWIJZIGD, ONGEWIJZIGD = "nieuw", "gewijzigd", "ongewijzigd"


@dataclass
class Uitkomst:
    """What one row does: new desk, changed fields, or nothing."""

    line: int
    locatie: str
    code: str
    soort: str
    velden: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        if self.soort == NIEUW:
            tekst = _("nieuw")
        elif self.soort == GEWIJZIGD:
            tekst = _("gewijzigd: %(velden)s") % {"velden": ", ".join(self.velden)}
        else:
            tekst = _("ongewijzigd")
        return _("Regel %(line)s: %(locatie)s %(code)s — %(tekst)s") % {
            "line": self.line,
            "locatie": self.locatie,
            "code": self.code,
            "tekst": tekst,
        }


@dataclass
class ImportReport:
    dry_run: bool
    errors: list[ImportError_] = field(default_factory=list)
    rijen: list[Uitkomst] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def aantal(self, soort: str) -> int:
        return sum(1 for rij in self.rijen if rij.soort == soort)

    @property
    def wijzigingen(self) -> list[Uitkomst]:
        return [rij for rij in self.rijen if rij.soort != ONGEWIJZIGD]

    def summary(self) -> str:
        return _(
            "werkplekken: %(nieuw)s nieuw, %(gewijzigd)s gewijzigd, %(zelfde)s ongewijzigd"
        ) % {
            "nieuw": self.aantal(NIEUW),
            "gewijzigd": self.aantal(GEWIJZIGD),
            "zelfde": self.aantal(ONGEWIJZIGD),
        }


def _zones() -> tuple[set[str], dict[tuple[str, str], Zone]]:
    """Location names and (location, zone) → zone, lower-cased. All of them: at UWV scale
    50 locations and a few hundred zones, fewer rows than a file of desks."""
    locaties = {naam.lower() for naam in Locatie.objects.values_list("naam", flat=True)}
    zones = {
        (zone.locatie.naam.lower(), zone.naam.lower()): zone
        for zone in Zone.objects.select_related("locatie")
    }
    return locaties, zones


def _lees(records, report: ImportReport) -> list[dict]:
    locaties, zones = _zones()
    eerder: dict[tuple[str, str], int] = {}
    rijen = []
    for line, values in records:
        fouten_voor = len(report.errors)

        def fout(melding: str, line=line) -> None:
            report.errors.append(ImportError_(line, melding))

        locatie, zone_naam, code = values["locatie"], values["zone"], values["code"]
        zone = zones.get((locatie.lower(), zone_naam.lower()))
        if not locatie:
            fout(_("locatie is leeg."))
        elif locatie.lower() not in locaties:
            fout(_("Onbekende locatie %(locatie)s.") % {"locatie": locatie})
        elif zone is None:
            fout(
                _("Locatie %(locatie)s heeft geen zone %(zone)s.")
                % {"locatie": locatie, "zone": zone_naam}
            )
        max_code = Werkplek._meta.get_field("code").max_length
        if not code:
            fout(_("code is leeg."))
        elif len(code) > max_code:
            fout(_("code is langer dan %(limit)s tekens.") % {"limit": max_code})
        else:
            sleutel = (locatie.lower(), code.lower())
            if sleutel in eerder:
                fout(
                    _("Code %(code)s van %(locatie)s staat ook op regel %(other)s.")
                    % {"code": code, "locatie": locatie, "other": eerder[sleutel]}
                )
            else:
                eerder[sleutel] = line
        ja_nee = {}
        for kolom in JA_NEE:
            ja_nee[kolom] = parse_bool(values[kolom])
            if ja_nee[kolom] is None:
                fout(
                    _("%(column)s moet 'ja' of 'nee' zijn, niet '%(value)s'.")
                    % {"column": kolom, "value": values[kolom]}
                )
        positie = {}
        for kolom in ("x", "y"):
            tekst = values[kolom]
            if tekst.isascii() and tekst.isdigit() and len(tekst) <= 5:
                positie[kolom] = int(tekst)
            else:
                fout(
                    _("%(column)s moet een heel getal zijn, niet '%(value)s'.")
                    % {"column": kolom, "value": tekst}
                )
        if zone is not None and len(positie) == 2:
            for melding in positie_fouten(zone, positie["x"], positie["y"]).values():
                fout(melding)
        if len(report.errors) == fouten_voor:
            rijen.append({"line": line, "zone": zone, "code": code, **ja_nee, **positie})
    return rijen


def _pas_toe(rijen: list[dict], report: ImportReport) -> None:
    bestaand = {
        (plek.zone.locatie_id, plek.code.lower()): plek
        for plek in Werkplek.objects.select_related("zone").filter(
            zone__locatie_id__in={rij["zone"].locatie_id for rij in rijen}
        )
    }
    nieuw, gewijzigd = [], []
    velden_gewijzigd: set[str] = set()
    for rij in rijen:
        zone = rij["zone"]
        waarden = {
            "zone_id": zone.pk,
            "code": rij["code"],
            **{kolom: rij[kolom] for kolom in (*JA_NEE, "x", "y")},
        }
        plek = bestaand.get((zone.locatie_id, rij["code"].lower()))
        uitkomst = Uitkomst(rij["line"], zone.locatie.naam, rij["code"], ONGEWIJZIGD)
        if plek is None:
            nieuw.append(Werkplek(**waarden))
            uitkomst.soort = NIEUW
        else:
            anders = [naam for naam, waarde in waarden.items() if getattr(plek, naam) != waarde]
            if anders:
                for naam in anders:
                    setattr(plek, naam, waarden[naam])
                gewijzigd.append(plek)
                velden_gewijzigd.update(anders)
                uitkomst.soort = GEWIJZIGD
                uitkomst.velden = [naam.removesuffix("_id") for naam in anders]
        report.rijen.append(uitkomst)
    Werkplek.objects.bulk_create(nieuw, batch_size=1000)
    if gewijzigd:
        Werkplek.objects.bulk_update(gewijzigd, sorted(velden_gewijzigd), batch_size=1000)


def werkplekken_importeren(*, raw: bytes, actor=None, dry_run: bool = False) -> ImportReport:
    """Validate the whole file; write nothing if any row is wrong. A dry run rolls back."""
    report = ImportReport(dry_run=dry_run)
    text, error = decode_csv(raw)
    if error:
        report.errors.append(error)
        return report
    records = read_records(text, KOLOMMEN, report.errors)
    if report.errors:
        return report
    if not records:
        report.errors.append(ImportError_(2, _("Het bestand bevat geen werkplekken.")))
        return report
    rijen = _lees(records, report)
    if report.errors:
        report.errors.sort(key=lambda e: e.line)
        return report
    try:
        with transaction.atomic():
            _pas_toe(rijen, report)
            if dry_run:
                raise DryRunRollback
            audit.record(
                actor=actor,
                action="werkplekken.werkplekken_geimporteerd",
                object_label=_("werkplekken"),
                note=report.summary(),
            )
    except DryRunRollback:
        pass
    return report
