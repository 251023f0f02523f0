"""The `townhall` console script.

Policy commands (`check`, `rules`, `rule`, `eval`) run the Django-free policy engine
directly, so they start fast and work without a database. Everything else is a Django
management command (`townhall migrate`, `townhall demo`, `townhall worker --burst`, ...).
Configuration and connection problems are reported as one sentence, without a traceback.
"""

from __future__ import annotations

import os
import sys

POLICY_COMMANDS = {"check", "rules", "rule", "eval"}


def _fail(message: str, code: int = 2) -> int:
    print(f"townhall: {message}", file=sys.stderr)
    return code


_INSTANCE_ENV = ("DATABASE_URL", "TOWNHALL_DATA_DIR", "DJANGO_SETTINGS_MODULE")


def _instance_resolver(argv: list[str]):
    """Inside an instance, `townhall check` uses its stored policy (current, or `--policy N`).

    Outside one (none of DATABASE_URL, TOWNHALL_DATA_DIR, DJANGO_SETTINGS_MODULE set, and no
    `--policy current|N`), the check never touches Django and keeps the shipped default pack."""
    if argv[0] != "check":
        return None
    spec = None
    for i, arg in enumerate(argv):
        if arg == "--policy" and i + 1 < len(argv):
            spec = argv[i + 1]
        elif arg.startswith("--policy="):
            spec = arg.split("=", 1)[1]
    wants_version = spec is not None and (spec == "current" or (spec.isdigit() and not os.path.exists(spec)))
    if spec is not None and not wants_version:
        return None  # a pack file: no database needed
    if not wants_version and not any(os.environ.get(k) for k in _INSTANCE_ENV):
        return None

    def resolve(which: str | None):
        from townhall.policy.pack import PackError

        missing = None
        if _start_read_only():  # reading the instance's policy must not create its database
            missing = _missing_database()
        if missing is not None:
            if which is None:
                return None
            raise PackError([f"--policy {which}: there is no Townhall database in {missing} yet"])
        try:
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "townhall.settings")
            import django

            django.setup()
            from townhall.policies.selectors import pack_for_spec

            return pack_for_spec(which)
        except PackError:
            raise
        except Exception as exc:
            if which is None:
                return None
            first = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
            raise PackError([f"--policy {which}: cannot read the instance's policy ({first})"]) from None

    return resolve


# `townhall --help`: Townhall's own commands first, grouped by what people do with them.
POLICY_HELP = [
    ("check", "check a post (text, stdin or a JSON-lines file) against the policy"),
    ("rules", "list the policy rules"),
    ("rule", "explain one rule, with examples"),
    ("eval", "precision and recall on the evaluation set (needs the shared data folder or --data)"),
]
GROUPS = [
    ("Run Townhall", {"townhall.core", "townhall.web"}),
    ("Publishing and accounts", {"townhall.publishing", "townhall.registry", "townhall.incidents", "townhall.links"}),
    ("Listening", {"townhall.listening"}),
    ("Policy and governance", {"townhall.policies", "townhall.audit", "townhall.sso"}),
]
RENAMED = {"check": "system-check"}  # Django's `check`, renamed to free the word for the policy


# Django commands a Townhall operator needs, listed with Townhall's.
PROMOTED = {
    "migrate": ("Run Townhall", "create or update the database tables (run after every upgrade)"),
    "createsuperuser": ("Run Townhall", "make the first administrator"),
    "check": ("Run Townhall", "check the configuration (--deploy before going live)"),
}


def _first_line(text: str) -> str:
    """The first sentence of a command's help, so each command takes one line."""
    line = " ".join((text or "").split())
    for stop in (". ", "; ", ": `"):
        line = line.split(stop, 1)[0]
    line = line.rstrip(".")
    return line[:1].lower() + line[1:] if line[:2] != line[:2].upper() else line


def print_help(out=None) -> int:
    """One line per command: Townhall's grouped first, Django's and other libraries' under "Other"."""
    out = out or sys.stdout
    print("Usage: townhall COMMAND [options]   (townhall COMMAND --help for a command's options)\n", file=out)
    print("Policy (no database needed):", file=out)
    for name, text in POLICY_HELP:
        print(f"  {name:<16}{text}", file=out)
    try:
        _start_read_only()  # asking for help leaves no folder, key or database behind
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "townhall.settings")
        import django

        django.setup()
        from django.core.management import get_commands, load_command_class
    except Exception as exc:  # a configuration problem: still show what runs without one
        first = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
        print(f"\n(The other commands need a working configuration: {first})", file=out)
        return 0
    commands = get_commands()
    grouped: dict[str, list[tuple[str, str]]] = {title: [] for title, _ in GROUPS}
    other = []
    for name, app in sorted(commands.items()):
        shown = RENAMED.get(name, name)
        if name in PROMOTED:
            title, text = PROMOTED[name]
            grouped[title].append((shown, text))
            continue
        title = next((t for t, apps in GROUPS if app in apps), None)
        if title is None:
            other.append(shown)
            continue
        try:
            text = _first_line(load_command_class(app, name).help)
        except Exception:  # a command that fails to import is still listed
            text = ""
        grouped[title].append((shown, text))
    for title, rows in grouped.items():
        if rows:
            print(f"\n{title}:", file=out)
            for name, text in sorted(rows):
                print(f"  {name:<16}{text}", file=out)
    print("\nOther (Django and libraries; rarely needed):", file=out)
    line = "  "
    for name in sorted(other):
        if len(line) + len(name) > 98:
            print(line.rstrip(), file=out)
            line = "  "
        line += name + " "
    print(line.rstrip(), file=out)
    return 0


