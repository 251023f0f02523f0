"""Clean round 14 (issue 12): fresh clean near-misses, written in new voices after the rules were
tuned (townhall/policy/data/corpus/clean-general.txt, "round 14"). Each fix comes with a risky
twin, close in wording, that must keep its finding: the twin is what keeps the fix from being a
keyword patch."""

from __future__ import annotations

from .flagging import twin_tests

# (family, network, account, risky twin, clean post)
PAIRS = [
    # PRV006: an official post giving the address of one of its services is the institution's own
    # address; the same address given as where a named person lives is not
    (
        "privacy",
        "x",
        "official",
        "Our receptionist Dawn lives at 21 Park Place, Cardiff CF10 3DQ, so pop round with the card.",
        "The Careers Service is at 21 Park Place, Cardiff CF10 3DQ. Drop in any weekday, no appointment needed.",
    ),
    (
        "privacy",
        "facebook",
        "official",
        "Congratulations to Tom, who has moved into his new house at 9 Elm Close, Leeds LS6 2AB!",
        "The Registry has moved to 9 Elm Close, Leeds LS6 2AB. Same phone number, same opening hours.",
    ),
    # PRV005: the author's own condition, with the author describing themself ("I'm a professor"),
    # is their own news; someone else's condition stays private
    (
        "privacy",
        "x",
        "personal",
        "My colleague has ADHD and she's a professor. Happy to put any student in touch with her.",
        "I have ADHD and I'm a professor. Happy to chat to any student who wants to talk about studying with it.",
    ),
    (
        "privacy",
        "bluesky",
        "personal",
        "As a lecturer I can tell you my tutee Sam has dyslexia and struggles with exams.",
        "As a lecturer with dyslexia myself, I know exams can be hard. Ask for the adjustments you need.",
    ),
]


test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)


# CIP002 and PER006: an accepted paper that waits for its embargo ("so more news when it's out")
# gives nothing away; the same wait after a stated result, or after the institution's news, does
EMBARGO_PAIRS = [
    (
        "confidential-ip",
        "x",
        "personal",
        "Under embargo till Monday: our Nature study finds bees can count to five. More news when it's out!",
        "Our lab's paper has been accepted in Cell! It's under embargo until publication, so more news when it's out.",
    ),
    (
        "confidential-ip",
        "bluesky",
        "personal",
        "Our study is embargoed until Friday - it shows screen time halves sleep. I'll post the link when it's live",
        "Our study is embargoed until Friday, so details to follow once it's published. Exciting times in the lab!",
    ),
    # the institution's news told while "waiting" is told all the same
    (
        "confidential-ip",
        "x",
        "personal",
        "Under embargo but the department is closing in June. More news when it's out.",
        "Our report on student housing is under embargo until Monday, so more news when it's out.",
    ),
    (
        "personal-use",
        "x",
        "personal",
        "Embargoed until the VC announces it: the Music department is closing. More news when it's out.",
        "Our book chapter on music education is embargoed until the launch. More news when it's out.",
    ),
]
test_embargo_leak_is_flagged, test_embargo_wait_stays_clean = twin_tests(EMBARGO_PAIRS)
