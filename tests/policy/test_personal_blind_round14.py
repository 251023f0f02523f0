"""Personal-use round 14, blind set C (issue 12): posts the lead wrote before the round-14 rule
changes and measured after them (24/29; corpus personal-use.txt, "blind set C"). The fixes made
after that measurement come as the missed post and a clean twin close in wording."""

from __future__ import annotations

from .flagging import twin_tests

# (family, network, account, risky post, clean twin)
PAIRS = [
    # the office named bare as the actor, in txt-speak or without "the"
    (
        "personal-use",
        "x",
        "personal",
        'Admin have "streamlined" the ethics process, meaning it now takes six months instead of three. Bravo.',
        "Admin have streamlined the ethics process: it now takes three weeks instead of six. Thank you!",
    ),
    (
        "personal-use",
        "threads",
        "personal",
        'hod just cancelled my research day for the 4th week running. "operational needs". sure',
        "hod just approved my research leave for next term, really pleased",
    ),
    # a verdict on a manager's grasp ("She has no idea")
    (
        "personal-use",
        "x",
        "personal",
        'Line manager just told me to "be more visible". I\'ve been here till 8pm every night for a month. '
        "She has no idea.",
        "Line manager just told me to take Friday off after a busy month. She has a point.",
    ),
    # a closed group taken as private, and the people affected not told
    (
        "personal-use",
        "facebook",
        "personal",
        "Posting in the staff Facebook group because it's private: the Dean is about to close the Languages "
        "department and nobody's been told.",
        "Posting in the staff Facebook group because it's private: cake in the Languages office at 3pm for "
        "Maria's birthday!",
    ),
    # praise of how a manager handled a hard time ("that's leadership"), not the sarcastic twin
    (
        "personal-use",
        "x",
        "personal",
        "my line manager made me work the weekend my son was ill and then made me feel bad about asking. "
        "that's leadership for you",
        "my line manager covered my classes when my son was ill and never made me feel bad about it. "
        "that's leadership",
    ),
]

test_risky_post_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)
