"""Academic freedom: research accounts (and posts marked scholarly) may discuss divisive topics;
party-political endorsement and campaigning still blocks. 42 scholarly posts, 8 endorsements."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml

from townhall.policy import Context, check
from townhall.policy.cli import main
from townhall.policy.pack import DEFAULT_PACK_PATH, pack_from_text

DATA = Path(__file__).with_name("data") / "academic_freedom.jsonl"
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
SCHOLARLY = [c for c in CASES if c["expect"] == "no-block"]
PARTISAN = [c for c in CASES if c["expect"] == "block"]


def test_the_set_is_large_enough():
    assert len(SCHOLARLY) >= 40 and len(PARTISAN) >= 8


@pytest.mark.parametrize("case", SCHOLARLY, ids=[c["id"] for c in SCHOLARLY])
def test_scholarly_posts_never_block_on_research_accounts(case):
    findings = check(case["text"], Context(case["network"], "research"))
    assert [f.code for f in findings if f.severity == "block"] == []


@pytest.mark.parametrize("case", PARTISAN, ids=[c["id"] for c in PARTISAN])
def test_party_political_endorsement_still_blocks(case):
    for ctx in (Context(case["network"], "research"), Context(case["network"], "official", scholarly=True)):
        blocks = [f for f in check(case["text"], ctx) if f.severity == "block"]
        assert [f.code for f in blocks] == ["CON001"], case["text"]


def test_some_of_the_set_would_block_on_an_official_account():
    """The set is not trivially harmless: the relaxation is what lets these through. (Since round 9 a
    debate put as a question in a talk or a debate night, 'Debate night: should assisted dying be
    legal?', is clean on official accounts too, as the guidance on debate framed as debate asks, so
    fewer of the set block there than the five that did; posts stating a finding still do.)"""
    blocked = [c for c in SCHOLARLY if any(f.severity == "block" for f in check(c["text"], Context("bluesky")))]
    assert len(blocked) >= 1
    relaxed = check(blocked[0]["text"], Context("bluesky", "official", scholarly=True))
    assert any(f.code == "CON001" and f.severity == "info" and "academic freedom" in f.message for f in relaxed)


def test_other_families_still_apply_on_research_accounts():
    found = check("Results are in! Call me on 07700 900123 to discuss the election study.", Context("x", "research"))
    assert any(f.code == "PRV001" and f.severity == "block" for f in found)


def test_the_pack_says_which_rules_are_relaxed():
    text = DEFAULT_PACK_PATH.read_text(encoding="utf-8") + "academic_freedom:\n  relaxed_rules: []\n"
    strict = pack_from_text(text)
    # the first of the set that blocks on official accounts
    post = next(
        c["text"] for c in SCHOLARLY if any(f.severity == "block" for f in check(c["text"], Context("bluesky")))
    )
    assert any(f.severity == "block" for f in check(post, Context("bluesky", "research"), strict))
    assert not any(f.severity == "block" for f in check(post, Context("bluesky", "research")))


def test_research_family_setting_falls_back_to_official():
    data = yaml.safe_load(DEFAULT_PACK_PATH.read_text(encoding="utf-8"))
    data["families"]["abuse"] = {"official": "warn", "personal": "default"}
    text = yaml.safe_dump(data)
    pack = pack_from_text(text)
    assert pack.family_setting("abuse", "research", "x") == "warn"


def test_cli_account_research_and_input_lines(tmp_path):
    out = io.StringIO()
    assert main(["check", PARTISAN[0]["text"], "--account", "research"], out, io.StringIO()) == 1
    assert main(["check", SCHOLARLY[3]["text"], "--account", "research"], io.StringIO(), io.StringIO()) == 0
    assert main(["check", SCHOLARLY[3]["text"], "--scholarly"], io.StringIO(), io.StringIO()) == 0
    out = io.StringIO()
    assert main(["check", "--input", str(DATA), "--format", "jsonl"], out, io.StringIO()) == 1
    results = {json.loads(line)["id"]: json.loads(line)["findings"] for line in out.getvalue().splitlines()}
    assert all(not any(f["severity"] == "block" for f in results[c["id"]]) for c in SCHOLARLY)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "hi", "account": "research", "scholarly": "yes"}\n')
    err = io.StringIO()
    assert main(["check", "--input", str(bad)], io.StringIO(), err) == 2
    assert "'scholarly' must be true or false" in err.getvalue()
