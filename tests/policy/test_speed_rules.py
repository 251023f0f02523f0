"""The substring and token gates put in front of the rules' costly patterns never hide a match.

A gate is a necessary condition: the pattern can only match a post that passes it, so a rule that
skips the pattern when the gate fails gives the same findings. Each gate is checked against its
pattern on the bench's TweetEval texts (when the shared data folder is there), the hand-written
corpus lines and the dev cases, each also lower-cased, plus a few phrasings per branch written to
hit the rarer branches: wherever the pattern matches, the gate must pass. (The whole rule set's
output is compared by bench/policy_findings_diff.py on 20,000 texts in three contexts.)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import regex

from townhall.policy.doc import Doc
from townhall.policy.evaluate import find_data_dir
from townhall.policy.rules import common, copyright, privacy
from townhall.policy.types import Context

REPO = Path(__file__).resolve().parents[2]
# Characters whose case folding differs between engines or flags: the gates must let them through.
ODD = ["ſecret between uſ", "the \u212aeep it quiet", "İ'm on the panel", "NDA'D", "(CONFIDENTIAL) list", "wWw.x.CO.UK"]
_CTX = Context()


def _corpus() -> list[str]:
    out: list[str] = []
    for p in sorted((REPO / "townhall/policy/data/corpus").glob("*.txt")):
        out += [line.split(" | ", 1)[1] for line in p.read_text(encoding="utf-8").splitlines() if " | " in line]
    for line in (REPO / "tests/policy/cases/dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line)["text"])
    return out


def _bench(n: int) -> list[str]:
    data = find_data_dir(None)
    if data is None:
        return []
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from policy_bench import load_texts
    finally:
        sys.path.remove(str(REPO / "bench"))
    return load_texts(data, n)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    base = _corpus() + _bench(6000) + ODD
    assert len(base) > 1000  # the corpus alone holds well over a thousand lines
    return base + [t.lower() for t in base]


def _gate_holds(
    texts: list[str], pattern: regex.Pattern, gate: Callable[[Doc], bool], on: str, branches: list[str]
) -> None:
    """Wherever ``pattern`` matches the doc's ``on`` view ('text', 'lower' or 'masked'), ``gate``
    passes; every phrasing in ``branches`` matches (so each branch is exercised)."""
    matched = passed = 0
    for t in [*texts, *branches]:
        doc = Doc(t, _CTX)
        ok = gate(doc)
        passed += ok
        if pattern.search(getattr(doc, on)) is not None:
            matched += 1
            assert ok, t
    for b in branches:
        assert pattern.search(getattr(Doc(b, _CTX), on)) is not None, b
    assert passed < len(texts) + len(branches)  # the gate does reject posts


def test_may_hold_lets_long_s_through() -> None:
    assert common.may_hold("ſue me", ("sue",)) and not common.may_hold("issu", ("sue",))


def test_evasion_gate(texts: list[str]) -> None:
    _gate_holds(texts, copyright._EVASION_RE, lambda d: copyright._may_evade(d.masked), "masked", [
        "sort out the license later", "fair use, right?", "don't tell the photographer", "hope Jo Bloggs won't mind",
        "cropped out the watermark", "credit off", "got it without paying", "no need to ask",
        "the author doesn't know", "so you don't need to log in", "pasted it below", "only has one licence",
        "it's normally £40", "a dodgy site", "we're sure they'd be happy", "they'll never notice",
        "via google images", "not sure who took it", "no idea who made this", "didn't ask", "no credit needed",
        "without attribution", "lifted straight from", "scanned every page", "screenshotted all the slides",
        "watch it live, no sky needed", "stream it without a subscription", "cracked copy", "free keygen",
        "pirate streams", "won't need to buy a license", "watermark removed", "subscribers only",
        "members-only article", "can sue me", "photocopied half the textbook", "behind a paywall",
    ])


def test_whole_and_paid_work_gates(texts: list[str]) -> None:
    _gate_holds(texts, copyright._WHOLE_RE, lambda d: common.may_hold(d.masked, copyright._WHOLE_STEMS), "masked", [
        "the full text of", "the whole pdf", "scanned in full", "entire of chapter", "first chapter of the new",
        "complete recording",
    ])
    _gate_holds(
        texts, copyright._PAID_WORK_RE, lambda d: common.may_hold(d.masked, copyright._PAID_WORK_STEMS), "masked",
        ["the paid-for report", "subscriber-only briefing", "members only dataset", "the report we purchased",
         "the book i bought", "the survey our team subscribed to", "the font we licensed"],
    )


def test_third_media_gate(texts: list[str]) -> None:
    _gate_holds(
        texts, copyright._THIRD_MEDIA_RE, lambda d: common.may_hold(d.lower, copyright._THIRD_MEDIA_STEMS), "text", [
            "a photo from Reuters", "the new Taylor Swift single", "track by Adele", 'our video features "Hey"',
            "clipped it from a blog", "publisher's figures", "the tune was Wonderwall",
            "taken by a Getty photographer", "used the Nike logo", "the meme is from reddit",
            "borrowed from an artist", "the article belongs to", "pasted chapter 3", "a famous Banksy mural",
            "from shutterstock", "printed 30 copies",
        ])


def test_sensitive_token_gate(texts: list[str]) -> None:
    """PRV005 looks only in windows around its word sets' words (or a figure before '%')."""
    for t in texts:
        doc = Doc(t, _CTX)
        present = common.token_set(doc.masked)
        if "%" in t:
            continue
        for _pattern, _what, words in privacy._SENSITIVE:
            if words.isdisjoint(present):
                assert all(w not in words for _s, _e, w in common.tokens(doc.masked)), t


def test_insider_gate(texts: list[str]) -> None:
    from townhall.policy.rules import confidential

    _gate_holds(texts, confidential._INSIDER_RE, lambda d: confidential._may_insider(d.masked), "masked", [
        "she told me in confidence", "said it privately", "i'm not supposed to say", "we are not allowed to share",
        "wasn't meant to hear", "told by hr not to share", "hush-hush", "inside info", "keep it to yourselves",
        "don't tell anyone i told you", "nobody's been told yet", "accidentally forwarded me", "landed in my inbox",
        "i've got a copy", "got my hands on", "shared by a friend, don't ask", "let slip",
        "someone on the appointments panel", "can't go into the details", "can't say much yet but",
        "don't want this out", "got a sneak peek at", "had a look at", "before the senate votes",
        "would kill me if", "shouldn't really be posting", "tech transfer office said to wait",
        "my contact at the treasury", "a friend on the grants panel says", "somebody from smt said",
    ])


def test_c4_alone_gate(texts: list[str]) -> None:
    _gate_holds(texts, copyright._C4_ALONE_RE, lambda d: copyright._may_alone(d.masked), "masked", [
        "cropped the watermark", "watermark barely visible", "word for word", "ctrl+c", "who's gonna know",
        "if they complain", "not asked anyone", "said it was mine", "traced it", "none the wiser",
        "cut their handle out", "is someone else's", "no idea whose", "pic: google", "if anyone asks",
        "pay for it later", "without crediting her", "sans the watermark", "free exposure for them", "all 40 pages",
        "dunno who took", "can't remember the name of", "can't find anymore", "12 pages copied straight from",
        "recorded the whole livestream", "added the clip into our", "so it's ours", "content id", "getty watermark",
        "dodgy pdf", "solutions manual", "credited none", "never credit", "photo not mine",
        "passing it off as my own", "made it our own", "as if it was mine", "making it my own",
        "ripped it off the telly", "ripped the dvd", "entire textbook as", "the best 5 minutes of it",
    ])
