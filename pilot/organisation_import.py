"""Organisation import from HR's CSV: validate everything first, then write all or nothing.

One row per person. Team and afdeling columns repeat on every row of that team; the
leidinggevende column names (by personnel number) who leads the row's team.
"""

import contextlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from pilot import audit
from pilot.csv_import import DryRunRollback, ImportError_, decode_csv, parse_bool, read_records
from pilot.models import Afdeling, Medewerker, Team

REQUIRED_COLUMNS = (
    "personeelsnummer",
    "voornaam",
    "achternaam",
    "email",
    "contracturen",
    "hybride_functie",
    "afdeling_code",
    "afdeling_naam",
    "team_code",
    "team_naam",
    "bovenliggend_team",
    "leidinggevende",
)


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    dry_run: bool
    errors: list[ImportError_] = field(default_factory=list)
    afdelingen: Counts = field(default_factory=Counts)
    teams: Counts = field(default_factory=Counts)
    medewerkers: Counts = field(default_factory=Counts)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changes(self) -> int:
        return sum(c.created + c.updated for c in (self.afdelingen, self.teams, self.medewerkers))

    def summary(self) -> str:
        parts = []
        for label, counts in (
            (_("afdelingen"), self.afdelingen),
            (_("teams"), self.teams),
            (_("medewerkers"), self.medewerkers),
        ):
            parts.append(
                _("%(label)s: %(created)s nieuw, %(updated)s gewijzigd, %(unchanged)s ongewijzigd")
                % {
                    "label": label,
                    "created": counts.created,
                    "updated": counts.updated,
                    "unchanged": counts.unchanged,
                }
            )
        return "; ".join(parts)


@dataclass
class _Row:
    line: int
    personeelsnummer: str
    voornaam: str
    achternaam: str
    email: str
    contracturen: Decimal
    hybride_functie: bool
    afdeling_code: str
    afdeling_naam: str
    team_code: str
    team_naam: str
    bovenliggend_team: str
    leidinggevende: str


def _parse_rows(text: str, report: ImportReport) -> list[_Row]:
    rows: list[_Row] = []
    for line, values in read_records(text, REQUIRED_COLUMNS, report.errors):
        row = _parse_row(line, values, report)
        if row is not None:
            rows.append(row)
    if not rows and not report.errors:
        report.errors.append(ImportError_(2, _("Het bestand bevat geen medewerkers.")))
    return rows


def _max_lengths() -> dict[str, int]:
    """Column → the length its model field holds, so an over-long value is an error per line."""
    person, team, afdeling = Medewerker._meta, Team._meta, Afdeling._meta
    return {
        "personeelsnummer": person.get_field("personeelsnummer").max_length,
        "voornaam": person.get_field("first_name").max_length,
        "achternaam": person.get_field("last_name").max_length,
        "email": person.get_field("email").max_length,
        "afdeling_code": afdeling.get_field("code").max_length,
        "afdeling_naam": afdeling.get_field("naam").max_length,
        "team_code": team.get_field("code").max_length,
        "team_naam": team.get_field("naam").max_length,
        "bovenliggend_team": team.get_field("code").max_length,
        "leidinggevende": person.get_field("personeelsnummer").max_length,
    }


