"""Personal-use, issue 12 round 13: paraphrases of our dev set's personal-use posts that the rules
missed (neglect called "negligent", marks moved "to hit targets", "the least competent people", a
claim called "a complete fabrication", an office called "hopeless", the line manager named without
"my", "so it goes no further" as the licence of a private group (only for a complaint or claim, not
a surprise party), "my ac.uk email" without its leading dot, the employer's quoted verdict on the
author's work echoed in a closing clause), and two clean posts the probes of this round's changes
found flagged (the author "hopeless at pub quizzes", a seminar "at my university on fabricated quotes").
Each risky post stands beside a clean one with the same
cue, so the cue alone is never the finding."""

from __future__ import annotations

from functools import partial

import pytest

from .flagging import RISK_AND_PERSONAL, flagged

_families = partial(flagged, account="personal", families=RISK_AND_PERSONAL)


@pytest.mark.parametrize(
    ("risky", "clean"),
    [
        (
            "Not representing work here, but leaving first-years in halls with damp like that is negligent. "
            "Kids are coughing all term.",
            "My GP says skipping my asthma check-ups was negligent of me. Fair enough, booked in for Monday.",
        ),
        (
            "I love the teaching, honestly, but the HR department at my uni are the least competent people I "
            "have ever worked with.",
            "I'm the least competent baker in my family, but the birthday cake held together!",
        ),
        (
            "Speaking only for myself, but the Pro-Vice-Chancellor's claim that all our graduates walk into jobs "
            "is a complete fabrication.",
            "Speaking only for myself, but the film's claim to be based on a true story is a complete fabrication.",
        ),
        (
            "Views mine obviously, not my employer's, but the central admin are hopeless and their new student "
            "records system has wiped half my marks",
            "Views mine obviously, but the new phone update has wiped half my holiday photos. Hopeless.",
        ),
        (
            "Line manager's scheduled another 6pm Friday call. She genuinely has no idea what work-life balance means.",
            "Line manager's just been nominated for a staff award. She genuinely deserves it.",
        ),
        (
            "Putting this in our private Facebook group so it goes no further: the exam board moved the grade "
            "boundaries to hit targets.",
            "Our group chat is private so it goes no further: Sam's surprise party is Saturday at 8!",
        ),
        (
            "Heard the exam board moved the grade boundaries to hit targets this year. Nobody will say it.",
            "Our exam board adjusted the grade boundaries after the paper proved too hard, as the regulations allow.",
        ),
        (
            "started a private Pinterest for wedding ideas, signed up with my ac.uk email because I'm always "
            "logged in to that one",
            "signed up for the conference with my ac.uk email so the abstract confirmation goes to work",
        ),
        (
            'My boss just told me my research is "not a priority". Twelve years of work, not a priority.',
            'My boss just told me my research is "a real priority" for the school. Twelve years of work, a '
            "priority at last! So grateful.",
        ),
        (
            'Head of School informed me today my research "doesn\'t align with strategy". Fifteen years of it. '
            "Doesn't align.",
            'My son informed me today that my cooking "doesn\'t align with his brand". Fifteen years of it. '
            "Doesn't align. Kids!",
        ),
        (
            # "it's" holds an apostrophe, not the quote's opening: the echo still reads against 'natural turnover'
            "Colleagues keep leaving and management keep saying it's 'natural turnover'. Sure. Natural.",
            "My toddler says it's 'natural' to eat crayons. Sure. Natural. Parenting!",
        ),
        (
            # the author's verdict on their own skill is not one on the employer
            "HR at my uni are hopeless at paying people on time.",
            "I'm hopeless at pub quizzes but our department team won anyway! Proud of my colleagues.",
        ),
        (
            # a seminar's subject, with the place it was held between the seminar and its subject
            "Our department seminar at my uni on fabricated data was fabricated nonsense, the speaker lied.",
            "Fun seminar at my university on fabricated quotes in Victorian newspapers.",
        ),
    ],
)
def test_paraphrase_beside_its_clean_twin(risky: str, clean: str) -> None:
    assert "personal-use" in _families(risky), risky
    assert not _families(clean), clean


def test_asking_a_closed_group_not_to_share_licenses_only_a_complaint_or_claim() -> None:
    """'Please don't share' in a closed group is PER004's licence when what follows is trouble at work;
    a bake sale list whose buyers asked to stay anonymous is discretion (the 'closed' of 'closed group'
    is no trouble of its own)."""
    risky = "Private group so please don't screenshot: half the module team were let go today."
    clean = (
        "Closed group reminder: please don't share screenshots of the bake sale list, some people asked to stay "
        "anonymous."
    )
    assert "personal-use" in _families(risky)
    assert "personal-use" not in _families(clean)
