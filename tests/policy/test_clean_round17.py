"""Clean round 17 (issue 12): false alarms found by tuning set L3 (150 clean near-misses of the issue's
kinds, written by a helper who had not seen the rules; 9/150 with a risk finding before this round, 4
after). Each fix has a risky twin, close in wording, that keeps its finding. Set L4, written at the
same time by another helper, is the yardstick: 16/150 before and after (``docs/policy.md``)."""

from __future__ import annotations

from .flagging import twin_tests

# (family, network, account, risky twin, clean post)
PAIRS = [
    # PRV001: a unit named by what it is ("the Law School:", "The Music Department box office") owns the line
    (
        "privacy",
        "x",
        "personal",
        "For anyone trying to reach Priya in the Law School: her home number is 01632 960372, she's off sick.",
        "For anyone trying to reach the Law School: the office number is 01632 960372, open 9-5.",
    ),
    (
        "privacy",
        "facebook",
        "personal",
        "Our Music Department colleague Tom is off sick, ring him at home on 01632 960588 if urgent.",
        "Our Christmas concert is open to the public! The Music Department box office is on 01632 960588 and tickets "
        "are free.",
    ),
    # CPY004: the group's own website or blog is not someone else's
    (
        "copyright",
        "bluesky",
        "research",
        "Our slides are now on the lab website, alongside the photos we grabbed from a rival lab's website.",
        "Our slides from last week's European Geosciences Union meeting are now on the lab website.",
    ),
    # CPY004: an act the post says it avoided ("instead of copying their figures")
    (
        "copyright",
        "bluesky",
        "research",
        "We copied the figures from their paper straight into our review instead of linking to it.",
        "Our mini-review is up on the lab blog, linking to each original paper instead of copying their figures.",
    ),
    # PER010: office hours for the author's own tutees, with the work address
    (
        "personal-use",
        "x",
        "personal",
        "If you're one of my second-year tutees, I also do private tutoring at £30 an hour. Drop me a line at my "
        "university address, j.mercer@northvale.ac.uk.",
        "If you're one of my second-year tutees, my office hours this term are Wednesdays 10-12 in Room 3.07. Or "
        "drop me a line at my university address, j.mercer@northvale.ac.uk.",
    ),
]

test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)
