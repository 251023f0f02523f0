"""The environment for tests that run `python -m townhall …` as real subprocesses.

Each gets a data folder of its own and, on PostgreSQL, a fresh database (dropped afterwards), so
a worker or command started by a test never sees the test run's own database.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@contextmanager
def own_database(tmp_path: Path, prefix: str, **extra: str) -> Iterator[dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOWNHALL_") and k != "DJANGO_SETTINGS_MODULE"}
    env.update({"TOWNHALL_DATA_DIR": str(tmp_path), "TOWNHALL_LOG_LEVEL": "WARNING", "PYTHONPATH": str(REPO)})
    env.update(extra)
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        env.pop("DATABASE_URL", None)
        yield env
        return
    import psycopg

    name = f"{prefix}_{secrets.token_hex(4)}"
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name
    try:
        yield env
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
