"""Writing generated demo rows in bulk: PostgreSQL COPY, or bulk_create on other databases.

A UWV load is millions of rows: COPY streams them in one statement per table, where
bulk_create would send thousands of INSERTs. Call inside a transaction: the reservations'
ids are reserved under a table lock so that their half-day rows can point at them.
"""

import io

from django.db import connection
from django.utils import timezone

from werkplekken.models import (
    HALVE_DAGEN,
    Aanwezigheid,
    Dagdeel,
    Dagdeelbezetting,
    Reservering,
    ReserveringStatus,
    Werkplek,
)

# The columns the generator fills, in the order of its tuples. Every other column gets the
# value a new model instance would have (default, or now for auto_now fields).
RESERVERING = ("medewerker_id", "werkplek_id", "datum", "dagdeel", "status", "geboekt_door_id")
AANWEZIGHEID = ("medewerker_id", "datum", "soort", "reden", "locatie_id", "bron")
BEZETTING = ("reservering_id", "werkplek_id", "locatie_id", "medewerker_id", "datum", "halve_dag")


def laad(reserveringen: list[tuple], aanwezigheid: list[tuple]) -> dict[str, int]:
    """Write reservations (with the half days each active one holds) and attendance rows."""
    # Per person, then by date: the largest indexes start with the person, and rows in their
    # order fill each index page in one pass instead of jumping across the whole index (which
    # at UWV scale no longer fits in PostgreSQL's buffers).
    reserveringen.sort(key=lambda row: (row[0], row[2]))
    aanwezigheid.sort(key=lambda row: (row[0], row[1]))
    if connection.vendor == "postgresql":
        bezettingen = _copy_alles(reserveringen, aanwezigheid)
    else:
        bezettingen = _bulk_create_alles(reserveringen, aanwezigheid)
    return {
        "reserveringen": len(reserveringen),
        "bezette dagdelen": bezettingen,
        "aanwezigheid": len(aanwezigheid),
    }


def _bezettingen(reserveringen: list[tuple], ids) -> list[tuple]:
    """As the booking service writes them: one row per half day of every active reservation
    (a cancelled or lapsed one has given its half days back), with the desk's location."""
    locatie_van = dict(Werkplek.objects.values_list("pk", "zone__locatie_id"))
    return [
        (pk, werkplek_id, locatie_van[werkplek_id], medewerker_id, datum, halve_dag)
        for pk, (medewerker_id, werkplek_id, datum, dagdeel, status, _door) in zip(
            ids, reserveringen, strict=True
        )
        if status != ReserveringStatus.VERVALLEN
        for halve_dag in HALVE_DAGEN[Dagdeel(dagdeel)]
    ]


def _copy_alles(reserveringen: list[tuple], aanwezigheid: list[tuple]) -> int:
    tabel = connection.ops.quote_name(Reservering._meta.db_table)
    with connection.cursor() as cursor:
        eerste = None
        if reserveringen:
            # Nobody else inserts reservations until this transaction ends, so the next
            # len(reserveringen) values of the sequence are ours (reads go on as usual).
            cursor.execute(f"LOCK TABLE {tabel} IN SHARE ROW EXCLUSIVE MODE")
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [Reservering._meta.db_table])
            reeks = cursor.fetchone()[0]
            cursor.execute("SELECT nextval(%s)", [reeks])
            eerste = cursor.fetchone()[0]
            cursor.execute("SELECT setval(%s, %s)", [reeks, eerste + len(reserveringen) - 1])
        ids = range(eerste or 0, (eerste or 0) + len(reserveringen))
        bezettingen = _bezettingen(reserveringen, ids)
        rijen = ((pk, *row) for pk, row in zip(ids, reserveringen, strict=True))
        _copy(cursor, Reservering, ("id", *RESERVERING), rijen)
        _copy(cursor, Dagdeelbezetting, BEZETTING, bezettingen)
        _copy(cursor, Aanwezigheid, AANWEZIGHEID, aanwezigheid)
    return len(bezettingen)


def _copy(cursor, model, namen: tuple[str, ...], rijen) -> None:
    """COPY rows (tuples of the `namen` columns) into the model's table.

    The generated values are ints, dates, None and choice values without tabs or
    backslashes, so they go in as str(); the fixed values are escaped.
    """
    velden = {field.attname: field for field in model._meta.concrete_fields}
    overig = [f for name, f in velden.items() if name not in namen and not f.primary_key]
    staart = "".join("\t" + _tekst(_vaste_waarde(f)) for f in overig)
    buffer = io.StringIO()
    for rij in rijen:
        buffer.write("\t".join(["\\N" if v is None else str(v) for v in rij]) + staart + "\n")
    if not buffer.tell():
        return
    buffer.seek(0)
    kolommen = ", ".join(
        connection.ops.quote_name(velden[name].column)
        for name in (*namen, *(f.attname for f in overig))
    )
    tabel = connection.ops.quote_name(model._meta.db_table)
    cursor.copy_expert(f"COPY {tabel} ({kolommen}) FROM STDIN", buffer)


def _vaste_waarde(field):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        value = timezone.now()
    else:
        value = field.get_default()
    return field.get_db_prep_save(value, connection)


def _tekst(value) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    for char, escaped in (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r")):
        text = text.replace(char, escaped)
    return text


def _bulk_create_alles(reserveringen: list[tuple], aanwezigheid: list[tuple]) -> int:
    nieuw = Reservering.objects.bulk_create(
        (Reservering(**dict(zip(RESERVERING, row, strict=True))) for row in reserveringen),
        batch_size=5000,
    )
    bezettingen = _bezettingen(reserveringen, [r.pk for r in nieuw])
    Dagdeelbezetting.objects.bulk_create(
        (Dagdeelbezetting(**dict(zip(BEZETTING, row, strict=True))) for row in bezettingen),
        batch_size=5000,
    )
    Aanwezigheid.objects.bulk_create(
        (Aanwezigheid(**dict(zip(AANWEZIGHEID, row, strict=True))) for row in aanwezigheid),
        batch_size=5000,
    )
    return len(bezettingen)
