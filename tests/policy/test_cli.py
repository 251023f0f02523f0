"""The CLI contract: exit codes, jsonl output, malformed lines, rules/rule, colour."""

from __future__ import annotations

import io
import json

from townhall.policy.cli import main


def run(argv, stdin=None):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out, err)
    return code, out.getvalue(), err.getvalue()


def test_clean_post_exits_0():
    code, out, _ = run(["check", "Which experiment would you like to see next time?", "--network", "bluesky"])
    assert code == 0
    assert "no findings" in out


def test_blocking_post_exits_1_and_underlines():
    code, out, _ = run(["check", "Call Felix on 07700 900123", "--account", "personal"])
    assert code == 1
    assert "PRV001" in out and "^^^^" in out


def test_warn_only_exits_0():
    code, _, _ = run(["check", "Our new greenhouse is finally complete! What should we grow?", "--alt", ""])
    assert code == 0


def test_json_format():
    code, out, _ = run(["check", "password: Tulips!2026", "--format", "json"])
    assert code == 1
    data = json.loads(out)
    assert data["findings"][0]["code"] == "CRD001"
    assert data["limit"] == 280


def test_jsonl_input_with_malformed_line(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(
        json.dumps({"id": "a", "network": "x", "account": "official", "text": "Hello, what do you think?"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b", "network": "bluesky", "account": "official", "text": "Pic", "images": [{"alt": ""}],
                      "extra": 1}) + "\n"
        + json.dumps({"id": "c", "network": "myspace", "text": "x"}) + "\n"
    )
    code, out, err = run(["check", "--input", str(f), "--format", "jsonl"])
    assert code == 2
    assert ":2:" in err and ":4:" in err
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    assert lines[0]["findings"] == []
    fam = {x["family"] for x in lines[1]["findings"]}
    assert "accessibility" in fam
    first = lines[1]["findings"][0]
    assert set(first) == {"code", "family", "severity", "message", "clause", "span", "fix"}


def test_jsonl_exit_1_when_a_line_blocks(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": 1, "network": "x", "account": "official", "text": "pw: Hunter2!x"}) + "\n")
    assert run(["check", "--input", str(f), "--format", "jsonl"])[0] == 1


def test_bad_usage_exits_2():
    assert run(["check", "x", "--network", "myspace"])[0] == 2
    assert run(["frobnicate"])[0] == 2
    assert run(["check", "--input", "/nonexistent/file.jsonl"])[0] == 2


def test_bad_pack_exits_2_with_line(tmp_path):
    p = tmp_path / "pack.yaml"
    p.write_text("institution:\n  name: Aston\nfamilies:\n  privacy: {official: sometimes}\n")
    code, _, err = run(["check", "hello", "--policy", str(p)])
    assert code == 2
    assert "pack.yaml:4: families.privacy.official" in err


def test_institution_flag():
    code, out, _ = run(["check", "Official account of Aston University Admissions", "--account", "personal",
                        "--institution", "Aston University", "--format", "json"])
    assert code == 1
    assert any(f["family"] == "brand" for f in json.loads(out)["findings"])


def test_rules_and_rule():
    code, out, _ = run(["rules"])
    assert code == 0 and "PRV001" in out and "ENG001" in out
    code, out, _ = run(["rule", "prv001"])
    assert code == 0 and "phone-number" in out and "guidance:" in out
    assert run(["rule", "XXX999"])[0] == 2


def test_colour_only_when_forced(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    _, out, _ = run(["check", "pw: Hunter2!x"])
    assert "\033[" not in out
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = run(["check", "pw: Hunter2!x"])
    assert "\033[4m" in out


def test_eval_dev_only_leaves_the_held_back_part_out(tmp_path):
    """While rules are tuned, the held-back figure must not be looked at on every run: --dev-only
    prints the dev parts and not the held-back one (an empty data folder keeps the run short)."""
    (tmp_path / "data").mkdir()
    code, out, _ = run(["eval", "--dev-only", "--data", str(tmp_path)])
    assert code == 0
    assert "dev part" in out and "heldout" not in out
    code, out, _ = run(["eval", "--data", str(tmp_path)])
    assert "heldout part" in out
