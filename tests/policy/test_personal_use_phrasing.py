"""Personal-use rules judge phrasing families, each half of a composition needed (issue 12).

Why: held-back posts are written by other people, so each rule pairs a general cue with what makes
it a risk (the employer named AND a grievance; a small audience AND the licence drawn from it; an
insider's source AND trouble; an assurance AND what only the institution decides) and the same
words without the other half stay fine. Phrasings here are our own, not the corpus's.
"""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.types import Context

PERSONAL = Context("bluesky", "personal")
OFFICIAL = Context("bluesky", "official")


def _codes(text: str, ctx: Context = PERSONAL) -> set[str]:
    return {f.code for f in check(text, ctx) if f.family == "personal-use" and f.severity in ("block", "warn")}


def _rules(text: str) -> set[str]:
    """Personal-use codes from the hand-written rules (the learned PER010 left out)."""
    return _codes(text) - {"PER010"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # grievances told by structure, not by an insult word
        ("Nine weeks and my department still hasn't replied about my contract renewal.", "PER001"),
        ("the uni has wasted £60k on a new logo while our lab leaks every time it rains", "PER001"),
        ("My employer says it puts students first but hasn't replaced a single lecturer who left.", "PER001"),
        ("The faculty's 'listening exercise' ended before the staff meeting. Make of that what you will.", "PER001"),
        ("our estates office is a black hole, four repair tickets gone without a trace", "PER001"),
        # a harsh verdict is reputation damage even with a disclaimer
        ("Views my own: the way my university treated the cleaners is a disgrace.", "PER003"),
        ("Personal opinion: my dept is basically a degree mill now.", "PER003"),
        # a small audience and the licence drawn from it
        ("Only my team follows this account so I can be honest: our director is out of his depth.", "PER004"),
        ("Our department Slack is locked, so here goes: the merger is a done deal.", "PER004"),
        # an insider's source next to trouble
        ("A little bird in finance tells me the Dance course is being cut. Staff find out Friday.", "PER006"),
        ("I've seen the draft papers: two campuses closing next summer. That's all I'll say.", "PER006"),
        # speaking for the institution
        ("Writing as the university's unofficial spokesperson: no, we are not cancelling graduation.", "PER007"),
        ("On behalf of the whole History department, we reject the new marking policy.", "PER007"),
        ("I'm staff there and I promise you the fees won't rise next year.", "PER007"),
        # conduct in the job
        ("Marked the whole pile by reading the first paragraph of each. Nobody ever checks 🙃", "PER005"),
        ("told my class I was ill today, I was actually at the races", "PER005"),
        ("I run my dog-walking business from my office at the uni, handy", "PER005"),
        # the work address used for private matters
        ("Cake orders open! Email my work address, it's on the staff page.", "PER002"),
    ],
)
def test_phrasing_families_are_read(text: str, code: str) -> None:
    assert code in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        # the employer named, but no grievance
        "Nine weeks into the new job and my department has been lovely. Thank you all.",
        "Our estates office fixed the lab leak the same afternoon. Brilliant team!",
        # measured criticism with a disclaimer stays advice only
        "Views my own: I disagree with moving exams to January, and I've said so in the consultation.",
        # a private group named, or a reminder that groups are not private
        "The private group for new postdocs is up, message me to join.",
        "Reminder for our closed project chat: anything posted can be forwarded, so keep patient details out.",
        # an insider's room without trouble
        "Heard in the staff room: the new coffee machine does oat milk. Life-changing.",
        # not speaking for the institution, a question, or relayed official news
        "I can't speak for the university, but the admissions team can help: details on the course page.",
        "A student asked me if the uni will refund her deposit. I don't know, the accommodation office will.",
        "The university will be paying the Living Wage to all contractors, announced by the VC today.",
        # an office address, not a person's
        "Spotted a phishing email? Forward it to security@example.ac.uk and delete it.",
        # ordinary staff life
        "marking week again, send biscuits and patience",
        "Our research priorities for next year are climate, health and AI. Exciting times in the department.",
    ],
)
def test_the_other_half_alone_is_fine(text: str) -> None:
    assert not _rules(text)


def test_disclaimer_lowers_mild_criticism_to_info() -> None:
    text = "Views my own: the new timetable has had problems again, though the team is working on it."
    findings = [f for f in check(text, PERSONAL) if f.code == "PER001"]
    assert findings
    assert {f.severity for f in findings} == {"info"}


@pytest.mark.parametrize(
    "text",
    [
        "Nine weeks and my department still hasn't replied about my contract renewal.",
        "Only my team follows this account so I can be honest: our director is out of his depth.",
        "On behalf of the whole History department, we reject the new marking policy.",
    ],
)
def test_only_personal_accounts(text: str) -> None:
    assert _rules(text)
    assert not _codes(text, OFFICIAL)


def test_spans_inside_the_text() -> None:
    text = "Only my team follows this account so I can be honest 🙃 the uni has wasted £60k on a logo"
    for f in check(text, PERSONAL):
        assert 0 <= f.span[0] <= f.span[1] <= len(text)
        assert f.fix
