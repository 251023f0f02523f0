"""The substring and token gates put in front of the rules' costly patterns never hide a match.

A gate is a necessary condition: the pattern can only match a post that passes it, so a rule that
skips the pattern when the gate fails gives the same findings. Each gate is checked against its
pattern on the bench's TweetEval texts (when the shared data folder is there), the hand-written
corpus lines and the dev cases, each also lower-cased, plus a few phrasings per branch written to
hit the rarer branches: wherever the pattern matches, the gate must pass. (The whole rule set's
output is compared by bench/policy_findings_diff.py on 20,000 texts in three contexts.)
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import regex

from townhall.policy.doc import Doc
from townhall.policy.rules import common, confidential, copyright, privacy
from townhall.policy.types import Context

from .test_speed_regex import ODD, _bench, _corpus

_CTX = Context()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    base = _corpus() + _bench(3000) + ODD
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


def test_invite_gate(texts: list[str]) -> None:
    from townhall.policy.rules import engagement

    _gate_holds(
        texts, engagement._INVITE_RE, lambda d: "?" in d.masked or engagement._INVITE_GATE.may_match(d.masked),
        "masked", ["let us know", "tell us", "share your", "show us", "send us", "tag a friend", "comment below",
                   "replies welcome", "drop us a line", "dm us", "message us", "get in touch", "ask questions",
                   "bring your", "join us", "come along", "see you", "say hi", "vote in", "poll", "what do you",
                   "which", "who will", "how would you", "apply", "register", "sign up", "book now", "rsvp",
                   "we'd love to hear", "have your say", "contact us", "chat", "questions", "enter", "nominate",
                   "congratulations", "thank you", "thanks", "welcome", "huh?"],
    )
    for t in texts:
        doc = Doc(t, _CTX)
        assert engagement._invites(doc) == (engagement._INVITE_RE.search(doc.masked) is not None), t


def test_address_gate_branch_by_branch(texts: list[str]) -> None:
    """PRV004/PRV006's tagger gate: the branches tried one by one give the whole pattern's answer."""
    extra = ["12 Acacia Avenue", "lives at flat 3", "SUİTE 5", "ſtreet", "Harjukuja 54, Seinäjoki", "Box 12",
             "Elm Grove 27\nLeeds", "x 7 pm", "ab\u00a012 Main"]
    hits = 0
    for t in [*texts, *extra]:
        want = privacy._ADDRESS_GATE_RE.search(t) is not None
        assert privacy._address_gate(t, Doc(t, _CTX).lower) == want, t
        hits += want
    assert hits > 100


def test_caps_run_count_bounds_capitals_words(texts: list[str]) -> None:
    """ACC003's pre-count: in ASCII text, [A-Z]{2,} runs are at least as many as capitals words."""
    from townhall.policy.rules import accessibility

    for t in [*texts, "DON'T MISS OUR OPEN DAY", "NHS-UCAS UK_OK ABCdef"]:
        if t.isascii():
            assert len(accessibility._ASCII_CAPS_RUN.findall(t)) >= len(accessibility._UPPER_WORD.findall(t)), t


def test_money_number_gates(texts: list[str]) -> None:
    """PRV003: SSNs need nine digits and a hyphen, cards twelve digits, IBANs 'XX00', ID numbers a word."""
    extra = ["SSN 123-45-6789", "Card 4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "Student ID 20219876",
             "Payroll no: 1234", "\u0661\u0662\u0663-\u0664\u0665-\u0666\u0667\u0668\u0669", "ſtudent id 1234"]
    for t in [*texts, *extra]:
        digits = len(privacy._ANY_DIGIT_RE.findall(t))
        if privacy._SSN_RE.search(t):
            assert digits >= 9 and "-" in t, t
        if privacy._CARD_RE.search(t):
            assert digits >= 12, t
        if privacy._IBAN_RE.search(t):
            assert privacy._IBAN_LEAD_RE.search(t), t
        if privacy._ID_CONTEXT_RE.search(t):
            assert common.may_hold(Doc(t, _CTX).lower, privacy._ID_CONTEXT_STEMS), t
    for t in extra[:5]:
        assert any(p.search(t) for p in (privacy._SSN_RE, privacy._CARD_RE, privacy._IBAN_RE, privacy._ID_CONTEXT_RE))


# --- required-literal gates (common.GatedPattern) ------------------------------------------------

_ODD_SWAPS = (("s", "ſ"), ("k", "\u212a"), ("i", "İ"), ("I", "ı"))


def test_folded_maps_every_case_insensitive_ascii_match() -> None:
    """Every character that IGNORECASE (re or regex) matches to an ASCII letter folds to it."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    any_re, any_regex = re.compile("[a-z]", re.IGNORECASE), regex.compile("[a-z]", regex.IGNORECASE)
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        u = chr(cp)
        if any_re.fullmatch(u) is None and any_regex.fullmatch(u) is None:
            continue
        for c in letters:
            if re.fullmatch(c, u, re.IGNORECASE) or regex.fullmatch(c, u, regex.IGNORECASE):
                assert c in common.folded(u), (hex(cp), c)


def test_gate_tree_needs_every_run_of_a_branch() -> None:
    g = common.GatedPattern(regex.compile(r"before\s+the\s+(?:launch|press\s+release)|d(?:amn|ead)\b", regex.I))
    assert g.may_match("BEFORE THE LAUNCH") and g.may_match("dead") and g.may_match("before the PRESS release")
    assert not g.may_match("before the end") and not g.may_match("the launch") and not g.may_match("dean")
    assert not g.may_match("ſo, dam\u0144") and g.may_match("DAMN") and g.may_match("\u017fo dead")


def _gated_same(gated: common.GatedPattern, texts: list[str], must_match: list[str]) -> None:
    """Wherever the full pattern matches (a text, its lower-cased form, its masked form, and its
    spellings with 'ſ', the Kelvin sign, 'İ' and 'ı'), the gate passes; it rejects some texts."""
    matched = rejected = 0
    for t in [*texts, *must_match]:
        views = {t, Doc(t, _CTX).masked}
        for v in list(views):
            if gated.full.search(v) is not None:
                views |= {v.replace(a, b) for a, b in _ODD_SWAPS}
        for v in views:
            ok = gated.may_match(v)
            rejected += not ok
            if gated.full.search(v) is not None:
                matched += 1
                assert ok, v
                assert gated.search(v) is not None
                assert [m.span() for m in gated.finditer(v)] == [m.span() for m in gated.full.finditer(v)]
    for t in must_match:
        assert gated.full.search(t) is not None, t
    assert matched and rejected


def test_c6_secret_gate(texts: list[str]) -> None:
    _gated_same(
        confidential._C6_SECRET_GATE,
        texts,
        ["Results not yet announced, but Maths won.", "Keep it under wraps: the VC is leaving", "psst the list"],
    )


def test_invite_and_c4_act_gates(texts: list[str]) -> None:
    from townhall.policy.rules import engagement

    _gated_same(engagement._INVITE_GATE, texts, ["let us know", "tag someone", "we'd love to hear", "thanks"])
    _gated_same(copyright._C4_ACT_GATE, texts, ["I copied it", "ctrl+v", "got it off", "they were from", "made it our"])
