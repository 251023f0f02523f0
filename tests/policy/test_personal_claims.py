"""personal-use round 3 (issue 12): claim structures read by their shape (subject = the institution
or one of its heads/offices; predicate = deceit, falsification, venality; stance = stated, sarcastic,
or passed on as hearsay), each with a near-miss in the same form that must stay clean."""

from __future__ import annotations

import pytest

from townhall.policy.types import Context

from .personal_codes import personal_use_codes

PERSONAL = Context("bluesky", "personal")


def _pu(text: str, ctx: Context = PERSONAL) -> set[str]:
    return personal_use_codes(text, ctx)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # ordered or pressed to falsify
        ("our programme director instructed us to raise the borderline grades before the board met", "PER003"),
        ("I was leaned on by my line manager to upgrade a stack of fails so the module looked healthy", "PER003"),
        # telling an overseer what is not so
        ("our school assured the auditors every lab had a risk assessment when half of them have none", "PER003"),
        ("The faculty told the validation panel it had four specialists, it has one.", "PER003"),
        # a venal purpose
        ("yet another pay freeze so the principal can keep his second flat in London", "PER003"),
        # leave for work spent on leisure
        ("the provost's 'sabbatical' was three months on a yacht off Sardinia. productive.", "PER003"),
        # pleading poverty, then money found for the heads
        ("management 'can't afford' the library hours but somehow found £400k for a rebrand", "PER003"),
        # jobs for family and friends
        ("funny how the registrar's niece landed the new comms job without an interview", "PER003"),
        ("the catering tender went to the dean's own brother-in-law. lovely.", "PER003"),
        # credit for work never done; qualifications faked
        ("the exam office keeps passing students who never sat the resit", "PER003"),
        ("our new head of department plagiarised his thesis and now he runs the place", "PER003"),
        # bare subjects in short posts; the contracted copula
        ("Registrar lied to senate.", "PER003"),
        ("Provost's a liar, frankly", "PER003"),
        # hearsay as cover
        ("people are saying the dean fiddled the conference budget. just repeating what I heard", "PER003"),
        # claiming the institution's voice
        ("As the voice of the university on this: nobody will lose their job.", "PER007"),
        ("Officially confirming for the college: term starts a week late.", "PER007"),
    ],
)
def test_claim_structures_are_read(text: str, code: str) -> None:
    assert code in _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        "the programme director asked us to double-check the borderline grades before the board met",
        "our school showed the auditors every lab's risk assessment and they were happy",
        "yet another rail strike so the trains can sit in the depot all week. lovely.",
        "my 'sabbatical' so far: three chapters, one conference and zero beaches",
        "we can't afford a holiday this year but we found £40 for a tent",
        "my niece landed her first job today! so proud",
        "the exam office is helping students who never sat the resit to book a new date",
        "Registrar's office closes at 4 today.",
        "people are saying the new dean is great. early days",
        "I can't speak for the university, but personally I hope nobody loses their job.",
        "The press reported allegations that the vice-chancellor misled governors; the inquiry reports in May.",
    ],
)
def test_claim_near_misses_stay_clean(text: str) -> None:
    assert not _pu(text)