# Commands that only read an instance: on a data folder with no database yet they say so rather
# than start Django, which would leave an empty database file behind (see config.read_only_start).
READ_ONLY = {"status", "otp"}
# Commands that need no database at all and must not create one either: they explain or check.
EXPLAIN_ONLY = {"check", "help"}


def _start_read_only() -> bool:
    """Have Django start without creating anything (config.read_only_start), unless its settings
    are loaded already (called inside a running instance or a test): then they stay as they are.
    True when this process starts read-only."""
    from django.conf import settings

    from townhall import config

    if settings.configured:
        return False
    config.read_only_start()
    return True


def _asks_for_help(argv: list[str]) -> bool:
    return any(arg in ("--help", "-h", "--version") for arg in argv)


def _creates_nothing(argv: list[str]) -> bool:
    """Whether this invocation only reads or explains, so start-up must create no file or folder."""
    return not argv or argv[0] in READ_ONLY | EXPLAIN_ONLY or _asks_for_help(argv)


def _missing_database() -> str | None:
    """Where the SQLite database would be, when it is not there yet (None when it is, or on PostgreSQL)."""
    from django.core.exceptions import ImproperlyConfigured

    from townhall import config

    try:
        folder = config.data_dir()
    except ImproperlyConfigured:
        return None  # reported as one sentence when Django starts
    database = config.sqlite_file(folder)
    if database is None or (database.exists() and database.stat().st_size > 0):
        return None
    return str(database.parent if database.name == "townhall.sqlite3" else database)


def _no_database_yet(argv: list[str]) -> str | None:
    if not argv or argv[0] not in READ_ONLY or _asks_for_help(argv):
        return None
    where = _missing_database()
    if where is None:
        return None
    return f"there is no Townhall database in {where} yet: run `townhall migrate` (or `townhall demo`) first."


def _database_problem(exc: Exception) -> str:
    """One sentence for a database error, saying what to do: an unmigrated or missing database is
    the operator's next step (migrate, create it), not a server fault."""
    import re

    from django.conf import settings

    first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    db = settings.DATABASES["default"]
    sqlite = db["ENGINE"].endswith("sqlite3")
    name = str(db.get("NAME") or "")
    where = name if sqlite else f"{name} on {db.get('HOST') or 'localhost'}"
    if "no such table" in first or ("relation" in first and "does not exist" in first):
        return (
            f"there is no Townhall database in {where} yet (it has no tables): "
            "run `townhall migrate` (or `townhall demo`) first."
        )
    missing = re.search(r'database "([^"]+)" does not exist', first)
    if missing:
        return (
            f"the database {missing.group(1)} does not exist on {db.get('HOST') or 'localhost'}: create it "
            f"(`createdb {missing.group(1)}`), then run `townhall migrate`."
        )
    return f"cannot use the database ({first}); check DATABASE_URL and that the server is running."


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv in (["--help"], ["-h"], ["help"]):
        return print_help()
    if argv and argv[0] in POLICY_COMMANDS:
        from townhall.policy.cli import main as policy_main

        try:
            return policy_main(argv, resolver=_instance_resolver(argv))
        except BrokenPipeError:
            # `townhall check ... | head`: the reader left; stop quietly like other Unix tools.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    if argv and argv[0] == "system-check":  # Django's own `check`, renamed to free the word
        argv[0] = "check"

    if _creates_nothing(argv):
        _start_read_only()
    unmigrated = _no_database_yet(argv)
    if unmigrated:
        return _fail(unmigrated)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "townhall.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.db.utils import OperationalError, ProgrammingError

    try:
        import django

        django.setup()
    except ImproperlyConfigured as exc:
        return _fail(str(exc))
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["townhall", *argv])
    except ImproperlyConfigured as exc:
        return _fail(str(exc))
    except (OperationalError, ProgrammingError) as exc:
        return _fail(_database_problem(exc))
    except KeyboardInterrupt:
        return 130
    return 0
