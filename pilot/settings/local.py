"""Settings for `make run` on a laptop: SQLite, console e-mail, eager Celery."""

from pilot.env import env_bool, env_list, env_str

from .base import *  # noqa: F403
from .base import REDIS_URL

# As users see it: no debug pages (DJANGO_DEBUG=true for a developer who wants them).
DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "local-development-only-not-secret")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

# WhiteNoise serves the static files straight from static/ and the apps: no collectstatic and no
# manifest needed on a laptop.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# A laptop needs no Redis: without a broker, tasks run in-process.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
# With a broker, beat stores the capacity check; without one, pages compute it (base.py).
WERKPLEKKEN_CAPACITEIT_OPGESLAGEN = bool(REDIS_URL)

# demo_data may run here (`make run`, the test suite); never in production.
DEMO_DATA_ALLOWED = True
