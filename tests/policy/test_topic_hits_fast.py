"""CON001-CON003's topic hits, walked in one pass, equal the six topic lexicons run one by one.

Why: ``contentious._topic_lexicon_hits`` replaces six ``Lexicon.finditer`` calls with one walk over
the post's words; possessives ("Labour's"), overlapping phrases and repeated words must give the
same (start, end, label) hits.
"""

from __future__ import annotations

import random

import pytest

from townhall.policy.doc import Doc
from townhall.policy.rules import contentious
from townhall.policy.types import Context


def _reference(text: str) -> list[tuple[int, int, str]]:
    masked = Doc(text, Context()).masked
    hits = []
    for pattern, label in contentious.TOPICS:
        hits += [(m.start(), m.end(), label) for m in pattern.finditer(masked)]
    return sorted(hits)


@pytest.mark.parametrize(
    "text",
    [
        "Labour's manifesto on tuition fees and the Tories' record",
        "Vote Reform UK! Reform UK's plan, the general election and a by-election",
        "Solidarity with UCU on the picket line: the strike, strikes and industrial action",
        "Israel, Gaza and the war; war crimes; the occupation of the West Bank",
        "God, faith schools and climate change; climate crisis; the climate",
        "",
    ],
)
def test_one_pass_equals_each_lexicon(text: str) -> None:
    masked = Doc(text, Context()).masked
    assert sorted(contentious._topic_lexicon_hits(masked)) == _reference(text)


def test_random_phrases() -> None:
    rnd = random.Random(4)
    phrases = [" ".join(p) for lex, _ in contentious.TOPICS for v in lex.first.values() for p in v]
    words = [w for lex, _ in contentious.TOPICS for w in lex.keys] + ["the", "of", "for", "party", "uk"]
    for _ in range(2000):
        pool = words + phrases
        text = " ".join(rnd.choice(pool) + rnd.choice(["", "'s", ",", "."]) for _ in range(rnd.randint(1, 9)))
        masked = Doc(text, Context()).masked
        assert sorted(contentious._topic_lexicon_hits(masked)) == _reference(text)
