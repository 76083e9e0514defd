"""Settings shared by every environment. Environment-specific modules import from here."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from pilot.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "pilot",
    "convenant",
    "comite",
    "werkplekken",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the body: an oversized request is refused on its stated length.
    "pilot.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Inside SessionMiddleware, so the refresh it asks for is saved on the way out.
    "pilot.middleware.IdleSessionMiddleware",
    "pilot.middleware.DutchFirstLocaleMiddleware",
    # After the locale, so its refusal speaks the person's language; before every view.
    "pilot.middleware.RefuseUnwritableJsonMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "pilot.middleware.PrivateResponseMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "pilot.middleware.AuditContextMiddleware",
    # A transition refused under the lock becomes a message, not a 500 (needs messages).
    "pilot.middleware.TransitionRefusedMiddleware",
    "pilot.middleware.MethodNotAllowedPageMiddleware",
    # axes must come last so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pilot.urls"
WSGI_APPLICATION = "pilot.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pilot.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "pilot.Medewerker"
AUTHENTICATION_BACKENDS = [
    # axes first: it refuses locked-out credentials before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

# Idle sessions end: IdleSessionMiddleware pushes the expiry forward at most once a minute, so a
# quiet browser is logged out without every request writing the session.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Per account and address: wrong passwords from one address lock that account from that address
# only, so a stranger's guesses do not lock the owner out. Only past ACCOUNT_LOCK_FAILURE_LIMIT
# failures from all addresses together is the account itself locked (pilot/login_lock.py), until
# the cool-off ends or HR lifts it.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
ACCOUNT_LOCK_FAILURE_LIMIT = env_int("ACCOUNT_LOCK_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "pilot.login_lock.AccountLockHandler"
AXES_CLIENT_IP_CALLABLE = "pilot.client_address.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

LANGUAGE_CODE = "nl"
# Each language named in its own language: the switch is for someone who may not read the other.
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Private uploads (evidence documents) live outside STATIC_ROOT and have no public URL.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
# Evidence documents for exemptions (PDF, JPEG, PNG): at most this many bytes.
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
# A delegation to a vervanger ends; it runs at most this many months.
DELEGATIE_MAX_MAANDEN = env_int("DELEGATIE_MAX_MAANDEN", 3)
# The largest request body accepted at all: the biggest evidence document plus room for the
# form's other fields and the multipart framing. Larger bodies get a 413 before being read.
REQUEST_MAX_BYTES = env_int("REQUEST_MAX_BYTES", EVIDENCE_MAX_BYTES + 1024 * 1024)

# Widgets and form fields are rendered with Jinja2: Django's own widget templates, and one
# field template that writes crispy-bootstrap5's markup (pilot/renderers.py). The same HTML;
# the proposal form renders in 7.5 instead of 10.4 ms. Pages and crispy's layouts stay Django
# templates.
FORM_RENDERER = "pilot.renderers.FormRenderer"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# The portal uses none of these browser features; no page (or injected script) may ask for them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)

MAILERS = {
    "default": {
        "BACKEND": env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"),
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kantoordagen@uwv.example")

REDIS_URL = env_str("REDIS_URL", "")

# Celery sends tasks to the Redis broker; only local and test settings run them in-process
# (production refuses to start without REDIS_URL, so a forgotten broker is never silent).
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# The one beat schedule of the project: every periodic job is listed here.
CELERY_BEAT_SCHEDULE: dict = {
    "sessies-opruimen": {
        "task": "pilot.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=15),
    },
    "api-tokens-opruimen": {
        "task": "pilot.tasks.clear_expired_api_tokens",
        "schedule": crontab(hour=3, minute=20),
    },
    # Working-day based: proposals unanswered for 10 (reminder) / 20 (escalation) working days.
    "afspraken-herinneren": {
        "task": "convenant.tasks.herinner_openstaande_voorstellen",
        "schedule": crontab(hour=7, minute=0),
    },
    "afspraken-laten-vervallen": {
        "task": "convenant.tasks.laat_verlopen_afspraken_vervallen",
        "schedule": crontab(hour=0, minute=30),
    },
    # Exemptions lapse after their end date; the employee is told 14 days ahead (once).
    "uitzonderingen-laten-verlopen": {
        "task": "convenant.tasks.laat_uitzonderingen_verlopen",
        "schedule": crontab(hour=0, minute=45),
    },
    # Comité: overdue intake, response, zitting, advice and ruling deadlines (once each).
    "comite-termijnen-herinneren": {
        "task": "comite.tasks.herinner_termijnen",
        "schedule": crontab(hour=7, minute=15),
    },
    # Reservations without check-in are released after the morning and afternoon windows.
    "werkplekken-no-shows-vrijgeven": {
        "task": "werkplekken.tasks.geef_no_shows_vrij",
        "schedule": crontab(hour="10,14", minute=35, day_of_week="1-5"),
    },
    # The capacity check the dashboard and the forms read (werkplekken.Capaciteitsstand).
    "werkplekken-capaciteit-berekenen": {
        "task": "werkplekken.tasks.bereken_capaciteit",
        "schedule": crontab(minute="*/15"),
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "pilot.tokens.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"anon": "30/minute"},
    # One error contract for every endpoint: 404 → 403 → 409 → 400 (pilot.api_support).
    "EXCEPTION_HANDLER": "pilot.api_support.exception_handler",
}
# API tokens (pilot/tokens.py): each use pushes the expiry API_TOKEN_TTL_HOURS ahead, but never
# past API_TOKEN_MAX_HOURS after the login; then the client logs in again.
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env_int("API_TOKEN_TTL_HOURS", 8)),
    "AUTO_REFRESH": True,
    "AUTO_REFRESH_MAX_TTL": timedelta(hours=env_int("API_TOKEN_MAX_HOURS", 24)),
    "AUTH_HEADER_PREFIX": "Token",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kantoordagen-portaal API",
    "DESCRIPTION": "API van het portaal voor de pilot Twee dagen op kantoor.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "pilot.api_support.document_error_answers",
    ],
}

# How many reverse proxies we run in front of the portal; pilot/client_address.py derives the
# client's address from it for the login lock, the API throttle and the audit log alike.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")

# Only local and test settings turn this on: demo logins share a published password.
DEMO_DATA_ALLOWED = False

# Domain settings.
PRIVACY_MIN_GROUP = env_int("PRIVACY_MIN_GROUP", 10)
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL", "http://127.0.0.1:8000")
# Comité deadlines (DESIGN §3.3): working days, except the geschil's weeks and months.
COMITE_TERMIJNEN = {
    "intake": env_int("COMITE_TERMIJN_INTAKE", 5),
    "reactie": env_int("COMITE_TERMIJN_REACTIE", 10),
    "zitting": env_int("COMITE_TERMIJN_ZITTING", 20),
    "advies": env_int("COMITE_TERMIJN_ADVIES", 10),
    "geschil_weken": env_int("COMITE_GESCHIL_WEKEN", 6),
    "uitspraak_maanden": env_int("COMITE_UITSPRAAK_MAANDEN", 1),
}
# Home-working allowance per day in euro, per calendar year, for the monthly payroll export
# (DESIGN §3.4): the tax-free amount (2025 € 2,40; 2026 € 2,45). A year not listed here cannot
# be exported until its amount is added: the export page says so instead of guessing.
THUISWERKVERGOEDING_PER_DAG = {2025: "2.40", 2026: "2.45"}
# Workplaces: how far ahead one may book, and the check-in windows (local time). After the
# window's end a reservation without check-in is released by the no-show job.
WERKPLEKKEN_HORIZON_DAGEN = env_int("WERKPLEKKEN_HORIZON_DAGEN", 14)
# Pages read the capacity check Celery beat stores every quarter (werkplekken.Capaciteitsstand).
# Without beat nothing would refresh it, so pages compute it themselves (local.py, test.py).
WERKPLEKKEN_CAPACITEIT_OPGESLAGEN = True
WERKPLEKKEN_OCHTEND_INCHECKEN = env_str("WERKPLEKKEN_OCHTEND_INCHECKEN", "07:00")
WERKPLEKKEN_OCHTEND_VRIJGAVE = env_str("WERKPLEKKEN_OCHTEND_VRIJGAVE", "10:30")
WERKPLEKKEN_MIDDAG_INCHECKEN = env_str("WERKPLEKKEN_MIDDAG_INCHECKEN", "12:00")
WERKPLEKKEN_MIDDAG_VRIJGAVE = env_str("WERKPLEKKEN_MIDDAG_VRIJGAVE", "14:30")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
