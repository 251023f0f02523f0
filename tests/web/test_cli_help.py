"""`townhall --help`: Townhall's own commands first, grouped, one line each; Django's under Other."""

from __future__ import annotations

import io

from townhall.cli import print_help


def test_help_lists_townhall_commands_first_grouped_one_line_each():
    out = io.StringIO()
    assert print_help(out) == 0
    text = out.getvalue()
    policy, rest = text.split("Run Townhall:", 1)
    for name in ("check", "rules", "rule", "eval"):
        assert f"\n  {name} " in policy
    ours, other = rest.split("Other (Django and libraries; rarely needed):", 1)
    for name in ("demo", "serve", "worker", "status", "migrate", "system-check", "post", "accounts", "listen",
                 "audit", "policy"):
        assert f"\n  {name} " in ours, name
    for name in ("flush", "squashmigrations", "sqlflush"):
        assert name in other and f"\n  {name} " not in ours
    lines = [line for line in ours.splitlines() if line.startswith("  ")]
    assert all(len(line) <= 110 for line in lines), [line for line in lines if len(line) > 110]


def test_status_on_a_data_folder_without_a_database_says_run_migrate(tmp_path, monkeypatch, capsys):
    from townhall.cli import main

    monkeypatch.setenv("TOWNHALL_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert main(["status"]) == 2
    assert "run `townhall migrate`" in capsys.readouterr().err
    assert not (tmp_path / "townhall.sqlite3").exists()


def test_eval_without_data_says_where_the_data_comes_from(tmp_path, monkeypatch, capsys):
    from townhall.policy import evaluate

    monkeypatch.setattr(evaluate, "find_data_dir", lambda explicit: None)
    import argparse
    import io

    err = io.StringIO()
    assert evaluate.run_eval(argparse.Namespace(data=None), io.StringIO(), err) == 2
    assert "shared data folder" in err.getvalue() and "--data DIR" in err.getvalue()


def test_eval_with_a_data_folder_that_holds_no_data_says_so_and_reads_nothing_else(tmp_path):
    """`--data DIR` is the only place looked at: no quiet fallback to ../shared."""
    import argparse
    import io

    from townhall.policy import evaluate

    assert evaluate.find_data_dir(str(tmp_path / "nowhere")) is None
    err = io.StringIO()
    assert evaluate.run_eval(argparse.Namespace(data=str(tmp_path / "nowhere")), io.StringIO(), err) == 2
    assert "nowhere holds no evaluation data" in err.getvalue()
