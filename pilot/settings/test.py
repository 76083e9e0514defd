"""Settings for the test suite: fast hashing, mail kept in memory, no real broker unless asked."""

from .base import *  # noqa: F403
from .base import TEMPLATES

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = ""
# Serve static files from the app and project folders; tests do not run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Tests run tasks in-process; the one test that needs a real worker on Redis switches this off.
CELERY_TASK_ALWAYS_EAGER = True
# Computed by each page unless a test turns the stored check on (base.py).
WERKPLEKKEN_CAPACITEIT_OPGESLAGEN = False
CELERY_BROKER_URL = "memory://"

# demo_data may run here (`make run`, the test suite); never in production.
DEMO_DATA_ALLOWED = True
