"""Settings for the zelfscan. The environment is read here and nowhere else.

Local runs need no variables at all. Production (DJANGO_DEBUG=0) refuses to start
without DJANGO_SECRET_KEY.
"""

import ipaddress
import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on", "ja"}:
        return True
    if value.lower() in {"0", "false", "no", "off", "nee"}:
        return False
    raise ImproperlyConfigured(f"{name} moet 0 of 1 zijn, niet {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} moet een geheel getal zijn, niet {value!r}.") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [part.strip() for part in value.split(",") if part.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY ontbreekt. Zet een lange, geheime waarde voordat je de "
            "applicatie met DJANGO_DEBUG=0 start."
        )
    SECRET_KEY = "django-insecure-alleen-voor-lokaal-gebruik"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "competentieprofiel",
    "scans",
    "accounts",
    "netwerk",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "competentieprofiel.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "competentieprofiel.middleware.SessieVerversenMiddleware",
    "competentieprofiel.middleware.NederlandsTenzijGekozenMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into our lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "competentieprofiel.urls"
WSGI_APPLICATION = "competentieprofiel.wsgi.application"
ASGI_APPLICATION = "competentieprofiel.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "accounts.context_processors.inloggen_met_instelling",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
VAR_DIR = Path(env_str("ZELFSCAN_VAR_DIR", str(BASE_DIR / "var")))
_database_url = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'zelfscan.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and a writer work side by side; IMMEDIATE takes the write
        # lock at the start of a transaction so two saves queue instead of failing.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    if not DATABASES["default"]["NAME"].startswith(":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2id with OWASP's server profile (accounts/hashers.py); older Argon2 hashes upgrade
# themselves at the next login.
PASSWORD_HASHERS = [
    "accounts.hashers.ServerArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    # The login name is the e-mail address, so comparing with the address covers both (and
    # the message then says "je e-mailadres", not "gebruikersnaam").
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "first_name", "last_name")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes checks every password login first; ModelBackend does the actual
# authentication. InstellingBackend only keeps a session that began with the institution's
# login (accounts.oidc); it never authenticates through django.contrib.auth.authenticate().
AUTHENTICATION_BACKENDS = [
    # Too many failed logins from one address, over any accounts: no further checks.
    "competentieprofiel.ratelimit.InlogPerAdresBackend",
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "accounts.oidc.InstellingBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "scans:mijn_scans"
LOGOUT_REDIRECT_URL = "home"

# Sessions end after inactivity (seconds); every step is saved, so nothing is lost. A session
# is written only when it changed or when its expiry is more than SESSIE_VERVERSEN_SECONDEN
# old (competentieprofiel.middleware.SessieVerversenMiddleware): the idle timeout is exact to
# within that margin, and a page view does not take a write lock.
SESSION_COOKIE_AGE = env_int("ZELFSCAN_SESSIE_SECONDEN", 60 * 60 * 2)
SESSION_SAVE_EVERY_REQUEST = False
SESSIE_VERVERSEN_SECONDEN = min(5 * 60, SESSION_COOKIE_AGE // 10)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language switcher (django.views.i18n.set_language) remembers the choice for a year.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not DEBUG
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: console locally, SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "zelfscan@localhost")

# Security headers. Behind a TLS-terminating proxy set DJANGO_BEHIND_TLS_PROXY=1.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
ACHTER_TLS_PROXY = env_bool("DJANGO_BEHIND_TLS_PROXY", False)
if ACHTER_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind the proxy every request comes from the proxy's address. How many proxies of our
# own stand in front of Django: the visitor's address is then that many entries from the
# right of X-Forwarded-For (competentieprofiel.ratelimit.client_ip). 0 = use REMOTE_ADDR.
PROXY_AANTAL = env_int("ZELFSCAN_PROXY_AANTAL", 1) if ACHTER_TLS_PROXY else 0
if PROXY_AANTAL < 0:
    raise ImproperlyConfigured(f"ZELFSCAN_PROXY_AANTAL moet 0 of meer zijn, niet {PROXY_AANTAL}.")
# Only a request that comes from one of our own proxies may name the visitor in
# X-Forwarded-For; from any other REMOTE_ADDR the header is ignored, so a request sent
# straight to the app server cannot pretend to be someone else. "unix" stands for a unix
# socket (gunicorn then leaves REMOTE_ADDR empty), which only the proxy on this machine reaches.
PROXY_ADRESSEN = []
for _adres in env_list("ZELFSCAN_PROXY_ADRESSEN", ["127.0.0.1", "::1", "unix"]):
    if _adres == "unix":
        PROXY_ADRESSEN.append(_adres)
        continue
    try:
        PROXY_ADRESSEN.append(ipaddress.ip_network(_adres, strict=False))
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"ZELFSCAN_PROXY_ADRESSEN: {_adres!r} is geen IP-adres, netwerk of 'unix'."
        ) from exc
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

