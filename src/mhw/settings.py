"""Settings for the Make Hydrogen Work platform.

One module for every deployment; what differs between them is read from the environment (see README.md,
"Configuration"). MHW_PROFILE=production switches on the secure defaults and demands a real secret key.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from mhw.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent

PROFILE = env_choice("MHW_PROFILE", "development", ("development", "production"))
PRODUCTION = PROFILE == "production"

if PRODUCTION:
    SECRET_KEY = env_str("SECRET_KEY")
else:
    # Development only: a fixed key keeps sessions valid across restarts of `make run`.
    SECRET_KEY = env_str("SECRET_KEY", "development-only-key-never-use-in-production-0123456789abcdef")

# Encrypts the issuers' signing keys at rest (credentials): a passphrase kept apart from the database.
if PRODUCTION:
    CREDENTIAL_KEY = env_str("MHW_CREDENTIAL_KEY")
else:
    CREDENTIAL_KEY = env_str("MHW_CREDENTIAL_KEY", "development-only-credential-key")

DEBUG = env_bool("DEBUG", not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# How issuers are named in credentials: "key" (did:key, verifiable from the credential alone) or "web" (did:web under
# SITE_URL, whose DID documents the platform publishes; for production on https).
CREDENTIAL_ISSUER_DID = env_choice("MHW_ISSUER_DID", "key", ("key", "web"))
if CREDENTIAL_ISSUER_DID == "web" and PRODUCTION and not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured("MHW_ISSUER_DID=web needs an https SITE_URL: did:web is resolved over https only.")

# Hosts whose credential status lists may be read over plain http or at a private address (only for tests and closed
# networks); every other status list must be at a public https address.
CREDENTIAL_STATUS_TRUSTED_HOSTS = env_list("MHW_STATUS_TRUSTED_HOSTS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "mhw.accounts",
    "mhw.skills",
    "mhw.learning",
    "mhw.candidates",
    "mhw.recruitment",
    "mhw.paths",
    "mhw.matching",
    "mhw.metro",
    "mhw.ecosystem",
    "mhw.credentials",
    "mhw.web",
    "mhw.demo",
]

# What apps higher up do when a step of a candidate's route is taken: callables (actor, candidate, action) run inside
# the step's transaction. The candidates app calls them without knowing the apps (apps import downwards only).
ROUTE_STEP_FOLLOW_UPS = ["mhw.credentials.route_steps.issue_for_step"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mhw.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "mhw.web.middleware.NoStoreForAuthenticatedMiddleware",
    "mhw.web.middleware.ContentSecurityPolicyMiddleware",
    "mhw.web.page_cache.PageCacheMiddleware",
]
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)

ROOT_URLCONF = "mhw.urls"
WSGI_APPLICATION = "mhw.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mhw.web.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------------------------
# SQLite by default (zero set-up), PostgreSQL when DATABASE_URL says so.
DEFAULT_SQLITE_PATH = PROJECT_DIR / "var" / "mhw.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE_PATH}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE takes the write lock at the start of a transaction: without it select_for_update is a no-op on
    # SQLite and two concurrent edits can both succeed. WAL lets readers go on while one writer writes.
    # Connections are kept (DATABASE_CONN_MAX_AGE, as for PostgreSQL): opening one costs more than a whole plain
    # page on a small virtual machine (SQLite reads the schema, maps the WAL index and, when it was the last
    # connection, checkpoints and removes the WAL again at every close).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Caches --------------------------------------------------------------------------------------------------------
# "pages": answers a logged-in user asks for again while the data is unchanged (mhw/web/page_cache.py), in each
# worker's own memory; PAGE_CACHE_SECONDS bounds how long (0 switches it off).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "mhw-default"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "mhw-pages",
        "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_ENTRIES", 300)},
    },
}
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)

# --- Authentication ------------------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"

# --- Language ------------------------------------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

# --- Static files --------------------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(PROJECT_DIR / "var" / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- E-mail --------------------------------------------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Make Hydrogen Work <noreply@makehydrogenwork.example>")

# --- Security ------------------------------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie; Django's default kept.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", PRODUCTION)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
if env_bool("SECURE_PROXY_SSL_HEADER", PRODUCTION):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS: list[str] = []

# --- API -----------------------------------------------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 200

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every rendering step at INFO.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}
