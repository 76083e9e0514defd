from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from werkplekken.services.werkplek_import import werkplekken_importeren


class Command(BaseCommand):
    help = "Importeer werkplekken uit een CSV (voorbeeld: docs/werkplekken-voorbeeld.csv)."

    def add_arguments(self, parser):
        parser.add_argument("bestand", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen controleren; niets opslaan."
        )

    def handle(self, *args, bestand: Path, dry_run: bool, **options):
        try:
            raw = bestand.read_bytes()
        except OSError as exc:
            raise CommandError(f"Kan {bestand} niet lezen: {exc.strerror}") from exc
        report = werkplekken_importeren(raw=raw, dry_run=dry_run)
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(report.errors)} fout(en) gevonden; er is niets opgeslagen.")
        for rij in report.wijzigingen:
            self.stdout.write(str(rij))
        prefix = "Proefdraai, niets opgeslagen. " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + report.summary()))
