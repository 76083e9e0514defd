"""Production settings: everything from the environment, nothing secret by default."""

from django.core.exceptions import ImproperlyConfigured

from pilot.env import env_bool, env_int, env_list, env_str

from .base import *  # noqa: F403
from .base import REST_FRAMEWORK

DEBUG = False
# Stated here too, so that no change to the shared defaults can let demo logins into production.
DEMO_DATA_ALLOWED = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be at least 50 characters long.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must name the hosts the portal answers to.")
# Tasks (mail, reminders, KPI jobs) go to the workers through Redis; without it they would be
# lost or run inside web requests.
if not env_str("REDIS_URL", ""):
    raise ImproperlyConfigured("REDIS_URL must name the Redis broker for the Celery workers.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# A new PostgreSQL connection per request costs several milliseconds; a worker keeps its
# connection for a minute instead, and checks it before reuse so a restarted database is not
# seen as an error by the next request.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
# The planner's cost of reading a page out of order. PostgreSQL's default (4) assumes
# spinning disks; on SSD storage with the working set in memory 1.1 is the usual value. With
# 4 the planner hashes a whole table (25 000 people, 40 000 agreements) rather than look up
# an afdelingshoofd's thousand people in an index: 16 instead of 3 ms at UWV scale. Empty:
# the database server's own setting (for instance behind a pooler that refuses options).
random_page_cost = env_str("DATABASE_RANDOM_PAGE_COST", "1.1")
if random_page_cost and DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (  # noqa: F405
        f"-c random_page_cost={float(random_page_cost)}"
    )

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

MAILERS = {
    "default": {
        "BACKEND": env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
            "username": env_str("EMAIL_HOST_USER", ""),
            "password": env_str("EMAIL_HOST_PASSWORD", ""),
        },
    }
}

# JSON only: the browsable API's HTML forms are for development, not for the production portal.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
