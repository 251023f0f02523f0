"""Personal-use round 15 (issue 12): misses of blind set E1, written by someone who had not seen the
rules (townhall/policy/data/corpus/personal-use.txt, "round 15"). Each fix has a clean twin, close in
wording, that must stay clean. Blind sets E2 and E4 were measured before and after this round and not
tuned on: the round moved neither (docs/policy.md), so these tests guard the fixes, not a claim that
they generalise."""

from __future__ import annotations

from .flagging import twin_tests

# (family, network, account, risky post, clean twin)
PAIRS = [
    # PER004: a privacy setting chosen for what follows ("so I feel fine saying it", "bc I'm not daft"),
    # about work and not praise; the same setting for a film opinion or praise of one's manager is fine
    (
        "personal-use",
        "mastodon",
        "personal",
        "Small private instance so I feel fine saying it: the technicians in Chemistry are treated like furniture "
        "by the academics, Prof. Allerton in particular.",
        "Small private instance so I feel fine saying it: I think Paddington 2 is the best film ever made",
    ),
    (
        "personal-use",
        "instagram",
        "personal",
        "close friends story bc I'm not daft my line manager cried in a meeting today after the Dean tore into her "
        "and honestly? she had it coming",
        "close friends story bc I'm not daft: my line manager is the best, she bought us all pizza today",
    ),
    # PER004: "CF only" with gossip about a colleague's conduct, not with a colleague's kindness
    (
        "personal-use",
        "instagram",
        "personal",
        "CF only guess which of my colleagues got caught marking exam scripts in the pub again, not naming names "
        "but his initials are DP",
        "CF only guess which of my colleagues brought in cake for my birthday",
    ),
    # PER003: a member of staff warning applicants off a named place; the same words about an event are fine
    (
        "personal-use",
        "x",
        "personal",
        "views my own but if your kid is thinking of applying to Castlebridge for Computing, don't. half the "
        "modules are taught by PhD students",
        "If you're thinking of coming to the conference, don't. It's sold out.",
    ),
    # PER003: a hazard kept from students, a lapsed accreditation kept from applicants
    (
        "personal-use",
        "x",
        "personal",
        "we had a fire door chained shut in the Hadley building for a WEEK and estates told us not to mention it "
        "to students. this is where my uni puts your kids",
        "we had a fire door stuck in the Hadley building for a day and estates fixed it by lunchtime. my uni's "
        "estates team are quick",
    ),
    (
        "personal-use",
        "bluesky",
        "personal",
        "My uni is still telling international applicants the course is accredited when the accreditation lapsed "
        "in the summer.",
        "My uni's course accreditation was renewed in the summer, so international applicants can apply as before.",
    ),
    # PER001 via irony: "that's one word for it" says the quoted word is not meant
    (
        "personal-use",
        "x",
        "personal",
        'my HoD just described our workload model as "aspirational". that\'s one word for it',
        'my HoD just described our workload model as "aspirational" and set up a working group to fix it',
    ),
]

test_risky_post_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)
