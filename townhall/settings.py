"""Django settings. Everything that differs between deployments comes from the environment.

See README.md, "Configuration", for the variables.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.utils.csp import CSP

from townhall import config

BASE_DIR = Path(__file__).resolve().parent
PRODUCTION = config.env_bool("TOWNHALL_PRODUCTION")
DEBUG = config.env_bool("DEBUG", default=False) and not PRODUCTION
DATA_DIR = config.data_dir()
SECRET_KEY = config.secret_key(PRODUCTION, DATA_DIR)
ALLOWED_HOSTS = config.allowed_hosts(PRODUCTION)
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    "townhall.core",
    "townhall.audit",
    "townhall.web",
    "townhall.registry",
    "townhall.publishing",
    "townhall.listening",
    "townhall.inbox",
    "townhall.incidents",
    "townhall.analytics",
    "townhall.policies",
    "townhall.links",
    "townhall.sso",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "townhall.core.inputguard.InputGuardMiddleware",  # NUL characters, oversized API bodies (400/413)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "townhall.sso.middleware.SSORecheckMiddleware",
    "townhall.core.middleware.MFARequiredMiddleware",
    "townhall.core.actor.ActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "townhall.web.errors.StyledMethodNotAllowed",  # a button's address typed or reloaded: a page, not blank
]
CSRF_FAILURE_VIEW = "townhall.web.errors.csrf_failure"  # an expired form: a page in the layout

# Request bodies are read into memory up to this size (Django's default is 2.5 MB). 25 MB lets the
# listening import take the 20 MB of data it advertises (a JSON string, with room for escaping);
# every endpoint caps its own fields far below, and a larger API body gets a JSON 413 (docs/api.md).
DATA_UPLOAD_MAX_MEMORY_SIZE = 25_000_000

ROOT_URLCONF = "townhall.urls"
WSGI_APPLICATION = "townhall.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "townhall.web.context.navigation",
                "townhall.policies.context.policy",
            ],
        },
    },
]

DATABASES = {"default": config.database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Passwords are checked by Django's backend, except when local sign-in is switched off (single
# sign-on only): then only the break-glass administrators may use one (docs/sso.md).
AUTHENTICATION_BACKENDS = ["townhall.sso.backends.PasswordBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Background work: Django's tasks API with a persistent database backend, so the demo
# needs no other service. `townhall worker` runs the queue and the periodic scheduler.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "publish", "listen"]}}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TOWNHALL_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
if config.may_create():
    STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
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
WHITENOISE_USE_FINDERS = not PRODUCTION

# Sessions expire: eight working hours at most, and when the browser closes.
SESSION_COOKIE_AGE = config.env_int("TOWNHALL_SESSION_SECONDS", 8 * 3600, minimum=60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

if PRODUCTION:
    SECURE_SSL_REDIRECT = config.env_bool("TOWNHALL_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Login throttling: after this many failures for one user name (or five times as many
# from one address) within the window, further attempts are refused until it passes.
TOWNHALL_LOGIN_MAX_FAILURES = config.env_int("TOWNHALL_LOGIN_MAX_FAILURES", 5, minimum=1)
TOWNHALL_LOGIN_WINDOW_SECONDS = config.env_int("TOWNHALL_LOGIN_WINDOW_SECONDS", 900, minimum=1)
# Roles that must pass a TOTP second factor before they can use the app.
TOWNHALL_MFA_ROLES = ("digital", "governance", "admin")
# Encryption keys for the credential vault (comma-separated Fernet keys, newest first).
TOWNHALL_VAULT_KEYS = os.environ.get("TOWNHALL_VAULT_KEYS", "")
# The reverse proxies whose X-Forwarded-Proto and X-Forwarded-For `townhall serve` believes
# (default: this machine, 127.0.0.1 and ::1; "none" trusts no one).
TOWNHALL_TRUSTED_PROXIES = config.trusted_proxies()
# Keys for the audit trail's HMAC chain (comma-separated, newest first; townhall/audit/keys.py).
TOWNHALL_AUDIT_KEYS = os.environ.get("TOWNHALL_AUDIT_KEYS", "")
# Publishing: the cool-off between approval and sending (a chance to hold), whether images
# need alt text, and how long a worker may hold a delivery before another may retry it.
TOWNHALL_COOL_OFF_SECONDS = config.env_int("TOWNHALL_COOL_OFF_SECONDS", 120)
TOWNHALL_REQUIRE_ALT_TEXT = config.env_bool("TOWNHALL_REQUIRE_ALT_TEXT", True)
TOWNHALL_PUBLISH_LEASE_SECONDS = config.env_int("TOWNHALL_PUBLISH_LEASE_SECONDS", 20, minimum=1)
# How many deliveries one worker sends at once (to different accounts; one account is served
# one delivery at a time), and at most how many of them to each network.
TOWNHALL_PUBLISH_CONCURRENCY = config.env_int("TOWNHALL_PUBLISH_CONCURRENCY", 16, minimum=1)
TOWNHALL_PUBLISH_NETWORK_LIMITS = config.env_limits("TOWNHALL_PUBLISH_NETWORK_LIMITS", {"bluesky": 8, "mastodon": 8})
# Account registry: passwords older than this are due for rotation; an account with no post for
# this long is flagged dormant (the guidance asks for a sustained level of contact).
TOWNHALL_ROTATION_DAYS = config.env_int("TOWNHALL_ROTATION_DAYS", 180, minimum=1)
TOWNHALL_DORMANT_AFTER_DAYS = config.env_int("TOWNHALL_DORMANT_AFTER_DAYS", 90, minimum=1)
# Listening: mentions older than this are deleted (a search may set a shorter period).
TOWNHALL_LISTENING_RETENTION_DAYS = config.env_int("TOWNHALL_LISTENING_RETENTION_DAYS", 90, minimum=1)
OTP_TOTP_ISSUER = os.environ.get("TOWNHALL_SITE_NAME", "Townhall")
# The admin never shows a TOTP key, QR code or backup code (townhall/core/admin.py goes further).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# E-mail copies of notifications (TOWNHALL_SMTP_URL); without it everything stays in the app.
_EMAIL = config.email()
if _EMAIL["MAILERS"] is not None:
    MAILERS = _EMAIL["MAILERS"]
DEFAULT_FROM_EMAIL = SERVER_EMAIL = _EMAIL["DEFAULT_FROM_EMAIL"]
TOWNHALL_EMAIL_NOTIFICATIONS = _EMAIL["TOWNHALL_EMAIL_NOTIFICATIONS"]
TOWNHALL_BASE_URL = config.base_url()
TOWNHALL_SHORT_BASE_URL = config.short_base_url(TOWNHALL_BASE_URL)
# Account servers and listening sources are public servers only (core/outbound.py); set this for
# a Mastodon instance or feed on the institution's own network (docs/security.md).
TOWNHALL_ALLOW_PRIVATE_SERVERS = config.env_bool("TOWNHALL_ALLOW_PRIVATE_SERVERS")
# Web analytics that objectives may import page hits and downloads from (docs/analytics.md).
TOWNHALL_MATOMO_URL = os.environ.get("TOWNHALL_MATOMO_URL", "").strip()
TOWNHALL_MATOMO_TOKEN = os.environ.get("TOWNHALL_MATOMO_TOKEN", "").strip()
TOWNHALL_PLAUSIBLE_URL = os.environ.get("TOWNHALL_PLAUSIBLE_URL", "").strip() or "https://plausible.io"
TOWNHALL_PLAUSIBLE_KEY = os.environ.get("TOWNHALL_PLAUSIBLE_KEY", "").strip()
# Single sign-on (docs/sso.md): TOWNHALL_OIDC, TOWNHALL_SAML (None when not set up), TOWNHALL_SSO.
globals().update(config.sso())

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("TOWNHALL_LOG_LEVEL", "WARNING")},
    "loggers": {
        "townhall": {"level": os.environ.get("TOWNHALL_LOG_LEVEL", "INFO"), "propagate": True},
        "django_tasks_db": {"level": "WARNING"},
        # One line per task run is useful in a worker's log, noise in the quiet demo.
        "django.tasks": {"level": os.environ.get("TOWNHALL_LOG_LEVEL", "INFO")},
    },
}

# The listening rollups' covering index (INCLUDE columns) gives PostgreSQL index-only scans;
# SQLite ignores the extra columns, which is harmless, so its warning would only be noise.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
