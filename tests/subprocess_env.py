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
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]


@contextmanager
def own_database(tmp_path: Path, prefix: str, **extra: str) -> Iterator[dict[str, str]]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TOWNHALL_") and k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update({"TOWNHALL_DATA_DIR": str(tmp_path), "TOWNHALL_LOG_LEVEL": "WARNING", "PYTHONPATH": str(REPO)})
    # The tests' servers (the PDS, fake Mastodon instances) listen on this machine: core.outbound
    # refuses such addresses unless this is set, as an institution's own network would set it.
    env["TOWNHALL_ALLOW_PRIVATE_SERVERS"] = "1"
    env.update(extra)
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        env.pop("DATABASE_URL", None)
        yield env
        return
    with scratch_database(url, prefix) as db_url:
        env["DATABASE_URL"] = db_url
        yield env


@contextmanager
def scratch_database(url: str, prefix: str, connect_timeout: int = 10) -> Iterator[str]:
    """A fresh database on the PostgreSQL server that ``url`` names, dropped (forcibly) afterwards.

    Yields the new database's URL in ``url``'s scheme. Raises ``psycopg.Error`` when the server
    cannot be reached, so a caller that can do without may skip.
    """
    import psycopg

    name = f"{prefix}_{secrets.token_hex(4)}"
    parts = urlsplit(url)
    admin_url = urlunsplit((parts.scheme.replace("pgsql", "postgresql"), parts.netloc, "/postgres", "", ""))
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=connect_timeout) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
