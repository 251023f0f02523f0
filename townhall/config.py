"""Reading configuration from the environment (12-factor), with one-sentence errors.

Kept apart from settings.py so that the CLI can validate configuration and report
problems as a single clear sentence before Django starts.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in TRUE_WORDS


def env_int(name: str, default: int, minimum: int = 0) -> int:
    """A whole number from the environment; a bad value stops start-up with one sentence
    (a typo in a retention period must not silently become the default)."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


def env_limits(name: str, default: dict[str, int]) -> dict[str, int]:
    """Per-name whole numbers from "a=8,b=4" (e.g. per-network limits); missing names keep the default."""
    raw = os.environ.get(name, "").strip()
    out = dict(default)
    if not raw:
        return out
    for item in raw.split(","):
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip().isdigit() or int(value) < 1:
            raise ImproperlyConfigured(f'{name} must look like "bluesky=8,mastodon=8" (each at least 1), not {raw!r}.')
        out[key.strip().lower()] = int(value)
    return out


# Whether start-up may create the data folder, the development secret key and the SQLite file.
# True for everything that runs Townhall (serve, worker, demo, migrate, tests, WSGI); the console
# script turns it off before Django starts for commands that only read or explain (`townhall
# --help`, `townhall status`, `townhall system-check`, `<command> --help`), so that asking a
# question on a fresh machine leaves no empty database or folder behind.
_may_create = True


def read_only_start() -> None:
    """Start Django without creating anything in the data folder (see ``_may_create``)."""
    global _may_create
    _may_create = False


def may_create() -> bool:
    return _may_create


def default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "townhall"


def data_dir() -> Path:
    """The folder for the SQLite database, the dev secret key and uploaded media.

    A folder named explicitly must already exist (we never guess where a user's data
    goes); the default one under the home folder is created on first use, by a command
    that writes (not by one that only reads, see ``read_only_start``). It holds TOTP
    seeds, sessions and the development keys, so a fresh one is made owner-only (0700).
    """
    raw = os.environ.get("TOWNHALL_DATA_DIR")
    if raw:
        path = Path(raw).expanduser()
        if not path.is_dir():
            raise ImproperlyConfigured(
                f"TOWNHALL_DATA_DIR points to {path}, which is not an existing folder; "
                "create it or point the variable elsewhere."
            )
        if _may_create and not any(path.iterdir()):  # fresh: made for Townhall, so make it private
            _owner_only(path, 0o700)
        return path
    path = default_data_dir()
    if _may_create and not path.exists():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        _owner_only(path, 0o700)
    return path


