"""The learned detector's unit-cached tokeniser gives exactly the one-pass scan's tokens.

Why: ``Featuriser.tokens`` caches tokens per unit of text cut at the spaces no token can cross
(a space not followed by a digit); money, postcodes and spaced phone numbers cross a space only
before a digit, and the institution's name, surnames and sentence numbers are worked out across
units. These cases pin both halves.
"""

from __future__ import annotations

import random

import pytest

from townhall.policy import learned
from townhall.policy.pack import default_pack

CASES = [
    "",
    " ",
    "Call 0121 204 4869 or 0121 204 4869.",
    "It costs £ 5 or £5k, $ 12.50, € 3",
    "Send it to GIR 0AA, SW1A 1AA or B4 7ET! Not B4 7 ET.",
    "Mary Smith and Ahmed Khan met. Then Bob Xyzzy left!! ok?",
    "Example University staff: the University of Example Uni said. ExampleUni rocks",
    "email bob@gmail.com or admin@example.ac.uk, see www.example.com/x and http://a.b/c",
    "@user @a.b.c #Tag #123 Tr0ub4dor&3 QQ123456C 1,000 45.6 3rd",
    "line one\nline two\n\nline three .  double  spaces   and\ttabs",
    "don't l’été 中文 😀 é",
]


@pytest.fixture(scope="module")
def featuriser() -> learned.Featuriser:
    return learned.Featuriser(default_pack().compiled())


@pytest.mark.parametrize("text", CASES)
def test_unit_tokens_equal_one_pass(featuriser: learned.Featuriser, text: str) -> None:
    assert featuriser.tokens(text) == featuriser.tokens_reference(text)


def test_unit_tokens_equal_one_pass_on_random_text(featuriser: learned.Featuriser) -> None:
    rnd = random.Random(11)
    pieces = [" ", "  ", "\n", ".", "!", "?", ",", "'", "@", "#", "£", "$", "-", "+", "Word", "word", "GIR",
              "0AA", "SW1A", "1AA", "0121", "204", "12", "5k", "www.example.com", "a@b.com", "@user", "Mary",
              "Smith", "Tr0ub4dor&3", "Example University", "Example Uni", "é", "😀"]
    for _ in range(3000):
        t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        assert featuriser.tokens(t) == featuriser.tokens_reference(t), t