def _parse_row(line: int, values: dict[str, str], report: ImportReport) -> _Row | None:
    errors_before = len(report.errors)

    def fail(message: str) -> None:
        report.errors.append(ImportError_(line, message))

    for column in ("personeelsnummer", "achternaam", "email", "afdeling_code", "team_code"):
        if not values.get(column):
            fail(_("%(column)s is leeg.") % {"column": column})
    for column, limit in _max_lengths().items():
        if len(values.get(column, "")) > limit:
            fail(
                _("%(column)s is langer dan %(limit)s tekens.") % {"column": column, "limit": limit}
            )
    if values.get("email"):
        try:
            validate_email(values["email"])
        except ValidationError:
            fail(_("%(email)s is geen geldig e-mailadres.") % {"email": values["email"]})
    hours = None
    with contextlib.suppress(InvalidOperation):
        hours = Decimal(values.get("contracturen", "").replace(",", "."))
    if (
        hours is None
        or not hours.is_finite()
        or not (0 <= hours <= 40)
        or hours != hours.quantize(Decimal("0.1"))
    ):
        fail(
            _("contracturen moet een getal van 0 tot en met 40 zijn, niet '%(value)s'.")
            % {"value": values.get("contracturen", "")}
        )
    hybrid = parse_bool(values.get("hybride_functie", ""))
    if hybrid is None:
        fail(
            _("hybride_functie moet 'ja' of 'nee' zijn, niet '%(value)s'.")
            % {"value": values.get("hybride_functie", "")}
        )
    if len(report.errors) > errors_before:
        return None
    return _Row(
        line=line,
        personeelsnummer=values["personeelsnummer"],
        voornaam=values.get("voornaam", ""),
        achternaam=values["achternaam"],
        email=values["email"].lower(),
        contracturen=hours,
        hybride_functie=hybrid,
        afdeling_code=values["afdeling_code"],
        afdeling_naam=values.get("afdeling_naam") or values["afdeling_code"],
        team_code=values["team_code"],
        team_naam=values.get("team_naam") or values["team_code"],
        bovenliggend_team=values.get("bovenliggend_team", ""),
        leidinggevende=values.get("leidinggevende", ""),
    )


def _check_consistency(rows: list[_Row], report: ImportReport) -> None:
    seen_numbers: dict[str, int] = {}
    for row in rows:
        if row.personeelsnummer in seen_numbers:
            report.errors.append(
                ImportError_(
                    row.line,
                    _("Personeelsnummer %(number)s staat ook op regel %(other)s.")
                    % {"number": row.personeelsnummer, "other": seen_numbers[row.personeelsnummer]},
                )
            )
        else:
            seen_numbers[row.personeelsnummer] = row.line

    known_people = set(seen_numbers) | set(
        Medewerker.objects.filter(
            personeelsnummer__in={r.leidinggevende for r in rows if r.leidinggevende}
        ).values_list("personeelsnummer", flat=True)
    )
    team_definitions: dict[str, _Row] = {}
    for row in rows:
        if row.leidinggevende and row.leidinggevende not in known_people:
            report.errors.append(
                ImportError_(
                    row.line,
                    _("Onbekende leidinggevende %(number)s.") % {"number": row.leidinggevende},
                )
            )
        first = team_definitions.setdefault(row.team_code, row)
        if (first.afdeling_code, first.bovenliggend_team, first.leidinggevende) != (
            row.afdeling_code,
            row.bovenliggend_team,
            row.leidinggevende,
        ):
            report.errors.append(
                ImportError_(
                    row.line,
                    _(
                        "Team %(team)s heeft hier een andere afdeling, bovenliggend team of "
                        "leidinggevende dan op regel %(other)s."
                    )
                    % {"team": row.team_code, "other": first.line},
                )
            )

    parents = dict(Team.objects.values_list("code", "bovenliggend_team__code"))
    parents.update({code: row.bovenliggend_team or None for code, row in team_definitions.items()})
    for code, row in team_definitions.items():
        if row.bovenliggend_team and row.bovenliggend_team not in parents:
            report.errors.append(
                ImportError_(
                    row.line,
                    _("Onbekend bovenliggend team %(team)s.") % {"team": row.bovenliggend_team},
                )
            )
            continue
        chain = [code]
        current = parents.get(code)
        while current:
            if current == code:
                report.errors.append(
                    ImportError_(
                        row.line,
                        _("Kring in de teamboom: %(chain)s.")
                        % {"chain": " → ".join([*chain, code])},
                    )
                )
                break
            if current in chain:
                break  # A cycle further up; it is reported on the line of a team inside it.
            chain.append(current)
            current = parents.get(current)


