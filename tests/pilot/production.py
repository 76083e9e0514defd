"""Run a manage.py command under the production settings, as the deployed portal would."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "pilot.settings.production",
    "DJANGO_SECRET_KEY": "p" * 20 + "-production-like-secret-key-for-these-tests-" + "q" * 20,
    "DJANGO_ALLOWED_HOSTS": "kantoordagen.uwv.example",
    "DATABASE_URL": "sqlite:///:memory:",
    "REDIS_URL": "redis://redis:6379/0",
}


def manage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed argv, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        check=False,
    )