# A form posted without a valid CSRF token gets a calm Dutch page instead of Django's.
CSRF_FAILURE_VIEW = "competentieprofiel.views.csrf_mislukt"

# Content-Security-Policy (django-csp): only our own files, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "style-src": [SELF],
        "script-src": [SELF],
        "font-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}
# Permissions-Policy (competentieprofiel.middleware): no browser feature is needed.
PERMISSIONS_POLICY = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
    "interest-cohort",
    "browsing-topics",
]

# Brute-force protection on the login (django-axes): after too many wrong passwords for
# one account from one IP address, that combination waits before it may try again.
AXES_FAILURE_LIMIT = env_int("ZELFSCAN_INLOG_POGINGEN", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("ZELFSCAN_INLOG_WACHTMINUTEN", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "competentieprofiel.views.inlog_geblokkeerd"
# Keep no trail of successful logins. Failed attempts are only kept for the lockout:
# axes deletes expired ones at the next login or logout.
AXES_DISABLE_ACCESS_LOG = True
# The client's address as the password reset limit sees it too (behind a proxy as well).
AXES_CLIENT_IP_CALLABLE = "competentieprofiel.ratelimit.client_ip"
# One cache for all processes and app servers: Django's database cache, in the same
# database (the table comes with migration competentieprofiel 0005). The rate limits count
# here, so they hold across servers. For larger installations see the README (Redis).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "zelfscan_cache",
    }
}

# Failed logins from one IP address over all accounts (password spraying): after this many
# within the window, that address waits (competentieprofiel.ratelimit.InlogPerAdresBackend).
INLOG_POGINGEN_PER_ADRES = env_int("ZELFSCAN_INLOG_POGINGEN_PER_ADRES", 20)
INLOG_ADRES_MINUTEN = env_int("ZELFSCAN_INLOG_ADRES_MINUTEN", 15)
# Password reset requests (competentieprofiel.ratelimit): at most this many per IP address.
WACHTWOORDHERSTEL_POGINGEN = env_int("ZELFSCAN_WACHTWOORDHERSTEL_POGINGEN", 5)
WACHTWOORDHERSTEL_MINUTEN = env_int("ZELFSCAN_WACHTWOORDHERSTEL_MINUTEN", 15)

# Django's admin: at /beheer/ by default, behind the same login protections. An institution
# that does not want it public moves it (ZELFSCAN_BEHEER_PAD=ergens-anders/) or switches it
# off (ZELFSCAN_BEHEER_PAD=uit).
BEHEER_PAD = env_str("ZELFSCAN_BEHEER_PAD", "beheer/").strip()
if BEHEER_PAD.lower() in {"uit", "0", "off", "nee"}:
    BEHEER_PAD = ""
elif not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9_-]+)*/", BEHEER_PAD):
    raise ImproperlyConfigured(
        f"ZELFSCAN_BEHEER_PAD moet een pad zijn zoals 'beheer/' (met / aan het eind), "
        f"of 'uit', niet {BEHEER_PAD!r}."
    )