def _sync(obj, values: dict, counts: Counts) -> list[str]:
    """Copy values onto obj; count it as updated or unchanged. Returns the changed fields."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        counts.updated += 1
    else:
        counts.unchanged += 1
    return changed


def _apply(rows: list[_Row], report: ImportReport) -> None:
    afdeling_names = {row.afdeling_code: row.afdeling_naam for row in rows}
    afdelingen = {a.code: a for a in Afdeling.objects.filter(code__in=afdeling_names)}
    for code, naam in afdeling_names.items():
        if code in afdelingen:
            if _sync(afdelingen[code], {"naam": naam}, report.afdelingen):
                afdelingen[code].save(update_fields=["naam"])
        else:
            afdelingen[code] = Afdeling.objects.create(code=code, naam=naam)
            report.afdelingen.created += 1

    team_rows: dict[str, _Row] = {}
    for row in rows:
        team_rows.setdefault(row.team_code, row)
    teams = {team.code: team for team in Team.objects.all()}
    # Teams first without parent and leader, so that people can be placed and parents resolved.
    new_team_codes = set()
    for code, row in team_rows.items():
        if code not in teams:
            teams[code] = Team.objects.create(
                code=code, naam=row.team_naam, afdeling=afdelingen[row.afdeling_code]
            )
            new_team_codes.add(code)

    people = {
        person.personeelsnummer: person
        for person in Medewerker.objects.filter(
            personeelsnummer__in=[row.personeelsnummer for row in rows]
        )
    }
    for row in rows:
        values = {
            "first_name": row.voornaam,
            "last_name": row.achternaam,
            "email": row.email,
            "contracturen": row.contracturen,
            "hybride_functie": row.hybride_functie,
            "team": teams[row.team_code],
        }
        person = people.get(row.personeelsnummer)
        if person is None:
            # People log in through the password-reset mail; they get no usable password here.
            person = Medewerker(
                personeelsnummer=row.personeelsnummer,
                username=row.personeelsnummer.lower(),
                **values,
            )
            person.set_unusable_password()
            person.save()
            people[row.personeelsnummer] = person
            report.medewerkers.created += 1
        elif changed := _sync(person, values, report.medewerkers):
            person.save(update_fields=changed)

    leaders = {
        person.personeelsnummer: person
        for person in Medewerker.objects.filter(
            personeelsnummer__in={r.leidinggevende for r in team_rows.values() if r.leidinggevende}
        )
    }
    for code, row in team_rows.items():
        team = teams[code]
        values = {
            "naam": row.team_naam,
            "afdeling_id": afdelingen[row.afdeling_code].pk,
            "bovenliggend_team_id": teams[row.bovenliggend_team].pk
            if row.bovenliggend_team
            else None,
            "leidinggevende_id": leaders[row.leidinggevende].pk if row.leidinggevende else None,
        }
        counts = Counts()
        if changed := _sync(team, values, counts):
            team.save(update_fields=changed)
        if code in new_team_codes:
            report.teams.created += 1
        elif changed:
            report.teams.updated += 1
        else:
            report.teams.unchanged += 1


def import_organisation(*, raw: bytes, actor=None, dry_run: bool = False) -> ImportReport:
    """Validate the whole file; write nothing if any row is wrong. A dry run rolls back."""
    report = ImportReport(dry_run=dry_run)
    text, error = decode_csv(raw)
    if error:
        report.errors.append(error)
        return report
    rows = _parse_rows(text, report)
    if report.errors:
        return report
    _check_consistency(rows, report)
    if report.errors:
        report.errors.sort(key=lambda e: e.line)
        return report
    try:
        with transaction.atomic():
            _apply(rows, report)
            if dry_run:
                raise DryRunRollback
            audit.record(
                actor=actor,
                action="organisatie_geimporteerd",
                object_label=_("organisatie"),
                note=report.summary(),
            )
    except DryRunRollback:
        pass
    return report
