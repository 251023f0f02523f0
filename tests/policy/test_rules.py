"""Every rule's own examples, and the shared policy cases, as tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from townhall.policy import RISK_FAMILIES, Context, ImageRef, check, default_pack, mlbridge, rules_registry
from townhall.policy.doc import Doc
from townhall.policy.types import FAMILIES

REPO = Path(__file__).resolve().parents[2]
CASES = REPO.parent / "shared" / "examples" / "policy_cases.jsonl"

RULE_EXAMPLES = [
    pytest.param(rule, ex, id=f"{code}-{i}-{'flag' if ex.flag else 'pass'}")
    for code, rule in rules_registry().items()
    for i, ex in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule", "example"), RULE_EXAMPLES)
def test_rule_example(rule, example):
    if rule.needs_ml and not mlbridge.available():
        pytest.skip(mlbridge.status())
    ctx = Context(example.network, example.account, tuple(ImageRef(a) for a in example.alts))
    hits = list(rule.detector(Doc(example.text, ctx), default_pack().compiled()))
    assert bool(hits) == example.flag, (rule.code, example.text, hits)
    for h in hits:
        assert 0 <= h[0] <= h[1] <= len(example.text)


def test_registry_metadata_complete():
    reg = rules_registry()
    assert len(reg) >= 30
    seen_families = set()
    for code, r in reg.items():
        assert code[:3] in {"PRV", "CRD", "CIP", "CON", "ABU", "BRD", "CPY", "PLT", "ACC", "ENG", "PER"}
        assert r.family in FAMILIES and r.severity in {"block", "warn", "info"}
        assert r.clause and r.rationale and r.fix and r.name
        assert any(e.flag for e in r.examples) and any(not e.flag for e in r.examples), code
        seen_families.add(r.family)
    assert seen_families == set(FAMILIES)


def _cases():
    if not CASES.exists():
        return []
    return [json.loads(line) for line in CASES.read_text().splitlines() if line.strip()]


@pytest.mark.skipif(not CASES.exists(), reason="shared policy cases not present")
@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_policy_case(case):
    ctx = Context(case["network"], case["account"], [ImageRef(i["alt"]) for i in case["images"]])
    findings = check(case["text"], ctx)
    flagged = {f.family for f in findings if f.severity in ("block", "warn")}
    assert set(case["expect"]) <= flagged, (case["expect"], [f.to_dict() for f in findings])
    if case.get("clean"):
        assert not flagged & RISK_FAMILIES, [f.to_dict() for f in findings]


def test_context_changes_what_applies():
    text = "We fully support the strike and stand in solidarity with UCU."
    official = {f.severity for f in check(text, Context("x", "official")) if f.family == "contentious"}
    personal = {f.severity for f in check(text, Context("x", "personal")) if f.family == "contentious"}
    assert "block" in official
    assert personal <= {"info"}
    claim = "Official account of Example University Admissions - DM us for offers!"
    assert "brand" in {f.family for f in check(claim, Context("x", "personal"))}
    assert "brand" not in {f.family for f in check(claim, Context("x", "official")) if f.code == "BRD001"}


def test_institution_override_names():
    pack = default_pack().with_institution(["Aston University", "Aston"])
    fs = check("Aston University Admissions here - message me for your offer", Context("x", "personal"), pack)
    assert any(f.code == "BRD001" for f in fs)


def test_public_contact_is_not_personal_data():
    fs = check("Report misuse to the Director of Governance on 0121 204 4869.", Context("x", "official"))
    assert not any(f.family == "privacy" for f in fs)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Ring Dave on +44 7911 123456 if you want his old textbooks", "privacy"),
        ("Mr Okafor was suspended for plagiarism last week, what a shame", "privacy"),
        ("The github token is ghp_Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbAz9y", "credentials"),
        ("Please do not share: embargoed until Monday 9am, our Lancet study", "confidential-ip"),
        ("The Tories are a disgrace and must go at the next election", "contentious"),
        ("Image grabbed from Google Images, no idea who took it", "copyright"),
    ],
)
def test_generalises_beyond_examples(text, family):
    assert family in {f.family for f in check(text, Context("x", "official")) if f.severity in ("block", "warn")}


def test_finding_to_dict_wire_format():
    f = check("password: Tulips!2026", Context("x", "official"))[0]
    d = f.to_dict()
    assert list(d) == ["code", "family", "severity", "message", "clause", "span", "fix"]
    assert d["span"] == list(f.span)
