from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from convenant.models import (
    Afspraak,
    Categorie,
    Delegatie,
    Status,
    Uitzondering,
    UitzonderingStatus,
)
from pilot.models import Periode
from tests.factories import MedewerkerFactory


def vervolgperiode() -> Periode:
    periode, _ = Periode.objects.get_or_create(
        naam="Vervolgperiode (test)",
        defaults={"startdatum": date(2026, 7, 1), "einddatum": date(2027, 6, 30)},
    )
    return periode


class AfspraakFactory(DjangoModelFactory):
    class Meta:
        model = Afspraak

    medewerker = factory.SubFactory(MedewerkerFactory)
    leidinggevende = factory.LazyAttribute(lambda o: o.medewerker.team.leidinggevende)
    opgesteld_door = factory.SelfAttribute("medewerker")
    periode = factory.LazyFunction(vervolgperiode)
    versie = factory.Sequence(lambda n: n + 1)
    status = Status.CONCEPT
    kantoordagen = Decimal(2)
    voorkeursdagen = factory.LazyFunction(lambda: [2, 4])
    locatie = None
    ingangsdatum = date(2026, 12, 1)
    einddatum = date(2027, 6, 30)
    overwegingen = factory.LazyFunction(
        lambda: {"werk_privebalans": "Ik breng op maandag en vrijdag de kinderen weg."}
    )


class DelegatieFactory(DjangoModelFactory):
    class Meta:
        model = Delegatie

    leidinggevende = factory.SubFactory(MedewerkerFactory)
    vervanger = factory.SubFactory(MedewerkerFactory)
    startdatum = date(2026, 11, 16)
    einddatum = date(2026, 11, 27)


# --- exemptions ----------------------------------------------------------------------------


def pdf_bytes(size: int | None = None) -> bytes:
    """A minimal well-formed PDF; padded with a comment to exactly `size` bytes if given."""
    head, tail = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n", b"\n%%EOF\n"
    if size is None:
        return head + tail
    padding = size - len(head) - len(tail) - 2
    return head + b"%" + b"x" * padding + b"\n" + tail


def png_bytes() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def jpeg_bytes() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\xff\xd9"


def exe_bytes() -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"PE\x00\x00"


def bewaar_bewijsstuk(inhoud: bytes | None = None) -> tuple[str, str, int]:
    """Write an evidence file as the service would; returns (name, type, size)."""
    from convenant import bewijsstukken

    bewijs = bewijsstukken.Bewijsstuk(inhoud=inhoud or pdf_bytes(), soort="pdf")
    naam = bewijsstukken.nieuwe_naam(bewijs)
    bewijsstukken.opslaan(naam, bewijs)
    return naam, bewijs.soort, bewijs.grootte


class UitzonderingFactory(DjangoModelFactory):
    class Meta:
        model = Uitzondering

    medewerker = factory.SubFactory(MedewerkerFactory)
    leidinggevende = factory.LazyAttribute(lambda o: o.medewerker.team.leidinggevende)
    categorie = Categorie.MANTELZORG
    status = UitzonderingStatus.AANGEVRAAGD
    kantoordagen = Decimal(0)
    ingangsdatum = date(2026, 12, 1)
    einddatum = date(2027, 3, 31)
    mantelzorg_uren = factory.LazyAttribute(
        lambda o: Decimal(8) if o.categorie == Categorie.MANTELZORG else None
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # An earlier agreement always has its document: write one unless the test gave one.
        if kwargs.get("categorie") == Categorie.EERDERE_AFSPRAAK and not kwargs.get("bewijsstuk"):
            naam, soort, grootte = bewaar_bewijsstuk()
            kwargs.update(bewijsstuk=naam, bewijsstuk_type=soort, bewijsstuk_grootte=grootte)
        return super()._create(model_class, *args, **kwargs)
