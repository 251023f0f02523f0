"""Detection that generalises (issue 12): the probes from the issue, the clauses that had no
rule, severities that depend on framing and on replies, and the evaluation set's own shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from townhall.policy import Context, check
from townhall.policy.tagger import address_spans, name_probability
from townhall.policy.types import RISK_FAMILIES

CASES = Path(__file__).resolve().parent / "cases"


def _flagged(text: str, ctx: Context) -> set[str]:
    return {f.family for f in check(text, ctx) if f.severity in ("block", "warn")}


@pytest.mark.parametrize(
    ("text", "account", "family"),
    [
        ("Drop it round to Sarah's, 12 Acacia Avenue, Leeds LS1 4AB, she's got it", "personal", "privacy"),
        ("Just share the login with the students so they can all post", "personal", "credentials"),
        ("Lovely photo of the quad from Google Images, not sure who took it", "official", "copyright"),
        ("I copied the Guardian article below so you don't hit the paywall", "personal", "copyright"),
        ("I tweaked the logo for our running club shirts", "personal", "brand"),
        ("A manager told us in confidence that Chemistry will be shut next year", "personal", "confidential-ip"),
        ("Here is exactly how our new sensor works, before we patent it", "personal", "confidential-ip"),
        ("Can someone call me on 9472 7916? The lab door is stuck", "official", "privacy"),
        ("The code is 482913, can someone type it in before it expires?", "personal", "credentials"),
        ("Nkechi from my MA class overstayed her student visa", "personal", "privacy"),
        ("My card 2623322164608847 was declined at the conference desk", "official", "privacy"),
        ("It's only the staff WhatsApp group so I can say it: the Dean is a liability", "personal", "personal-use"),
    ],
)
def test_issue_probes(text, account, family):
    assert family in _flagged(text, Context("x", account))


def test_disclaimer_lowers_personal_use_but_not_reputation():
    ctx = Context("x", "personal")
    mild = check("Views my own, but the University's hiring freeze is a mistake and management is useless.", ctx)
    assert {f.severity for f in mild if f.code == "PER001"} == {"info"}
    harsh = check("Views my own: my university is lying to applicants about graduate jobs.", ctx)
    assert any(f.code == "PER003" and f.severity == "warn" for f in harsh)
    bare = check("Management here are useless, the University has frozen hiring again.", ctx)
    assert any(f.code == "PER001" and f.severity == "warn" for f in bare)


def test_broadcast_advice_only_on_original_posts():
    text = "Delighted to announce a new partnership with a regional NHS trust."
    assert any(f.code == "ENG002" for f in check(text, Context("linkedin", "official")))
    assert not any(f.code == "ENG002" for f in check(text, Context("linkedin", "official", is_reply=True)))


def test_shouting_in_capitals_warns():
    fs = check("DON'T MISS OUR OPEN DAY THIS SATURDAY, BOOK NOW", Context("x", "official"))
    assert any(f.code == "ACC003" and f.severity == "warn" for f in fs)


@pytest.mark.parametrize(
    "text",
    [
        "Our Student Hub is at 25 Aston Street, Birmingham B4 7ET, open 9am-5pm weekdays.",
        "Questions? Call Admissions on 0121 204 4869 or email admissions@example.ac.uk.",
        "Lost property can be collected from Reception, Aston Triangle, Birmingham B4 7ET.",
        "Forgotten your password? Reset it at https://password.example.ac.uk or call 0121 204 4869.",
        "Patent granted! Our self-healing concrete is now protected and licensed to industry.",
        "Photo: the library at dusk, by our student photographer Kai Wong, shared with his permission.",
    ],
)
def test_institutions_own_details_and_near_misses_stay_clean(text):
    assert not _flagged(text, Context("linkedin", "official")) & RISK_FAMILIES


def test_every_finding_has_span_clause_and_fix():
    text = ("Pay Jo at GB33 BUKB 2020 1555 5555 55 and ring her on 07845 219 376, "
            "she lives at 4 Clifton Road, Bristol BS8 1AB")
    fs = check(text, Context("x", "personal"))
    assert {f.code for f in fs} >= {"PRV001", "PRV003", "PRV004"}
    for f in fs:
        assert 0 <= f.span[0] <= f.span[1] <= len(text) and f.clause and f.fix


def test_address_tagger_learned_not_listed():
    text = "Tilly lives at 5049 Harjukuja 54, Seinäjoki and works in room 214 at 3pm"
    spans = address_spans(text)
    assert spans and "Harjukuja" in text[spans[0][0] : spans[0][1]]
    assert all("214" not in text[s:e] for s, e, _p in spans)


def test_name_model_generalises_beyond_the_list():
    assert name_probability("Elodie") > 0.5 and name_probability("Kacper") > 0.5
    assert name_probability("Chemistry") < 0.2 and name_probability("Monday") < 0.2


def _load(name: str) -> list[dict]:
    return [json.loads(x) for x in (CASES / name).read_text(encoding="utf-8").splitlines() if x.strip()]


def test_evaluation_set_shape():
    dev, held = _load("dev.jsonl"), _load("heldout.jsonl")
    extra = _load("dev_extra.jsonl")  # written later, for the dev side only
    assert len(extra) >= 150 and sum(c["clean"] for c in extra) >= 30
    dev_ids = {c["id"] for c in dev}
    assert not {c["id"] for c in extra} & (dev_ids | {c["id"] for c in held})
    assert not {c["text"] for c in extra} & ({c["text"] for c in dev} | {c["text"] for c in held})
    assert not dev_ids & {c["id"] for c in held}
    assert not {c["text"] for c in dev} & {c["text"] for c in held}
    allc = dev + held
    assert len([c for c in allc if c["clean"]]) >= 150
    assert len([c for c in allc if not c["clean"]]) >= 490
    for fam in ("privacy", "credentials", "confidential-ip", "contentious", "abuse", "brand", "copyright",
                "personal-use"):
        assert sum(fam in c["expect"] for c in allc) >= 30, fam


def test_dev_part_recall_per_family():
    """Tuned on dev: a regression guard (the held-back part is only measured, by townhall eval)."""
    hits: dict[str, list[bool]] = {}
    for c in _load("dev.jsonl"):
        got = _flagged(c["text"], Context(c["network"], c["account"]))
        for fam in c["expect"]:
            hits.setdefault(fam, []).append(fam in got)
        if c["clean"]:
            assert not got & (RISK_FAMILIES | {"personal-use"}) - {"abuse"}, (c["id"], got)
    for fam, xs in hits.items():
        if fam != "abuse":  # the abuse family is the classifier's, measured on TweetEval
            assert sum(xs) / len(xs) >= 0.9, fam


def test_dev_extra_clean_posts_get_no_risk_finding():
    """The later-written near-misses (security advice, the institution's own address and phone,
    licensed music, research on divisive topics) stay clean: precision guard for that part."""
    for c in _load("dev_extra.jsonl"):
        if c["clean"]:
            got = _flagged(c["text"], Context(c["network"], c["account"]))
            assert not got & (RISK_FAMILIES | {"personal-use"}) - {"abuse"}, (c["id"], got)
