"""What every CSV import shares: reading the upload, line-numbered errors, yes/no columns.

An import validates the whole file first and writes all or nothing (see
`pilot.organisation_import` and `werkplekken.services.werkplek_import`). Files come from Excel
as often as from other systems: UTF-8 with or without the byte-order mark, `;` or `,`.
"""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
YES = {"ja", "j", "true", "1", "yes", "waar"}
NO = {"nee", "n", "false", "0", "no", "onwaar"}
# The first bytes of files people upload by mistake: spreadsheets, documents, images, archives.
_BINARY_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG", b"\xff\xd8\xff")


@dataclass
class ImportError_:
    line: int
    message: str

    def __str__(self) -> str:
        return _("Regel %(line)s: %(message)s") % {"line": self.line, "message": self.message}


class DryRunRollback(Exception):
    """Raised inside the import's transaction to undo a dry run's writes."""


def decode_csv(raw: bytes) -> tuple[str | None, ImportError_ | None]:
    if len(raw) > MAX_BYTES:
        return None, ImportError_(1, _("Het bestand is groter dan 5 MB."))
    if not raw.strip():
        return None, ImportError_(1, _("Het bestand is leeg."))
    # An Excel workbook, a PDF or a picture is not text at all: say so, not "not UTF-8".
    if raw.startswith(_BINARY_SIGNATURES) or b"\x00" in raw[:4096]:
        return None, ImportError_(
            1, _("Dit is geen CSV-bestand. Sla het in Excel op als 'CSV UTF-8'.")
        )
    try:
        # utf-8-sig drops the byte-order mark that Excel writes, and accepts files without it.
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, ImportError_(
            line,
            _(
                "Het bestand is geen UTF-8. Sla het in Excel op als "
                "'CSV UTF-8 (door komma's gescheiden)'."
            ),
        )


def read_records(
    text: str, required: tuple[str, ...], errors: list[ImportError_]
) -> list[tuple[int, dict[str, str]]]:
    """(line number, column → stripped value) per non-empty record; header names lower-cased.

    A missing column or a record the csv module cannot read is added to `errors`.
    """
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = [column for column in required if column not in header]
    if missing:
        errors.append(
            ImportError_(1, _("Kolom ontbreekt: %(columns)s.") % {"columns": ", ".join(missing)})
        )
        return []
    reader.fieldnames = header
    records = []
    try:
        for record in reader:
            values = {key: (value or "").strip() for key, value in record.items() if key}
            if any(values.values()):
                records.append((reader.line_num, values))
    except csv.Error:
        # A field beyond the csv module's limit, or an unterminated quote: the record that
        # follows the last line read cleanly.
        errors.append(
            ImportError_(
                reader.line_num + 1,
                _(
                    "Deze regel is geen geldige CSV (een veld is te lang of een aanhalingsteken "
                    "wordt niet gesloten)."
                ),
            )
        )
    return records


def parse_bool(text: str) -> bool | None:
    """'ja'/'nee' and their usual spellings; None for anything else."""
    lowered = text.strip().lower()
    if lowered in YES:
        return True
    if lowered in NO:
        return False
    return None
