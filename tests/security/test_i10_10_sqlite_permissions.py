"""Issue 10, item 10: the SQLite file (TOTP seeds, sessions) and the data folder are owner-only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def townhall(args, env_extra, cwd=None):
    dropped = ("DATABASE_URL", "TOWNHALL_DATA_DIR", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_extra)
    # A permissive umask, as on many servers: permissions must not depend on it.
    code = "import os, sys; os.umask(0o022); from townhall.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
                          timeout=300, check=False, cwd=cwd)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_fresh_data_folder_and_its_database_are_owner_only(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o755)
    result = townhall(["migrate", "--no-input"], {"TOWNHALL_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    assert mode(data) == 0o700
    db = data / "townhall.sqlite3"
    assert db.stat().st_size > 0 and mode(db) == 0o600
    for extra in ("townhall.sqlite3-wal", "townhall.sqlite3-shm", "secret_key"):
        if (data / extra).exists():
            assert mode(data / extra) == 0o600, extra


def test_the_default_folder_is_created_owner_only(tmp_path):
    result = townhall(["migrate", "--no-input"], {"HOME": str(tmp_path)})  # a command that writes
    assert result.returncode == 0, result.stderr
    folder = tmp_path / ".local" / "share" / "townhall"
    assert mode(folder) == 0o700 and mode(folder / "townhall.sqlite3") == 0o600


def test_a_world_readable_database_from_before_is_tightened(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o750)
    db = data / "townhall.sqlite3"
    db.touch(mode=0o644)
    db.chmod(0o644)
    result = townhall(["system-check"], {"TOWNHALL_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    assert mode(db) == 0o600
    assert mode(data) == 0o750  # a folder already in use is the administrator's to set


def test_a_sqlite_database_url_is_created_owner_only(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    target = tmp_path / "elsewhere.sqlite3"
    env = {"TOWNHALL_DATA_DIR": str(data), "DATABASE_URL": f"sqlite:///{target}"}
    result = townhall(["migrate", "--no-input"], env)  # a command that writes (system-check creates nothing)
    assert result.returncode == 0, result.stderr
    assert mode(target) == 0o600
