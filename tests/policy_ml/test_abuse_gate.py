"""ABU002's word gate never skips a post its pattern would match."""

from __future__ import annotations

import itertools

from townhall.policy.rules.abuse import _DIRECTED_LAST_WORDS, DIRECTED_RE, INSULT_ADJ, INSULT_NOUNS, _may_direct

from .test_ml import _varied_texts

PHRASES = [
    "shut up",
    "shut your gob",
    "stfu",
    "GTFO",
    "piss off",
    "fuck you",
    "f off",
    "foff",
    "sod off",
    "go to hell",
    "go die",
    "go kill yourself",
    "kys",
    "get lost",
    "eat shit",
    "stop whinging",
    "stop bitching",
    "stop crying",
]


def _generated() -> list[str]:
    words = [w.replace("\\s+", " ") for w in f"{INSULT_ADJ}|{INSULT_NOUNS}".split("|")]
    heads = ["you are a", "You're such a", "ur", "my boss is a", "The Dean is an utter", "they are", "Ya little"]
    return [f"{h} {w}!" for h, w in itertools.product(heads, words)] + [f"Honestly, {p}." for p in PHRASES]


def test_gate_keeps_every_match() -> None:
    texts = [
        *_generated(),
        *_varied_texts(600),
        "ſtupid? you are ſtupid",
        "you are brain-dead",
        "you're a waste of  space",
    ]
    matched = 0
    for t in texts:
        if DIRECTED_RE.search(t):
            matched += 1
            assert _may_direct(t), t
    assert matched > 500


def test_gate_skips_ordinary_posts() -> None:
    assert not _may_direct("The library opens at 9 tomorrow; exam week hours are on the website.")
    assert "go" not in _DIRECTED_LAST_WORDS and "off" not in _DIRECTED_LAST_WORDS
