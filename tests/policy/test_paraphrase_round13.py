"""Paraphrase round 13 (issue 12): the dev set's posts of seven families said the way another person
would say them. Each fix made for a paraphrase the rules missed (or wrongly flagged) comes as a
risky post that must get its family's block/warn finding and a clean twin, close in wording, that
must get no risk finding at all: the twin is what keeps the fix from being a keyword patch."""

from __future__ import annotations

import pytest

from .flagging import flagged, twin_tests

RISK = {"privacy", "credentials", "confidential-ip", "contentious", "abuse", "brand", "copyright", "personal-use"}

# (family, network, account, risky post, clean twin)
PAIRS = [
    # PRV001: an official post giving its own office's line after saying the office moves
    (
        "privacy",
        "x",
        "official",
        "Our intern Megan moves to the Hub on Monday. Her phone number stays the same: 0113 343 1234.",
        "The Student Records office moves to the Hub, Room 1.05, on Monday. The phone number stays the same: "
        "0113 343 1234.",
    ),
    # PRV005: off ill with ME / fibromyalgia is health news about a named person; "off for me" is not
    (
        "privacy",
        "x",
        "personal",
        "Priyanka from my group is off ill with ME again, so the fieldwork is paused for now",
        "Priyanka took the afternoon off for me so I could finish the grant.",
    ),
    (
        "privacy",
        "bluesky",
        "personal",
        "Dan from the lab is off poorly with fibromyalgia again this week.",
        "New research on ME/CFS from our immunology lab, out today.",
    ),
    # CRD005: others told to sign in as the author
    (
        "credentials",
        "mastodon",
        "personal",
        "Tell the new demonstrators to sign in as me on Gradescope, quicker than waiting for IT to make them accounts",
        "Students: sign in with your own university account on Gradescope.",
    ),
    # CPY003: a commercial track playing over the post's own video
    (
        "copyright",
        "instagram",
        "official",
        'Our festive video has "Last Christmas" by Wham! playing from start to finish 🎄',
        'Our open day video has "Morning Light", composed by our own Music students, playing throughout.',
    ),
    (
        "copyright",
        "x",
        "official",
        'Our graduation reel with "Dancing Queen" by ABBA playing in the background is up now!',
        'Come and watch "Hamlet" playing at the Drama Studio all week - trailer video on our page.',
    ),
    # BRD002: the Pro- and Deputy Vice-Chancellors are office-holders too
    (
        "brand",
        "threads",
        "personal",
        "I'm the Pro-Vice-Chancellor for Education and I endorse this post. Kidding, but somebody promote me please",
        "Met the Pro-Vice-Chancellor at the staff awards today!",
    ),
    # CIP004: a refereeing seat (adjective before the noun, "for <journal>"), then what the authors found
    (
        "confidential-ip",
        "bluesky",
        "personal",
        "Reviewing an amazing submission for Nature Genetics at the moment - they've pinned down the gene for "
        "drought tolerance in barley. Keep an eye out!",
        "Reviewing an interesting submission for Nature Genetics this week. Always a privilege to see good "
        "science early.",
    ),
    # CIP005: something that arrived in the inbox, then passed on
    (
        "confidential-ip",
        "threads",
        "personal",
        "The draft of next year's salary bands has just arrived in my inbox, sharing it here so you all see how "
        "little we're getting",
        "The conference programme just arrived in my inbox and it looks brilliant.",
    ),
    # CON001: a party's government called catastrophic; a vote steered; an eager partner; a march disowned
    (
        "contentious",
        "bluesky",
        "official",
        "Regardless of where you stand, a Reform government would be catastrophic for universities. Please vote "
        "with that in mind next week.",
        "New study from our economists: what would a Reform government mean for university funding?",
    ),
    (
        "contentious",
        "linkedin",
        "official",
        "Only Labour has a workable plan for student funding. We can't wait to partner with a Labour government "
        "after polling day.",
        "Polling day is Thursday: the polling station in the Students' Union opens at 7am.",
    ),
    (
        "contentious",
        "facebook",
        "official",
        "The far-right mob marching through the city centre on Saturday don't represent us. Join the counter-demo "
        "at 12, we'll be there.",
        "Our politics team studies why counter-protests at far-right marches turn violent. Read the report.",
    ),
    # ABU002: a vulgar insult noun for the person the post is about
    (
        "abuse",
        "bluesky",
        "personal",
        "Some total knobhead on the 8.15 was reading my lecture notes over my shoulder and sighing. Do one, pal.",
        "The prick test at the allergy clinic came back clear, so no more antihistamines.",
    ),
    (
        "abuse",
        "bluesky",
        "personal",
        "Our guest lecturer today was a pompous, self-satisfied prick and I'm delighted a third of the audience "
        "left early",
        "Felt a prick of guilt skipping the seminar, but the sun was out.",
    ),
    # ABU002: contempt for people's wits or ability, with people as the subject
    (
        "abuse",
        "threads",
        "personal",
        "honestly the people in our registry office are the thickest humans i've ever dealt with",
        "Our nursing students are the most resilient people I know.",
    ),
    (
        "abuse",
        "linkedin",
        "personal",
        "Truth be told, half the people in my team are fossils too dim to work out a pivot table.",
        "The ice on the lake is too thick to break, so the students are skating on it.",
    ),
    (
        "abuse",
        "linkedin",
        "personal",
        "Let's be honest, a lot of our overseas students can barely put two words together in English. Mortifying.",
        "After six hours of marking I can barely string a sentence together.",
    ),
]


test_risky_paraphrase_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS, RISK)


# Research and teaching on the same topics in strong words: academic debate stays clean on the
# official account (a stance needs the institution's own side, not a finding's adjective).
ACADEMIC = [
    "New research shows climate change could have catastrophic effects on UK crops by 2050.",
    "Our historians explain why the 1970s strikes were so disastrous for the Labour government.",
    "Flood risk from climate change could be disastrous for coastal towns, our geographers warn.",
    "Our politics team asks whether MPs really represent us. Public lecture, Thursday 6pm.",
]


@pytest.mark.parametrize("text", ACADEMIC)
def test_academic_debate_stays_clean(text: str) -> None:
    assert not (flagged(text, "official", "x") & RISK)
