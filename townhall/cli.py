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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
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

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "townhall.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.db.utils import OperationalError

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
    except OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
        return _fail(f"cannot use the database ({first}); check DATABASE_URL and that the server is running.")
    except KeyboardInterrupt:
        return 130
    return 0