# Logging in with one's institution (OpenID Connect, e.g. SURFconext): off unless the
# ZELFSCAN_OIDC_* variables are set; then the issuer, client id and secret are required.
# Endpoints come from the issuer's /.well-known/openid-configuration unless all three of
# authorization, token and JWKS are given explicitly (an explicit one always wins).
_OIDC_VARIABELEN = {
    "issuer": "ZELFSCAN_OIDC_ISSUER",
    "client_id": "ZELFSCAN_OIDC_CLIENT_ID",
    "client_secret": "ZELFSCAN_OIDC_CLIENT_SECRET",
    "knoptekst": "ZELFSCAN_OIDC_NAAM",
    "authorization_endpoint": "ZELFSCAN_OIDC_AUTHORIZATION_ENDPOINT",
    "token_endpoint": "ZELFSCAN_OIDC_TOKEN_ENDPOINT",
    "jwks_uri": "ZELFSCAN_OIDC_JWKS_URI",
    "userinfo_endpoint": "ZELFSCAN_OIDC_USERINFO_ENDPOINT",
    "end_session_endpoint": "ZELFSCAN_OIDC_END_SESSION_ENDPOINT",
    "algoritme": "ZELFSCAN_OIDC_ALGORITME",
}
ZELFSCAN_OIDC = None
if any(env_str(naam) for naam in _OIDC_VARIABELEN.values()) or env_str("ZELFSCAN_OIDC_EMAIL"):
    ZELFSCAN_OIDC = {sleutel: env_str(naam).strip() for sleutel, naam in _OIDC_VARIABELEN.items()}
    _ontbreekt = [
        _OIDC_VARIABELEN[k]
        for k in ("issuer", "client_id", "client_secret")
        if not ZELFSCAN_OIDC[k]
    ]
    if _ontbreekt:
        raise ImproperlyConfigured(
            "Inloggen met je instelling is half ingesteld: " + ", ".join(_ontbreekt) + " ontbreekt."
        )
    ZELFSCAN_OIDC["algoritme"] = ZELFSCAN_OIDC["algoritme"] or "RS256"
    # Ask for the e-mail address too (scope email)? Only `openid` otherwise.
    ZELFSCAN_OIDC["email"] = env_bool("ZELFSCAN_OIDC_EMAIL", False)
    ZELFSCAN_OIDC["timeout"] = env_int("ZELFSCAN_OIDC_TIMEOUT", 10)
    for _sleutel in ("issuer", *[k for k in _OIDC_VARIABELEN if k.endswith(("endpoint", "uri"))]):
        _url = ZELFSCAN_OIDC[_sleutel]
        _lokaal = _url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]"))
        if _url and not _url.startswith("https://") and not (DEBUG or _lokaal):
            raise ImproperlyConfigured(
                f"{_OIDC_VARIABELEN[_sleutel]} moet met https:// beginnen, niet {_url!r}."
            )

# The profile a new scan uses when several are loaded.
STANDAARD_PROFIEL = env_str("ZELFSCAN_STANDAARD_PROFIEL", "npuls-docentondersteuning")
PROFIEL_BESTANDEN = [BASE_DIR / "profiel_data" / "npuls.yaml"]

# Netwerken: anonymous counts appear on a netwerk's map only once at least this many members
# have shared something there. Below 3 a count points at a person, so that is refused.
NETWERK_MINIMUM = env_int("ZELFSCAN_NETWERK_MINIMUM", 5)
if NETWERK_MINIMUM < 3:
    raise ImproperlyConfigured(
        f"ZELFSCAN_NETWERK_MINIMUM moet 3 of meer zijn, niet {NETWERK_MINIMUM}: bij minder "
        "mensen wijst een telling zonder namen naar een persoon."
    )

# Where people report an accessibility problem or ask about their data (the hosting
# institution's contact). Empty: the accessibility statement and the privacy page point them
# to their own institution instead.
ZELFSCAN_CONTACT_EMAIL = env_str("ZELFSCAN_CONTACT_EMAIL", "")
# The organisation responsible for the data (the AVG's "verwerkingsverantwoordelijke"), named
# on the privacy page. Empty: "de instelling die deze zelfscan aanbiedt".
ZELFSCAN_ORGANISATIE = env_str("ZELFSCAN_ORGANISATIE", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
