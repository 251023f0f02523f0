"""The speed-ups of the abuse rules (ABU001-ABU005 and the helpers ABU003 and other rules call)
change no output.

Each pre-check (a gate tried before a pattern, on the lower-cased or case-folded text) must pass
every text the pattern matches: checked on the bench's TweetEval texts (when the shared data
folder is there), the hand-written corpus lines and the dev cases, each also lower- and
upper-cased, plus generated spellings of every listed word. The gates read ASCII letters off the
lower-cased or case-folded text, which is right only because of what IGNORECASE matches and what
lowering and folding do to each character: those facts are checked for every code point.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest
import regex

from townhall.policy.rules import abuse

from .test_speed_regex import _bench, _corpus

# Characters that IGNORECASE matches to an ASCII letter without being one (re: all four; regex:
# all but the dotless i).
SPECIAL = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
ODD = ["ſlut", "\u212aike", "İdiot", "ıdiot", "you are a ſtupid İdiot", "Muslıms are vermin", "YOU ARE PATHETİC"]


def _doc_lower(text: str) -> str:
    """Doc.lower: str.lower(), or lower-casing char by char where that would change the length."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[:1] or c for c in text)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    base = _corpus() + _bench(6000) + ODD
    assert len(base) > 1000
    return base + [t.lower() for t in base] + [t.upper() for t in base]


def _every_char() -> str:
    """Every code point but the surrogates, as one string (one C-speed scan per pattern)."""
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def _changed_by(f: Callable[[str], str]) -> list[str]:
    """The characters ``f`` changes (the others keep every class trivially)."""
    return [c for c in _every_char() if f(c) != c]


def test_ignorecase_ascii_letters_are_only_the_known_ones() -> None:
    """The gates assume these four are the only non-ASCII characters IGNORECASE matches to an
    ASCII letter, in re and in regex."""
    every = _every_char()
    found_re = {c for c in re.findall("[a-z]", every, re.IGNORECASE) if not c.isascii()}
    found_rx = {c for c in regex.findall("[a-z]", every, regex.IGNORECASE) if not c.isascii()}
    assert found_re == set(SPECIAL)
    assert found_rx <= set(SPECIAL)
    for c, letter in SPECIAL.items():
        assert re.fullmatch(letter, c, re.IGNORECASE)


def test_lowering_keeps_the_gates_classes() -> None:
    """On the lower-cased text (Doc.lower, or str.lower()): a character outside the boundary
    classes stays outside, and a character IGNORECASE matches to an ASCII letter becomes that
    letter or one of the gates' extra letters ('ı', 'ſ', a combining dot after an 'i')."""
    outside = re.compile(r"[\w*@#!$|+.\-\s]")
    changed = _changed_by(str.lower)
    assert len(changed) > 1000
    for c in changed:
        if outside.match(c) is None:
            assert outside.match(_doc_lower(c)) is None, hex(ord(c))
            assert all(outside.match(x) is None for x in c.lower()), hex(ord(c))
    extra = re.compile("[" + abuse._LOWER_LETTER_OR_DOT + "]+")
    for c in [*SPECIAL, *"ABCXYZabcxyz"]:
        assert extra.fullmatch(c.lower()) and extra.fullmatch(_doc_lower(c)), c


def _fold(c: str) -> str:
    return c.casefold().replace("i\u0307", "i").replace("\u0131", "i")


def test_folding_keeps_words_whole() -> None:
    """_ascii_runs: only a word character (in re and in regex) folds to anything holding an ASCII
    letter, and each special character folds to its letter."""
    letter = re.compile("[a-z]")
    changed = _changed_by(_fold)
    assert len(changed) > 1000
    for c in changed:
        if letter.search(_fold(c)):
            assert re.match(r"\w", c) and regex.match(r"\w", c), hex(ord(c))
    for c, want in SPECIAL.items():
        assert abuse._ascii_runs(f"x {c} y") >= {want}, unicodedata.name(c)


def _disguises(word: str) -> list[str]:
    """Symbol-and-digit spellings of a slur, as DISGUISED_SLURS_RE accepts them."""
    out = []
    for i in range(1, len(word)):
        for sub in ["*", "**", "#", *abuse._LOOKALIKE.get(word[i], "")]:
            out.append(word[:i] + sub + word[i + 1 :])
    return out


def _generated_slurs() -> list[str]:
    out = []
    for w in abuse._DISGUISABLE:
        for d in _disguises(w):
            out += [d, d.upper(), d + "s", f"what a {d}!", f"@x {d.capitalize()}"]
            out += [d.replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0131"), d.replace("i", "\u0130")]
        for sep in [" ", ".", "-", "_", ". ", "  "]:
            spaced = sep.join(w)
            out += [spaced, spaced.upper(), f"you {spaced}"]
            out += [spaced.replace("i", "\u0130"), spaced.replace("i", "\u0131")]
    return out


def test_disguise_precheck_keeps_every_match(texts: list[str]) -> None:
    found = 0
    for t in [*texts, *_generated_slurs()]:
        if any(abuse._DISGUISE_CHAR_RE.search(m.group(0)) for m in abuse.DISGUISED_SLURS_RE.finditer(t)):
            found += 1
            assert abuse._may_be_disguised(_doc_lower(t)), t
            assert abuse._may_be_disguised(t), t
    assert found > 500


def test_disguise_precheck_skips_ordinary_symbols() -> None:
    for t in ["@user hello 2024", "Great day!!! 10/10", "email me at a@b.com", "A 9 and M 8"]:
        assert not abuse._may_be_disguised(t), t


def test_spaced_precheck_keeps_every_match(texts: list[str]) -> None:
    found = 0
    for t in [*texts, *_generated_slurs()]:
        if abuse.SPACED_SLURS_RE.search(t):
            found += 1
            assert abuse._SPACED_LETTERS_RE.search(_doc_lower(t)), t
            assert abuse._SPACED_LETTERS_RE.search(t.lower()), t
    assert found > 100


def test_directed_and_hate_prechecks_keep_every_match(texts: list[str]) -> None:
    """ABU002's and ABU005's word pre-checks read the shared _ascii_runs."""
    directed = hate = 0
    extra = ["you are a ſtupid İdiot", "YOU ARE PATHETİC", "you are pathetıc", "Muslıms are vermin"]
    for t in [*texts, *extra]:
        if abuse.DIRECTED_RE.search(t):
            directed += 1
            assert abuse._may_direct(t), t
        if abuse.HATE_GENERALISATION_RE.search(t):
            hate += 1
            runs = abuse._ascii_runs(t)
            assert not abuse._GROUP_LAST_WORDS.isdisjoint(runs) and not abuse._HATE_VERBS.isdisjoint(runs), t
    assert directed > 50 and hate > 5
