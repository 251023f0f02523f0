"""Disguised letters (`townhall/policy/fold.py`): the rules read what a reader sees, the spans
point into the post as written, and other scripts are left alone."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from townhall.policy import Context, check
from townhall.policy.engine import check_many
from townhall.policy.fold import fold, span_back, styled_letters
from townhall.policy.ml import abuse_and_sentiment_batch

OFFICIAL = Context("bluesky", "official")


def _risky(text: str, ctx: Context = OFFICIAL) -> set[str]:
    return {f.code for f in check(text, ctx) if f.severity in ("block", "warn") and not f.code.startswith("ACC")}


@pytest.mark.parametrize(
    "disguised",
    [
        "My pass\u200bword is hunter2 for the shared account",  # zero-width space
        "My pass\u00adword is hunter2 for the shared account",  # soft hyphen
        "My pаssword is hunter2 for the shared account",  # Cyrillic а
        "My ｐａｓｓｗｏｒｄ is hunter2 for the shared account",  # full-width
        "My 𝐩𝐚𝐬𝐬𝐰𝐨𝐫𝐝 is hunter2 for the shared account",  # mathematical bold
        "My ᴘᴀꜱꜱᴡᴏʀᴅ is hunter2 for the shared account",  # small capitals
        "My p\u0336a\u0336s\u0336s\u0336w\u0336o\u0336r\u0336d\u0336 is hunter2 for the shared account",
        "My 𝓅𝒶𝓈𝓈𝓌ℴ𝓇𝒹 is hunter2 for the shared account",  # script, with ℴ from the letterlike block
    ],
)
def test_a_disguised_word_gets_what_the_plain_word_gets(disguised):
    plain = "My password is hunter2 for the shared account"
    assert _risky(plain) and _risky(disguised) == _risky(plain)


def test_spans_point_at_the_disguised_words_as_written():
    text = "Call me on ０７７００ ９００１２３ or write to jane.doe＠gmail.com"
    spans = {f.code: text[f.span[0] : f.span[1]] for f in check(text, OFFICIAL)}
    assert spans["PRV001"] == "０７７００ ９００１２３"
    assert spans["PRV002"] == "jane.doe＠gmail.com"
    struck = "You are a f\u0336u\u0336c\u0336k\u0336i\u0336n\u0336g\u0336 idiot"
    found = [f for f in check(struck, OFFICIAL) if f.code == "ABU002"]
    assert found and all(struck[f.span[0] : f.span[1]].count("\u0336") in (0, 7) for f in found)


def test_check_many_gives_what_check_gives():
    texts = ["You are a 𝐟𝐮𝐜𝐤𝐢𝐧𝐠 𝐢𝐝𝐢𝐨𝐭", "My pаssword is hunter2", "plain words", "Привет, мир"]
    assert check_many(texts, OFFICIAL) == [check(t, OFFICIAL) for t in texts]


def test_listening_scores_the_word_a_reader_sees():
    (plain, _), (disguised, _) = abuse_and_sentiment_batch(["you are a fucking idiot", "you are a f\u200bսcking іdіot"])
    assert abs(plain - abuse_and_sentiment_batch(["you are a f\u200bucking idiot"])[0][0]) < 1e-9
    assert disguised > 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Привет, это пост на русском языке о конференции",  # Russian keeps its letters
        "Καλημέρα από το πανεπιστήμιο",  # so does Greek
        "Café au lait with the naïve Zoë at the Eisteddfod, Llanfair PG, ŵ ŷ",
        "Plain ASCII text only",
    ],
)
def test_other_scripts_and_accents_are_left_alone(text):
    folded, where = fold(text)
    assert folded == text and where is None


def test_spelled_out_letters_are_read_as_the_word():
    assert _risky("You are a f u c k i n g   i d i o t") >= {"ABU002"}
    assert _risky("my p.a.s.s.w.o.r.d is hunter2 for the shared account") == _risky(
        "my password is hunter2 for the shared account"
    )
    assert fold("e.g. i.e. the U.K.")[0] == "e.g. i.e. the U.K."  # two letters are not a spelled-out word
    assert fold("S O  P R O U D")[0] == "S O  PROUD"  # two spaces end a word; two letters stay
    text = "Rated A B C by the panel"
    assert fold(text)[0] == "Rated ABC by the panel" and not _risky(text)


def test_a_lookalike_is_unmasked_only_among_latin_letters():
    assert fold("Put on the сар today")[0] == "Put on the cap today"  # a mostly Latin post: it counts
    assert fold("Москва и сар")[0] == "Москва и сар"  # a Russian post keeps it
    assert fold("pаssword")[0] == "password"  # a mixed word always


def test_emoji_sequences_survive_in_the_post_as_written():
    family = "👨\u200d👩\u200d👧"
    text = f"Family day {family} at the campus"
    findings = check(text, OFFICIAL)
    assert all(0 <= f.span[0] <= f.span[1] <= len(text) for f in findings)


def test_quality_rules_read_the_post_as_written():
    """Length and emoji are what the network counts: they are not measured on the folded text."""
    text = "𝐁𝐢𝐠 𝐧𝐞𝐰𝐬: our open day is on Saturday!"
    codes = {f.code for f in check(text, OFFICIAL)}
    assert "ACC005" in codes
    assert styled_letters("Our open day ① ② ③") == []  # circled digits are not words
    assert styled_letters("ᴏᴘᴇɴ ᴅᴀʏ this Saturday") == [(0, 8)]


PIECES = [*"abc XYZ.,!@", " a", ".b", "-", "*"]
PIECES += ["\u200b", "\u00ad", "\u0336", "а", "ο", "ｐ", "𝐩", "ᴘ", "ℴ", "é", "ж", "👨\u200d👩", "\ufe0f"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_the_map_is_one_original_index_per_folded_character(text):
    folded, where = fold(text)
    if where is None:
        assert folded == text
        return
    assert len(where) == len(folded)
    assert all(a < b for a, b in pairwise(where))
    assert all(0 <= i < len(text) for i in where)
    for k, i in enumerate(where):
        assert folded[k] == text[i] or not text[i].isascii()  # kept, or a non-ASCII character replaced
    for s in range(len(folded) + 1):
        for e in range(s, len(folded) + 1):
            a, b = span_back((s, e), where, len(text))
            assert 0 <= a <= b <= len(text)


@settings(max_examples=150, deadline=None)
@given(text=TEXT)
def test_findings_stay_inside_any_disguised_text(text):
    for ctx in (OFFICIAL, Context("x", "personal")):
        assert all(0 <= f.span[0] <= f.span[1] <= len(text) for f in check(text, ctx))


def test_runs_longer_than_any_word_are_cut_for_the_rules():
    """Security review of 2026-12-05: a 100,000-character run of digits held one CPU for minutes
    (patterns that look ahead along a run from each of its characters). The rules now read at
    most 512 characters of a run without spaces and 64 of spaces; spans stay in the post."""
    from townhall.policy.fold import MAX_RUN, MAX_SPACE

    for text in ("1" * 100_000, ":" * 50_000, "\U0001f600" * 50_000, "x " + " " * 10_000 + "1" * 9_000):
        folded, where = fold(text)
        assert where is not None and len(folded) <= 2 + MAX_SPACE + MAX_RUN + 1
        for f in check(text, OFFICIAL):
            assert 0 <= f.span[0] <= f.span[1] <= len(text)
    assert fold("a" * MAX_RUN)[1] is None  # a run of exactly the limit is left alone
    text = "Call 07700 900123 " + "z" * 2_000 + " or write to jane.doe@gmail.com"
    spans = {f.code: text[f.span[0] : f.span[1]] for f in check(text, OFFICIAL)}
    assert spans["PRV001"] == "07700 900123" and spans["PRV002"] == "jane.doe@gmail.com"


@pytest.mark.parametrize(
    ("disguised", "plain"),
    [
        ("My p4ssw0rd is hunter2 for the shared account", "My password is hunter2 for the shared account"),
        ("The team pa$$word: Tulips!2026", "The team password: Tulips!2026"),
        ("You are a f*cking 1d10t", "You are a f*cking idiot"),
        ("what a $tup1d bunch of clowns you are", "what a stupid bunch of clowns you are"),
        ("YOU ARE AN 1D10T", "YOU ARE AN IDIOT"),
    ],
)
def test_digits_and_symbols_for_letters_in_the_words_people_disguise(disguised, plain):
    assert _risky(plain) and _risky(disguised) == _risky(plain)


@pytest.mark.parametrize(
    "text",
    [
        "COVID19 testing, B2B deals, 10am start, H2O lab, the 5G mast and our 3D printer",
        "Write to user@example.ac.uk or follow @p4ssw0rd and #sh1t",  # handles and tags stay
        "Room G1d, code A1B2, flight BA1D10 and the M4 motorway",
    ],
)
def test_digits_in_other_words_stay_as_written(text):
    assert fold(text)[0] == text


def test_a_disguised_word_that_is_the_secret_itself_stays_the_secret():
    """'password is p4ssw0rd': the weak password is what leaked; read as 'password' it would not be."""
    for text in ("The wifi password is p4ssw0rd", "pin: 1d10t", "password = 'sh1thead'"):
        assert fold(text)[0] == text
    assert "CRD001" in _risky("The wifi password is p4ssw0rd for everyone")


def test_undoing_digits_keeps_the_map_and_the_spans():
    text = "Honestly you are an 1d10t and a m0r0n"
    folded, where = fold(text)
    assert folded == "Honestly you are an idiot and a moron" and where == list(range(len(text)))
    for f in check(text, OFFICIAL):
        assert 0 <= f.span[0] <= f.span[1] <= len(text)


def test_links_and_domains_stay_as_written():
    for text in ("See https://example.com/p4ssw0rd/sh1t?x=1d10t", "visit sh1t.com or www.1d10t.org", "a-sh1t-b"):
        assert fold(text)[0] == text


def test_spelled_out_words_with_single_spaces_keep_their_word_breaks():
    assert fold("y o u a r e a n i d i o t")[0] == "you are an idiot"
    assert _risky("y o u a r e a n i d i o t") == _risky("you are an idiot")
    assert fold("W E L C O M E")[0] == "WELCOME"  # one word: joined
    assert fold("Rated A B C by the panel")[0] == "Rated ABC by the panel"  # too short to split
