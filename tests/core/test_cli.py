"""The `townhall` console script as a user meets it: real processes, real files."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest


def run(args, data_dir, timeout=120, **env):
    full_env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    full_env.update(TOWNHALL_DATA_DIR=str(data_dir), **env)
    return subprocess.run(
        [sys.executable, "-m", "townhall", *args],
        capture_output=True, text=True, timeout=timeout, env=full_env, check=False,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def demo_dir(tmp_path):
    result = run(["demo", "--no-serve", "--no-input"], tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_audit_verify_passes_on_demo_data_and_fails_after_an_edit(demo_dir):
    ok = run(["audit", "verify"], demo_dir)
    assert ok.returncode == 0, ok.stderr
    assert "intact" in ok.stdout
    with sqlite3.connect(demo_dir / "townhall.sqlite3") as db:
        db.execute("UPDATE audit_auditentry SET actor_label = 'mallory' WHERE seq = 1")
    broken = run(["audit", "verify"], demo_dir)
    assert broken.returncode != 0
    assert "broken at entry #1" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_a_wrong_database_url_is_one_clear_sentence(tmp_path):
    result = run(["migrate"], tmp_path, DATABASE_URL="mysql2://nobody@nowhere/db")
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_number_setting_that_is_not_a_number_is_one_clear_sentence(tmp_path):
    result = run(["migrate"], tmp_path, TOWNHALL_LISTENING_RETENTION_DAYS="ninety")
    assert result.returncode == 2
    assert result.stderr.strip() == "townhall: TOWNHALL_LISTENING_RETENTION_DAYS must be a whole number, not 'ninety'."


def test_an_unreachable_database_is_one_clear_sentence(tmp_path):
    port = free_port()  # nothing listens there
    result = run(["migrate"], tmp_path, DATABASE_URL=f"postgres://nobody@127.0.0.1:{port}/townhall")
    assert result.returncode == 2
    assert "cannot use the database" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_data_folder_is_one_clear_sentence(tmp_path):
    result = run(["migrate"], tmp_path / "does-not-exist")
    assert result.returncode == 2
    assert "TOWNHALL_DATA_DIR" in result.stderr and "Traceback" not in result.stderr


def test_a_port_in_use_is_one_clear_sentence(demo_dir):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(["serve", "--port", str(port)], demo_dir)
    assert result.returncode != 0
    assert "already in use" in result.stderr and "Traceback" not in result.stderr


PRODUCTION_ENV = {
    "TOWNHALL_PRODUCTION": "1",
    "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-0123456789",
    "ALLOWED_HOSTS": "social.example.ac.uk",
    "TOWNHALL_BASE_URL": "https://social.example.ac.uk",
    "TOWNHALL_VAULT_KEYS": "0" * 43 + "=",  # a well-formed Fernet key
    "TOWNHALL_AUDIT_KEYS": "an-audit-key-from-the-secret-store-0123456789",
}


@pytest.mark.parametrize("smtp", ["", "smtp://townhall:secret@mail.example.ac.uk:587?tls=1"])
def test_production_mode_passes_the_deploy_checks(tmp_path, smtp):
    args = ["system-check", "--deploy", "--fail-level", "WARNING"]
    result = run(args, tmp_path, **PRODUCTION_ENV, TOWNHALL_SMTP_URL=smtp)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_fails_without_the_vault_keys(tmp_path):
    env = {**PRODUCTION_ENV, "TOWNHALL_VAULT_KEYS": ""}
    result = run(["system-check", "--deploy"], tmp_path, **env)
    assert result.returncode != 0
    assert "TOWNHALL_VAULT_KEYS is not set" in result.stdout + result.stderr


def test_production_mode_refuses_to_start_without_a_secret_key(tmp_path):
    result = run(["migrate"], tmp_path, TOWNHALL_PRODUCTION="1", ALLOWED_HOSTS="x.example")
    assert result.returncode == 2 and "SECRET_KEY" in result.stderr


@pytest.mark.slow
def test_demo_comes_up_with_a_working_site(tmp_path):
    """How fast it starts is for a benchmark; the deadline here only stops a hung demo from hanging CI."""
    port = free_port()
    env = {**os.environ, "TOWNHALL_DATA_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    env.pop("DATABASE_URL", None)
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "townhall", "demo", "--port", str(port), "--no-input"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/login/"
        while True:
            assert time.monotonic() - started < 300, "the demo did not come up within five minutes"
            assert proc.poll() is None, proc.stdout.read()
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    assert response.status == 200
                    assert "Sign in" in response.read().decode()
                    break
            except OSError:
                time.sleep(0.3)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        output, _ = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in output
    assert "dana" in output and "townhall-demo-2026" in output


def test_policy_commands_do_not_need_django_or_a_database(tmp_path):
    result = run(["rules"], tmp_path / "missing", DATABASE_URL="bogus://")
    assert result.returncode == 0, result.stderr
    assert "PRV" in result.stdout
