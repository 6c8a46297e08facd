"""Verkosto settings: one module, every deployment value from the environment.

``.env.example`` lists every variable read here. ``DEBUG`` is off unless set.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from portal.lib.env import (
    connect_options,
    env_bool,
    env_int,
    env_list,
    env_secret,
    env_str,
    load_env_file,
)

BASE_DIR = Path(__file__).resolve().parent.parent

# pytest sets PYTEST_VERSION for the length of a run (merely importing pytest does not).
TESTING = "PYTEST_VERSION" in os.environ
if not TESTING:
    # A developer's local .env (created from .env.example by `make`); never read in tests.
    # ENV_FILE names another file, or "" for none.
    _env_file = os.environ.get("ENV_FILE", str(BASE_DIR / ".env"))
    if _env_file:
        load_env_file(Path(_env_file))
DEBUG = env_bool("DEBUG", False)

_DEV_SECRET = "dev-only-insecure-key-never-use-in-production-0123456789abcdefghij"  # noqa: S105 - DEBUG/tests only
SECRET_KEY = env_secret("SECRET_KEY", default=_DEV_SECRET if (DEBUG or TESTING) else None)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if (DEBUG or TESTING) else [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "portal",
    "portal.audit",
    "partners",
    "networks",
    "modeltranslation",  # before the admin, so that the admin shows the language fields
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "django_tasks_db",
    "pgtrigger",
    "pghistory",
    "ninja",  # the API's docs page and its static files (Swagger UI), served by us, not from a CDN
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.middleware.RejectNulBytesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # the request being answered, for the audit log's events recorded in services and model signals
    "portal.audit.middleware.CurrentRequestMiddleware",
    # who changed what, for the history of agreements (django-pghistory; POST and other writes only)
    "pghistory.middleware.HistoryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "portal.middleware.RequireMFAMiddleware",
    "portal.middleware.NoStoreForAuthenticatedMiddleware",
    # the sign-in page's single sign-on buttons post to the portal, which redirects to the provider
    "portal.sso.middleware.ProviderFormActionMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# --- Database: PostgreSQL only ------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", "postgresql:///verkosto"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Sent when a connection opens (no extra query). JIT compilation is off: it is meant for long analytic queries,
# and the planner's costs of a search over every kind (one statement, many partitions) set it off on every
# search, spending 200-300 ms compiling a query that runs in 20. Behind PgBouncer (which refuses startup
# options) set DB_CONNECT_OPTIONS= and `ALTER DATABASE … SET jit = off` instead.
_options = DATABASES["default"].setdefault("OPTIONS", {})
if options := connect_options(os.environ.get("DB_CONNECT_OPTIONS"), _options.get("options"), "-c jit=off"):
    _options["options"] = options
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL (postgresql://…)")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-pghistory's request context only for requests that write (its default includes GET, and then every
# statement of a page that does not start with SELECT, such as the search's WITH, is sent with a set_config).
PGHISTORY_MIDDLEWARE_METHODS = ("POST", "PUT", "PATCH", "DELETE")

# --- Cache: Redis when configured, else the database (never a dummy) ----------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }

# --- Background tasks ---------------------------------------------------------
TASKS = {
    "default": {
        # Tests run tasks inline; one test runs the real database worker.
        "BACKEND": env_str(
            "TASKS_BACKEND",
            "django.tasks.backends.immediate.ImmediateBackend" if TESTING else "django_tasks_db.DatabaseBackend",
        ),
        "QUEUES": ["default"],
    }
}

# --- Accounts -----------------------------------------------------------------
AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:home"
ACCOUNT_ADAPTER = "portal.accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Verkosto] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if env_bool("HTTPS", False) else "http"
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# allauth's defaults stay on; ours are added: a coordinator sends at most 30 invitations an hour.
ACCOUNT_RATE_LIMITS = {"invite": "30/h/user"}
# Single sign-on (OpenID Connect): the providers are SocialApp rows with our sign-in policy, made in the admin.
# The adapter decides who may sign in (an account or a pending invitation, a verified address of an allowed
# domain); allauth's own matching by e-mail stays off, so that it never matches a directory contact.
SOCIALACCOUNT_ADAPTER = "portal.sso.adapter.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"  # the adapter lets only a provider-verified address in
SOCIALACCOUNT_STORE_TOKENS = False  # the portal calls no provider API: no tokens kept
SOCIALACCOUNT_LOGIN_ON_GET = False  # the sign-in buttons are forms (POST), as allauth recommends
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
ACCOUNT_FORMS = {
    "add_email": "portal.accounts.forms.AddEmailForm",
    "change_email": "portal.accounts.forms.ChangeEmailForm",
    "reset_password": "portal.accounts.forms.ResetPasswordForm",
}
MFA_FORMS = {
    "add_webauthn": "portal.accounts.forms.AddWebAuthnForm",
    "edit_webauthn": "portal.accounts.forms.EditWebAuthnForm",
}
MFA_TOTP_ISSUER = "Verkosto"
MFA_TOTP_TOLERANCE = 1  # accept the neighbouring 30-second step, for clock skew (RFC 6238 section 5.2)
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG or TESTING
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
# How many days before an agreement ends its coordinators and parties are reminded (manage.py agreement_reminders).
AGREEMENT_EXPIRY_REMINDER_DAYS = env_int("AGREEMENT_EXPIRY_REMINDER_DAYS", 60)
# How many days before a goal's endorsement deadline the organisations that have not answered are reminded
# (manage.py goal_endorsement_reminders).
GOAL_ENDORSEMENT_REMINDER_DAYS = env_int("GOAL_ENDORSEMENT_REMINDER_DAYS", 3)
# How many days before a survey round's deadline the organisations asked that have not submitted are reminded
# (manage.py survey_reminders).
SURVEY_REMINDER_DAYS = env_int("SURVEY_REMINDER_DAYS", 3)
# The fields one form may send. The trust survey's answer sends eight per organisation rated: a network of
# 300 organisations sends some 2,400 (Django's default of 1,000 would refuse it; the body's size stays limited
# by DATA_UPLOAD_MAX_MEMORY_SIZE).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# How many days before an open action item of a meeting is due its owner is reminded (manage.py meeting_reminders).
ACTION_ITEM_REMINDER_DAYS = env_int("ACTION_ITEM_REMINDER_DAYS", 3)

# How long what the privacy notice keeps for a limited time is kept (manage.py retention, daily): the audit
# log of security events, finished rows of the task worker, invitations never accepted (after expiry), and
# notifications (read ones; unread ones twice as long) with the record of digests sent.
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 365)
TASK_RETENTION_DAYS = env_int("TASK_RETENTION_DAYS", 30)
INVITATION_RETENTION_DAYS = env_int("INVITATION_RETENTION_DAYS", 90)
NOTIFICATION_RETENTION_DAYS = env_int("NOTIFICATION_RETENTION_DAYS", 365)

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# --- Forms and front end -----------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Internationalisation -----------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
# Content in three languages (django-modeltranslation): each translated field has a column per language
# (``name_fi``, ``name_sv``, ``name_en``); reading ``name`` gives the reader's language, else the first of
# Finnish, Swedish and English that has text. ``portal_tags.translated`` marks such a fallback.
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_LANGUAGES = ("fi", "sv", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fi", "sv", "en")
MODELTRANSLATION_AUTO_POPULATE = False
# Dates, times and numbers as people in Finland expect them, in English too (portal/formats/en/).
FORMAT_MODULE_PATH = ["portal.formats"]
USE_TZ = True

# --- Static and media ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if (DEBUG or TESTING)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Private uploads live outside any public URL and are served through views
# that check access; there is deliberately no MEDIA_URL route.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))

# --- E-mail (Django 6.1 MAILERS) ---------------------------------------------
_EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {"default": {"BACKEND": _EMAIL_BACKEND}}
if _EMAIL_BACKEND.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": env_str("EMAIL_HOST_USER") or None,
        "password": env_secret("EMAIL_HOST_PASSWORD", default="") or None,
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "timeout": env_int("EMAIL_TIMEOUT", 20),
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Verkosto <noreply@verkosto.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Who runs the service (accessibility statement, privacy notice) ----------
SERVICE_OPERATOR = env_str("SERVICE_OPERATOR", "Verkosto")
ACCESSIBILITY_FEEDBACK_EMAIL = env_str("ACCESSIBILITY_FEEDBACK_EMAIL", "saavutettavuus@verkosto.example.fi")
PRIVACY_CONTACT_EMAIL = env_str("PRIVACY_CONTACT_EMAIL", "tietosuoja@verkosto.example.fi")

# --- The read API (/api/v1/) -------------------------------------------------------
API_CONTACT_EMAIL = env_str("API_CONTACT_EMAIL", "api@verkosto.example.fi")
# Requests per window of API_RATE_WINDOW seconds: each personal access token, and each address reading open data.
API_RATE_WINDOW = env_int("API_RATE_WINDOW", 60)
API_RATE_PER_TOKEN = env_int("API_RATE_PER_TOKEN", 120)
API_RATE_PER_IP = env_int("API_RATE_PER_IP", 60)

# --- Security headers ---------------------------------------------------------
HTTPS = env_bool("HTTPS", False)
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
# Load balancers probe the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# HSTS preloading is a commitment the operator makes (SECURE_HSTS_PRELOAD=1), not a default.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

# --- Logging ------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security": {
            "handlers": ["console"],
            "level": "INFO",
            "propagate": False,
        }
    },
}
