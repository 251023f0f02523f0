"""bench/policy_guard.py, the guard every detection change is held to: it must count a lost risky
family and a newly flagged clean post as worse, a gain or a cleared post as not, and never print a
blind set's post unless asked."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def guard():
    sys.path.insert(0, str(REPO / "bench"))
    try:
        return importlib.import_module("policy_guard")
    finally:
        sys.path.remove(str(REPO / "bench"))


def _row(group: str, name: str, i: int, text: str, expect: list[str], clean: bool, got: list[str]) -> dict:
    return {"group": group, "set": name, "id": str(i), "text": text, "expect": expect, "clean": clean, "got": got}


def test_lost_and_newly_flagged_are_worse_gains_are_not(guard, capsys):
    before = [
        _row("training", "corpus", 1, "risky one", ["privacy"], False, ["privacy"]),
        _row("training", "corpus", 2, "risky two", ["brand"], False, []),
        _row("training", "corpus", 3, "clean one", [], True, []),
        _row("training", "corpus", 4, "clean two", [], True, ["abuse"]),
        _row("blind", "Z9", 1, "blind secret post", [], True, []),
    ]
    after = [
        _row("training", "corpus", 1, "risky one", ["privacy"], False, []),  # lost
        _row("training", "corpus", 2, "risky two", ["brand"], False, ["brand"]),  # gained
        _row("training", "corpus", 3, "clean one", [], True, ["copyright"]),  # newly flagged
        _row("training", "corpus", 4, "clean two", [], True, []),  # cleared
        _row("blind", "Z9", 1, "blind secret post", [], True, ["privacy"]),  # newly flagged, blind
    ]
    assert guard.compare(before, after, show_blind=False) == 3
    out = capsys.readouterr().out
    assert "lost privacy corpus:1" in out and "newly flagged corpus:3" in out
    assert "risky caught 1 -> 1/2 (lost 1, gained 1)" in out
    assert "clean flagged 1 -> 1/2 (new 1, cleared 1)" in out
    assert "blind secret post" not in out  # a yardstick's text is never printed by default
    assert "Z9" in out and "new 1" in out


def test_an_edited_post_is_not_compared(guard, capsys):
    before = [_row("training", "corpus", 1, "old words", ["privacy"], False, ["privacy"])]
    after = [_row("training", "corpus", 1, "new words", ["privacy"], False, [])]
    assert guard.compare(before, after, show_blind=False) == 0


def test_the_digest_follows_the_findings_only(guard):
    a = [_row("training", "corpus", 1, "x", ["privacy"], False, ["privacy"])]
    b = [_row("training", "corpus", 1, "x", ["privacy"], False, [])]
    assert guard.digest(a) != guard.digest(b)
    assert guard.digest(a) == guard.digest([dict(a[0], text="y")])


def test_a_bad_record_is_refused_before_the_run(guard, tmp_path):
    bad = tmp_path / "before.json"
    bad.write_text('{"not": "a list"', encoding="utf-8")
    with pytest.raises(SystemExit, match="cannot read the record"):
        guard.main(["--compare", str(bad)])
    bad.write_text('[{"set": "corpus"}]', encoding="utf-8")
    with pytest.raises(SystemExit, match="not a record written by --write"):
        guard.main(["--compare", str(bad)])
    with pytest.raises(SystemExit, match="cannot read the record"):
        guard.main(["--compare", str(tmp_path / "missing.json")])
