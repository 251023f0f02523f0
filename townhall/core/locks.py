"""Named locks held until the end of the current transaction, for decisions that read and then
insert (nothing exists yet for `select_for_update` to lock).

PostgreSQL takes a transaction-level advisory lock per name; SQLite needs none, since Townhall's
SQLite transactions start IMMEDIATE and so already hold the one write lock (config.py)."""

from __future__ import annotations

from django.db import connection


def hold(*names: str) -> None:
    """Take these locks (in a fixed order, so two callers never deadlock); call inside `atomic`."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in sorted(set(names)):
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [name])
