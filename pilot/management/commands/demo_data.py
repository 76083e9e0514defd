import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pilot.demo import DEMO_LOGINS, DEMO_PASSWORD, SCALES
from pilot.registry import DEMO_STEPS


class Command(BaseCommand):
    help = "Vul de database met demogegevens. Nogmaals draaien verandert niets."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="small")

    def handle(self, *args, scale: str, **options):
        # The demo logins share one published password: they must never exist in production.
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "demo_data weigert te draaien: deze instellingen (DJANGO_SETTINGS_MODULE="
                f"{settings.SETTINGS_MODULE}) staan geen demogegevens toe. De demo-logins hebben "
                "een openbaar wachtwoord en horen niet in productie. Gebruik pilot.settings.local "
                "voor een demo."
            )
        # Each app registers its step (pilot.registry); later steps build on earlier ones.
        for _order, step in DEMO_STEPS:
            started = time.perf_counter()
            created = step(scale)
            summary = ", ".join(f"{count} {name}" for name, count in created.items())
            # The time per step: at UWV scale, which step a slow load spends its minutes on.
            seconds = time.perf_counter() - started
            self.stdout.write(f"{step.__name__}: nieuw aangemaakt: {summary} ({seconds:.1f} s)")
        self.stdout.write(
            self.style.SUCCESS(f"\nDemo-logins (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
        )
        for login in DEMO_LOGINS:
            self.stdout.write(f"  {login.username:<16} {login.role_label}")
