"""Clean near-misses found in round 9 (issue 12), each beside the risky post its rule must still flag.

A blind set of 215 clean posts a university and its staff would publish got 10 risk findings before
these fixes, and earlier rounds left known false alarms (ABU003 on a service pointing students to its
first aiders, CON010 on a helpline notice and on an incident dealt with, CON001 on a seminar's
question, CIP003 on research about leaked keys, PRV006 on concert dates, CIP006/CIP004 on a Senate
debate and on peer review). The clean posts below are new phrasings of those kinds, not the blind
set's sentences, so a fix that only cleared one sentence fails here; each group is paired with risky
posts the same rule (or its family) must still flag."""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.evaluate import CLEAN_FAMILIES
from townhall.policy.types import Context


def _findings(text: str, account: str = "official", network: str = "x") -> set[tuple[str, str]]:
    """(code, family) of the block/warn findings of a risk family (or personal-use) on the post."""
    return {
        (f.code, f.family)
        for f in check(text, Context(network, account))
        if f.family in CLEAN_FAMILIES and f.severity in ("block", "warn")
    }


CLEAN = [
    # ABU003: 'them'/'him' as the one the reader is pointed to for help, not a target
    ("official", "Our mental health first aiders wear green lanyards. Don't hesitate to talk to one of them."),
    ("official", "Our wellbeing champions are in every school office. Have a chat with them any time."),
    ("official", "Lost on campus? Our porters know every building - just ask one of them."),
    # CON010: help signposted, an incident among the institution's own people dealt with
    ("official", "Over Christmas, support is still available. Childline: 0800 1111. Samaritans: 116 123."),
    ("official", 'A student was called a "rat" by a speaker at last week\'s event. That is unacceptable and we have '
     "acted."),
    ("official", "A member of staff was shouted at in the car park on Monday. We have taken action and support is "
     "in place."),
    # CON001: a question put up for debate, a whether-clause, a scam's claim reported
    ("official", "Seminar: why do people call politicians idiots? Dr Khan on contempt in online discourse."),
    ("official", "Talk: why do we call politicians liars? The psychology of political insults, with Dr Ed Mason."),
    ("official", "Should the voting age be lowered to 16? Our politics researchers weigh up the evidence in a "
     "new podcast."),
    ("official", "Professor Ellis discusses whether the House of Lords should be elected, on Radio 4 tonight."),
    ("official", "Emails claiming you must pay your tuition fees by gift card are a scam. We never ask for that."),
    # CIP003: leaks as the subject of research or teaching
    ("official", "Paper: how API key leaks happen on GitHub and how maintainers respond. Code and data linked."),
    ("official", "Our researchers scanned 10,000 apps and found hundreds of leaked credentials. Their study "
     "shows how to avoid it."),
    ("personal", "Teaching password hashing today, and why 'Password123' still tops every leak list."),
    # CIP006 / CIP004: a service offered in confidence, praise, an open Senate debate, a review that tells nothing
    ("official", "Estranged students: we offer a bursary and year-round housing. Contact our adviser in confidence."),
    ("official", "Our Money Advice team can help you budget and deal with debt. Book in confidence."),
    ("personal", "Happy retirement to Jenny from the Chemistry stores. Nobody knows more about solvents!"),
    ("personal", "Good debate at the Senate meeting today about the future of the curriculum. Lots of views."),
    ("personal", "Just reviewed a paper from another group whose methodology I think is flawed; wrote a detailed "
     "report. That's peer review."),
    # PRV006 / PRV004 / PRV001: dates, an office's move, a named place of the institution, service lines
    ("official", "Summer concerts in the Great Hall: 14, 21 and 28 June at 7.30pm. Tickets £12."),
    ("personal", "Found my ticket stub from Oasis at Knebworth, 10/08/96. Still the best gig ever."),
    ("official", "Our Admissions office has moved to the Graduate School, Level 2, 8 Mill Road, Leeds LS2 9JT."),
    ("official", "Our new Sports Village is at 1 Parkside Drive, Nottingham NG7 2RD. Free parking for members."),
    ("official", "Security control room: 01904 323 333, staffed day and night."),
    ("official", "Feeling alone this Christmas? Childline (0800 1111) and Samaritans (116 123) are open every day."),
    # PRV005: a deportation policy argued in a moot court is no one's status
    ("official", "Our Law School hosts a mock trial on the Rwanda deportation policy. Students argue both sides."),
    # CRD001: a password named as what a passphrase beats
    ("official", "Three random words are easier to remember and harder to guess than P@ssw0rd1."),
]

# Each risky post must still get a finding of its family.
RISKY = [
    ("official", "Our mental health first aiders wear green lanyards. Ignore them, they're a joke.", "abuse"),
    ("official", "As a university we think leaving the EU was a disaster and we will keep saying it.", "contentious"),
    ("official", "A speaker called a student a \"rat\" last week. That is unacceptable, and so is this government's "
     "war on universities.", "contentious"),
    ("official", "Over Christmas, support is still available - and as a university we think leaving the EU was a "
     "disaster.", "contentious"),
    ("official", "Why should anyone vote Tory? They have betrayed students and must never govern again.",
     "contentious"),
    ("official", "Why do people still back the Tories? Beats us.", "contentious"),
    ("official", "Our podcast asks: should we abolish the monarchy? Obviously yes, and we should do it now.",
     "contentious"),
    ("official", "Seminar: why are Tory politicians such idiots? Spoiler: they just are.", "contentious"),
    ("official", "Leaked from the research office: our paper on API key leaks was rejected by the internal review.",
     "confidential-ip"),
    ("personal", "Leaked: the committee minutes (strictly confidential) say the School will close two departments.",
     "confidential-ip"),
    ("personal", "My colleague told me in confidence that Chemistry will close next year.", "confidential-ip"),
    ("personal", "Nobody knows yet, but Chemistry is closing next summer.", "confidential-ip"),
    ("personal", "Senate meeting today: the Philosophy department closes next year and 12 posts will be cut.",
     "confidential-ip"),
    ("personal", "Just reviewed a paper from another group: they claim a 40% efficiency gain with a perovskite layer.",
     "confidential-ip"),
    ("personal", "Peer reviewing a manuscript right now that totally scoops our own work. Here are the main findings:",
     "confidential-ip"),
    ("official", "Happy birthday Tom! Drop round to his house at 14 Elm Grove Road, B15 2TT tonight.", "privacy"),
    ("personal", "Sam has moved to 21 Elm Road, Leeds LS6 2AB - pop round and say hi.", "privacy"),
    ("official", "Call Sam on 01904 323 333 for tickets, that's his home number.", "privacy"),
    ("official", "Our student Wei Chen faces deportation next week after his visa was refused.", "privacy"),
    ("personal", "my new password is P@ssw0rd1, easier to remember than the last one", "credentials"),
]


@pytest.mark.parametrize(("account", "text"), CLEAN)
def test_clean_round9_posts_get_no_risk_finding(account: str, text: str) -> None:
    assert _findings(text, account) == set(), text


@pytest.mark.parametrize(("account", "text", "family"), RISKY)
def test_round9_risky_twins_still_flagged(account: str, text: str, family: str) -> None:
    assert family in {fam for _code, fam in _findings(text, account)}, text