def sqlite_file(folder: Path) -> Path | None:
    """The SQLite database file this configuration uses (None on PostgreSQL or in memory)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return folder / "townhall.sqlite3"
    if urlsplit(url).scheme.lower() != "sqlite":
        return None
    import dj_database_url

    try:
        name = str(dj_database_url.parse(url).get("NAME") or "")
    except Exception:
        return None
    return Path(name) if name and name != ":memory:" and not name.startswith("file:") else None


def _owner_only(path: Path, mode: int) -> None:
    """Take group and other permissions away (a folder or file we own; silently skip otherwise)."""
    try:
        if path.stat().st_mode & 0o077:
            path.chmod(mode)
    except OSError:
        pass


def private_sqlite_file(name: str, create: bool = True) -> None:
    """Create the SQLite file owner-only (0600) before SQLite does (it would follow the umask,
    typically world-readable). SQLite gives its -wal and -shm files the database file's mode.
    A file left readable by an earlier version is tightened too (also by a read-only start,
    ``create=False``, which creates nothing)."""
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    path = Path(name)
    if not path.parent.is_dir():
        return
    if create:
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            pass
        except OSError:
            return
    for extra in ("", "-wal", "-shm"):
        candidate = Path(f"{path}{extra}")
        if candidate.exists():
            _owner_only(candidate, 0o600)


def secret_key(production: bool, folder: Path) -> str:
    key = os.environ.get("SECRET_KEY", "")
    if key:
        if production and len(key) < 50:
            raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long in production.")
        return key
    if production:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.")
    # Development and the demo: a random key kept in the data folder, never in the repo.
    keyfile = folder / "secret_key"
    if not keyfile.exists() and not _may_create:
        # A read-only command on a fresh folder: nothing has been signed with a key yet, so a
        # throw-away one serves, and the folder stays as it was.
        return secrets.token_urlsafe(64)
    if not keyfile.exists():
        # Created owner-only from the start (no moment at which it is readable by others).
        try:
            fd = os.open(keyfile, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:  # another process made it a moment ago
            pass
        else:
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(64))
    return keyfile.read_text().strip()


SUPPORTED_DB_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql"}


def database(folder: Path) -> dict:
    import dj_database_url

    url = os.environ.get("DATABASE_URL", "")
    if not url:
        name = str(folder / "townhall.sqlite3")
        private_sqlite_file(name, create=_may_create)
        if not _may_create and not Path(name).exists():
            # A read-only start on a fresh folder: a connection (a system check asking what
            # SQLite supports) goes to an empty in-memory database rather than leave an empty
            # file behind; a query then finds no tables and is told to run `townhall migrate`.
            name = ":memory:"
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": name,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SUPPORTED_DB_SCHEMES:
        raise ImproperlyConfigured(
            f"DATABASE_URL has the scheme {scheme or '(none)'!r}; Townhall supports "
            "sqlite:///path and postgres://user:password@host:port/name."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj_database_url raises ValueError and friends
        raise ImproperlyConfigured(f"DATABASE_URL could not be read: {exc}.") from exc
    if config["ENGINE"].endswith("sqlite3"):
        name = str(config.get("NAME") or "")
        private_sqlite_file(name, create=_may_create)
        if not _may_create and name and name != ":memory:" and not name.startswith("file:") and not Path(name).exists():
            config["NAME"] = ":memory:"  # as above: a read-only start creates no file
        config["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
        config.pop("CONN_HEALTH_CHECKS", None)
    elif not config.get("NAME"):
        raise ImproperlyConfigured("DATABASE_URL names no database; add one after the last slash.")
    return config


def email() -> dict:
    """Django's mail settings from ``TOWNHALL_SMTP_URL`` (smtp://user:password@host:port, with
    ``?tls=1`` for STARTTLS, or smtps://host for implicit TLS). Unset: no e-mail is sent and
    notifications stay in the app (the demo needs no mail server).

    Returns ``MAILERS`` (Django 6.1's replacement for the EMAIL_* settings; None when unset), the
    sender, and whether notifications are e-mailed at all."""
    from urllib.parse import parse_qs, unquote

    raw = os.environ.get("TOWNHALL_SMTP_URL", "").strip()
    sender = os.environ.get("TOWNHALL_EMAIL_FROM", "").strip() or "townhall@localhost"
    if not raw:
        # No MAILERS at all (rather than a dummy backend, which `check --deploy` rightly calls an
        # error): Townhall sends nothing, and nothing else in Django sends mail unasked.
        return {"MAILERS": None, "DEFAULT_FROM_EMAIL": sender, "TOWNHALL_EMAIL_NOTIFICATIONS": False}
    parts = urlsplit(raw)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ImproperlyConfigured(
            "TOWNHALL_SMTP_URL must look like smtp://user:password@mail.example.ac.uk:587?tls=1 (or smtps://...)."
        )
    try:
        port = parts.port or (465 if parts.scheme == "smtps" else 25)
    except ValueError:
        raise ImproperlyConfigured("TOWNHALL_SMTP_URL has a port that is not a number.") from None
    query = parse_qs(parts.query)
    options = {
        "host": parts.hostname,
        "port": port,
        "username": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "use_ssl": parts.scheme == "smtps",
        "use_tls": parts.scheme == "smtp" and query.get("tls", ["0"])[0] in TRUE_WORDS,
        "timeout": 20,
    }
    return {
        "MAILERS": {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}},
        "DEFAULT_FROM_EMAIL": sender,
        "TOWNHALL_EMAIL_NOTIFICATIONS": True,
    }


def base_url() -> str:
    """Where people reach this Townhall (links in e-mails), e.g. https://townhall.example.ac.uk."""
    raw = os.environ.get("TOWNHALL_BASE_URL", "").strip().rstrip("/") or "http://127.0.0.1:8000"
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ImproperlyConfigured(f"TOWNHALL_BASE_URL must be an http(s) address, not {raw!r}.")
    return raw


def short_base_url(default: str) -> str:
    """Where tracked short links live (``<this>/l/<code>``), e.g. https://go.example.ac.uk; defaults
    to TOWNHALL_BASE_URL. The host must also be in ALLOWED_HOSTS."""
    raw = os.environ.get("TOWNHALL_SHORT_BASE_URL", "").strip().rstrip("/") or default
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query:
        raise ImproperlyConfigured(f"TOWNHALL_SHORT_BASE_URL must be an http(s) address with no path, not {raw!r}.")
    return raw


def trusted_proxies() -> list[str]:
    """Addresses of the reverse proxies allowed to say the original scheme and client address.

    ``TOWNHALL_TRUSTED_PROXY``: comma-separated IP addresses; default 127.0.0.1 and ::1 (a proxy
    on the same machine); ``none`` to trust no one. Anyone else's X-Forwarded-* headers are
    dropped, so a client cannot claim HTTPS or another address to dodge throttling."""
    import ipaddress

    raw = os.environ.get("TOWNHALL_TRUSTED_PROXY", "").strip() or "127.0.0.1,::1"
    if raw.lower() == "none":
        return []
    out = []
    for item in (p.strip() for p in raw.split(",")):
        if not item:
            continue
        try:
            out.append(str(ipaddress.ip_address(item)))
        except ValueError:
            raise ImproperlyConfigured(
                f"TOWNHALL_TRUSTED_PROXY must list IP addresses (or say none); {item!r} is not one."
            ) from None
    return out


def allowed_hosts(production: bool) -> list[str]:
    raw = os.environ.get("ALLOWED_HOSTS", "")
    hosts = [h.strip() for h in raw.split(",") if h.strip()]
    if not hosts:
        if production:
            raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names in production.")
        hosts = ["localhost", "127.0.0.1", "[::1]", "testserver"]
    return hosts


def _words(name: str, default: str = "") -> list[str]:
    """A comma- or space-separated list from the environment."""
    raw = os.environ.get(name, default)
    return [w for w in raw.replace(",", " ").split() if w]


# RFC 8176 `amr` values that count as a second factor at the identity provider: "mfa" itself,
# or a knowledge factor together with a possession or inherence one. A single value such as
# "otp" or "face" is one factor, whatever it is.
DEFAULT_OIDC_MFA_AMR = "mfa pwd|pin|kba+otp|hwk|swk|sms|tel|fpt|face|iris|retina|vbm"


def _amr_rules() -> list[str]:
    """TOWNHALL_OIDC_MFA_AMR: rules, each `a|b+c|d` (every `+` part needs one of its `|` values)."""
    rules = _words("TOWNHALL_OIDC_MFA_AMR", DEFAULT_OIDC_MFA_AMR)
    for rule in rules:
        if any(not value for part in rule.split("+") for value in part.split("|")):
            raise ImproperlyConfigured(
                f"TOWNHALL_OIDC_MFA_AMR: {rule!r} is not a rule such as mfa or pwd|pin+otp|hwk."
            )
    return rules


def sso() -> dict:
    """Single sign-on (docs/sso.md): OpenID Connect and SAML 2.0 identity providers.

    Returns TOWNHALL_OIDC (None when no issuer is set), TOWNHALL_SAML (None when no IdP
    metadata is given) and TOWNHALL_SSO (what applies to both). A half-configured provider
    stops start-up with one sentence rather than showing a sign-in button that cannot work."""
    oidc = None
    issuer = os.environ.get("TOWNHALL_OIDC_ISSUER", "").strip().rstrip("/")
    if issuer:
        if urlsplit(issuer).scheme not in ("http", "https"):
            raise ImproperlyConfigured(f"TOWNHALL_OIDC_ISSUER must be an https address, not {issuer!r}.")
        client_id = os.environ.get("TOWNHALL_OIDC_CLIENT_ID", "").strip()
        if not client_id:
            raise ImproperlyConfigured("TOWNHALL_OIDC_ISSUER is set but TOWNHALL_OIDC_CLIENT_ID is not.")
        oidc = {
            "ISSUER": issuer,
            "CLIENT_ID": client_id,
            "CLIENT_SECRET": os.environ.get("TOWNHALL_OIDC_CLIENT_SECRET", ""),
            "SCOPES": _words("TOWNHALL_OIDC_SCOPES", "openid email profile offline_access"),
            "GROUPS_CLAIM": os.environ.get("TOWNHALL_OIDC_GROUPS_CLAIM", "groups").strip() or "groups",
            "MFA_ACR": _words("TOWNHALL_OIDC_MFA_ACR"),
            "MFA_AMR": _amr_rules(),
            "LABEL": os.environ.get("TOWNHALL_SSO_LABEL", "").strip() or "Sign in with your university account",
        }
    saml = None
    meta_url = os.environ.get("TOWNHALL_SAML_IDP_METADATA_URL", "").strip()
    meta_file = os.environ.get("TOWNHALL_SAML_IDP_METADATA_FILE", "").strip()
    if meta_url or meta_file:
        if meta_file and not Path(meta_file).is_file():
            raise ImproperlyConfigured(f"TOWNHALL_SAML_IDP_METADATA_FILE points to {meta_file}, which is not a file.")
        saml = {
            "IDP_METADATA_URL": meta_url,
            "IDP_METADATA_FILE": meta_file,
            # Which identity provider of the metadata to trust; needed when it lists several (a
            # federation's aggregate), so another member cannot sign people in (docs/sso.md).
            "IDP_ENTITY_ID": os.environ.get("TOWNHALL_SAML_IDP_ENTITY_ID", "").strip(),
            "SP_ENTITY_ID": os.environ.get("TOWNHALL_SAML_SP_ENTITY_ID", "").strip(),
            "SP_KEY_FILE": os.environ.get("TOWNHALL_SAML_SP_KEY_FILE", "").strip(),
            "SP_CERT_FILE": os.environ.get("TOWNHALL_SAML_SP_CERT_FILE", "").strip(),
            "GROUPS_ATTRIBUTE": os.environ.get("TOWNHALL_SAML_GROUPS_ATTRIBUTE", "").strip() or "groups",
            "MFA_CONTEXTS": _words(
                "TOWNHALL_SAML_MFA_CONTEXTS",
                "https://refeds.org/profile/mfa http://schemas.microsoft.com/claims/multipleauthn",
            ),
            "LABEL": os.environ.get("TOWNHALL_SAML_LABEL", "").strip() or "Sign in with your university account (SAML)",
        }
    common = {
        "LOCAL_LOGIN": env_bool("TOWNHALL_LOCAL_LOGIN", True),
        "BREAK_GLASS": _words("TOWNHALL_BREAK_GLASS_USERS"),
        "REQUIRE_IDP_MFA_ROLES": _words("TOWNHALL_SSO_REQUIRE_IDP_MFA_ROLES"),
        "RECHECK_SECONDS": env_int("TOWNHALL_SSO_RECHECK_SECONDS", 900, minimum=30),
    }
    return {"TOWNHALL_OIDC": oidc, "TOWNHALL_SAML": saml, "TOWNHALL_SSO": common}
