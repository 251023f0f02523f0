"""Contentious family (issue 12): stance words consumed by a balanced, quoted-motion or
campus-election construction are not a side taken (CON001); the same words used as a side still
block. Each construction has its clean near-miss and a risky twin."""

from __future__ import annotations

import pytest

from townhall.policy import Context, check


def con001(text: str) -> bool:
    return any(f.code == "CON001" and f.severity == "block" for f in check(text, Context("x", "official")))


@pytest.mark.parametrize(
    "text",
    [
        "Our Law School hosts a panel on assisted dying this Thursday, with speakers for and against the bill.",
        "Our debating society won the national final arguing against the motion \"This House would abolish the "
        "monarchy\".",
        "Students' Union elections open Monday! Vote for your sabbatical officers - every student gets a vote.",
        "Voting for your course reps closes Friday; every student in the election can take part.",
    ],
)
def test_balanced_and_procedural_stance_words_are_not_a_side(text: str) -> None:
    assert not con001(text)


@pytest.mark.parametrize(
    "text",
    [
        "We are against the assisted dying bill and urge MPs to vote it down.",
        "The monarchy must be abolished. Time for a republic.",
        "Vote Labour on Thursday - our students deserve better!",
        "Trans women are women. No debate, and anyone who disagrees must leave.",
    ],
)
def test_a_side_taken_still_blocks(text: str) -> None:
    assert con001(text)
