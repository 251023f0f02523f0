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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in POLICY_COMMANDS:
        from townhall.policy.cli import main as policy_main

        try:
            return policy_main(argv)
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
