"""Asking `townhall` a question leaves nothing behind (issue 15, CLI and start-up).

Before, `townhall --help` or `townhall status` on a fresh data folder started Django, whose
settings created the secret key, a static folder and an empty SQLite file; `status` then
blamed the database server. Real processes with a data folder of their own, so what is
checked is what a person sees on a fresh machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def townhall(args: list[str], data_dir: Path | None, home: Path, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TOWNHALL_")
        and k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(HOME=str(home), PYTHONPATH=str(REPO), TOWNHALL_LOG_LEVEL="WARNING")
    if data_dir is not None:
        env["TOWNHALL_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "townhall", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=home,
        check=False,
    )


def everything_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def fresh(tmp_path):
    data, home = tmp_path / "data", tmp_path / "home"
    data.mkdir()
    home.mkdir()
    return data, home


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["help"],
        ["status", "--help"],
        ["otp", "--help"],
        ["help", "worker"],
        ["system-check"],
        ["rules"],
        ["rule", "ABU001"],
        ["check", "Open day on Saturday"],
    ],
)
def test_questions_create_nothing_in_the_data_folder(fresh, args):
    data, home = fresh
    result = townhall(args, data, home)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert everything_under(data) == [], args
    assert everything_under(home) == [], args


def test_help_without_a_data_folder_creates_none_under_home(fresh):
    _, home = fresh
    result = townhall(["--help"], None, home)
    assert result.returncode == 0, result.stderr
    assert "Run Townhall:" in result.stdout and "(The other commands need" not in result.stdout
    assert everything_under(home) == []


def test_status_on_a_fresh_folder_says_there_is_no_database_yet_and_creates_none(fresh):
    data, home = fresh
    result = townhall(["status"], data, home)
    assert result.returncode == 2
    message = result.stderr.strip()
    assert message == (
        f"townhall: there is no Townhall database in {data} yet: run `townhall migrate` (or `townhall demo`) first."
    )
    assert "server" not in message and "Traceback" not in message
    assert everything_under(data) == []


def test_status_without_a_data_folder_names_the_default_one_and_creates_it_not(fresh):
    _, home = fresh
    result = townhall(["status"], None, home)
    assert result.returncode == 2
    assert f"no Townhall database in {home}/.local/share/townhall yet" in result.stderr
    assert "run `townhall migrate`" in result.stderr
    assert everything_under(home) == []


def test_the_instance_policy_on_a_fresh_folder_is_refused_plainly_and_creates_nothing(fresh):
    data, home = fresh
    result = townhall(["check", "--policy", "current", "Open day on Saturday"], data, home)
    assert result.returncode == 2
    assert f"there is no Townhall database in {data} yet" in result.stderr
    assert everything_under(data) == []


def test_migrate_still_creates_the_database_owner_only(fresh):
    """The other side: a command that writes makes the folder's files, private."""
    data, home = fresh
    result = townhall(["migrate", "--no-input"], data, home, timeout=300)
    assert result.returncode == 0, result.stderr
    database = data / "townhall.sqlite3"
    assert database.stat().st_size > 0 and database.stat().st_mode & 0o077 == 0
    assert (data / "secret_key").stat().st_mode & 0o077 == 0
    status = townhall(["status"], data, home)
    assert "no Townhall database" not in status.stderr and "Traceback" not in status.stderr


def test_status_on_a_database_without_tables_says_migrate_not_the_server(fresh):
    data, home = fresh
    import sqlite3

    with sqlite3.connect(data / "townhall.sqlite3") as db:
        db.execute("CREATE TABLE unrelated (x)")
    result = townhall(["status"], data, home)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"townhall: there is no Townhall database in {data / 'townhall.sqlite3'} yet (it has no tables): "
        "run `townhall migrate` (or `townhall demo`) first."
    )


def test_a_postgresql_database_that_does_not_exist_is_named(fresh, monkeypatch):
    """Not "is the server running?": the server answered, the database is not there."""
    import socket

    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", 5432)) != 0:
            pytest.skip("no PostgreSQL on 127.0.0.1:5432")
    data, home = fresh
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/townhall_no_such_database_15")
    env_url = os.environ["DATABASE_URL"]
    result = subprocess.run(
        [sys.executable, "-m", "townhall", "status"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=home,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("TOWNHALL_")},
            "HOME": str(home),
            "PYTHONPATH": str(REPO),
            "TOWNHALL_DATA_DIR": str(data),
            "DATABASE_URL": env_url,
        },
    )
    assert result.returncode == 2
    if "password authentication" in result.stderr or "no pg_hba.conf" in result.stderr:
        pytest.skip("this PostgreSQL asks for a password")
    assert result.stderr.strip() == (
        "townhall: the database townhall_no_such_database_15 does not exist on 127.0.0.1: create it "
        "(`createdb townhall_no_such_database_15`), then run `townhall migrate`."
    )
    assert everything_under(data) == []
