"""Evidence documents: recognised by content, size-checked, stored privately with a random name.

The type is decided by the bytes (magic numbers plus the file's closing marker), never by the
file name or the browser's declared content type, so an `.exe` renamed `.pdf` is refused.
Files live under settings.PRIVATE_MEDIA_ROOT (read at call time) and have no public URL; the
only way out is the permission-checking download view.
"""

import os
import secrets
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from convenant.models import Bewijstype

MAP = "bewijsstukken"
STANDAARD_MAX_BYTES = 10 * 1024 * 1024
CONTENT_TYPES = {
    Bewijstype.PDF: "application/pdf",
    Bewijstype.JPEG: "image/jpeg",
    Bewijstype.PNG: "image/png",
}
EXTENSIES = {Bewijstype.PDF: "pdf", Bewijstype.JPEG: "jpg", Bewijstype.PNG: "png"}
PNG_HANDTEKENING = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Bewijsstuk:
    """A validated upload, still in memory: nothing is on disk until `opslaan`."""

    inhoud: bytes
    soort: str

    @property
    def grootte(self) -> int:
        return len(self.inhoud)


def max_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_BYTES", STANDAARD_MAX_BYTES))


def _fout(message: str, code: str) -> ValidationError:
    return ValidationError({"bewijsstuk": ValidationError(message, code=code)})


def lees(upload) -> Bewijsstuk:
    """Read and check an uploaded file; raise ValidationError on the `bewijsstuk` field."""
    limit = max_bytes()
    if getattr(upload, "size", None) is not None and upload.size > limit:
        raise _te_groot(limit)
    parts, total = [], 0
    for chunk in upload.chunks():
        total += len(chunk)
        if total > limit:  # a lying size attribute does not get past the real byte count
            raise _te_groot(limit)
        parts.append(chunk)
    inhoud = b"".join(parts)
    if not inhoud:
        raise _fout(_("Het bestand is leeg. Kies een PDF, JPEG of PNG."), "leeg")
    soort = herken(inhoud)
    if soort is None:
        raise _fout(
            _(
                "Dit bestand is geen geldige PDF, JPEG of PNG (gecontroleerd op de inhoud, niet "
                "op de naam). Het kan ook beschadigd zijn. Kies een ander bestand."
            ),
            "soort",
        )
    return Bewijsstuk(inhoud=inhoud, soort=soort)


def _te_groot(limit: int) -> ValidationError:
    return _fout(
        _("Het bestand is groter dan %(mb)s MB. Kies een kleiner bestand.")
        % {"mb": limit // (1024 * 1024)},
        "te_groot",
    )


def herken(inhoud: bytes) -> str | None:
    """The document type by its content, or None when it is none of ours or is truncated."""
    if inhoud.startswith(b"%PDF-"):
        # A complete PDF ends with %%EOF (possibly followed by a line end or a little padding).
        return Bewijstype.PDF if b"%%EOF" in inhoud[-1024:] else None
    if inhoud.startswith(b"\xff\xd8\xff"):
        # Start of image, and the end-of-image marker near the end.
        return Bewijstype.JPEG if b"\xff\xd9" in inhoud[-1024:] else None
    if inhoud.startswith(PNG_HANDTEKENING):
        return Bewijstype.PNG if _png_compleet(inhoud) else None
    return None


def _png_compleet(inhoud: bytes) -> bool:
    """The first chunk is a well-formed IHDR (CRC checked) and the file ends with IEND."""
    if len(inhoud) < 8 + 25 + 12:
        return False
    length, kind = struct.unpack(">I4s", inhoud[8:16])
    if kind != b"IHDR" or length != 13:
        return False
    data, crc = inhoud[16:29], struct.unpack(">I", inhoud[29:33])[0]
    if zlib.crc32(b"IHDR" + data) != crc:
        return False
    return inhoud[-12:-4] == b"\x00\x00\x00\x00IEND"


def map_pad() -> Path:
    return Path(settings.PRIVATE_MEDIA_ROOT) / MAP


def nieuwe_naam(bewijs: Bewijsstuk) -> str:
    """A random storage name that says nothing about the person or the document."""
    return f"{MAP}/{secrets.token_hex(16)}.{EXTENSIES[bewijs.soort]}"


def pad(naam: str) -> Path:
    root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    path = (root / naam).resolve()
    if root not in path.parents:  # a stored name never leaves the private root
        raise ValueError("Opslagnaam buiten PRIVATE_MEDIA_ROOT")
    return path


def opslaan(naam: str, bewijs: Bewijsstuk) -> None:
    """Write the file; `x` mode: never overwrite. Readable by the portal's own user only."""
    path = pad(naam)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(bewijs.inhoud)


def verwijderen(naam: str) -> None:
    if naam:
        pad(naam).unlink(missing_ok=True)
