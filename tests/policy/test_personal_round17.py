"""Round 17 (issue 12): the learned personal-use head, rebuilt on T1-T27 with a lower threshold, is
moot on a personal post that says nothing tying it to the author's job (``_no_work_link``), and on a
post that is only work material sent from the work address (``_work_mail_for_work``). Each clean
post has a risky twin, close in wording, that keeps its personal-use finding."""

from __future__ import annotations

import pytest

from townhall.policy.doc import Doc
from townhall.policy.rules import learned as learned_rules
from townhall.policy.types import Context

from .flagging import twin_tests

PAIRS = [
    # no work link: a family anecdote in words the head met in risky posts
    (
        "personal-use",
        "x",
        "personal",
        "the dean told us in confidence that Chemistry will be shut. genuinely cannot make this up",
        "Just told my sister the news. genuinely cannot make this up",
    ),
    (
        "personal-use",
        "x",
        "personal",
        "told my whole book club the department is being closed before the staff even know",
        "told my whole book club the ending before they'd finished it. never again",
    ),
    # work material from the work address, and nothing else
    (
        "personal-use",
        "x",
        "personal",
        "Emailed the seminar slides from my staff email. Also my boss is useless.",
        "Sent the minutes from my work email so all staff have them.",
    ),
    (
        "personal-use",
        "x",
        "personal",
        "Forwarded the draft from my uni email, so the panel can read it before Friday. Between us it is a stitch-up.",
        "Emailed this week's reading list from my staff email so my students can find it.",
    ),
]

test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks @CardiffUni for nothing",  # the institution's handle
        "Orders to j.barnes@example.ac.uk please",  # its address
        "If you're thinking of applying here: don't.",
        "this place should be shut down",
        "My second years are the thickest group I've ever had.",
        "Heard today Chemistry will be shut. Not public yet 🤫",  # a department by its discipline
        "Physics is being folded into Engineering, you didn't hear it from me",
    ],
)
def test_work_link_found(text: str) -> None:
    assert not learned_rules._no_work_link(Doc(text, Context("x", "personal")))


@pytest.mark.parametrize("text", ["my toddler told the vicar his name is Batman", "Sunday sourdough, attempt four", ""])
def test_no_work_link(text: str) -> None:
    assert learned_rules._no_work_link(Doc(text, Context("x", "personal")))


@pytest.mark.parametrize(
    ("text", "logistics"),
    [
        ("If you're one of my tutees, my office hours this term are Wednesdays 10-12. Or drop me a line.", True),
        ("Office hours moved to Thursday: the Dean wants us out for the secret restructure meeting.", False),
        ("Told my students the department is merging with Physics next year, before the announcement.", False),
        ("My office hours are now by appointment only; private tuition also available at £30 an hour.", False),
        ("My office hours are cancelled again because this place is a shambles.", False),
    ],
)
def test_teaching_logistics_moot_is_narrow(text: str, logistics: bool) -> None:
    """Only logistics that sell nothing, hold nothing back and complain of nothing moot the learned head."""
    assert learned_rules._teaching_logistics(Doc(text, Context("x", "personal"))) is logistics
