"""Clean near-misses on staff's personal accounts, issue 12 round 10: swearing at a thing (the wifi,
the trains, the day), directions that say "go back where you came from" to someone lost, a child's
part in the nativity, teaching racist language in a text, life news kept quiet for a while, an
ethics-class hypothetical, internal-audit training, "in no position to speak for the faculty", a
shared login only wished for, and one's own grade written diary-style. Each clean post stands beside
a risky one with the same words, which must still be flagged: the cue that made the false alarm is
ordinary on its own, so the risky twin shows what the rule still needs to see."""

from __future__ import annotations

from functools import partial

import pytest

from .flagging import RISK_ONLY, flagged

_families = partial(flagged, account="personal", families=RISK_ONLY)


@pytest.mark.parametrize(
    ("family", "risky", "clean"),
    [
        # profanity about a thing, beside the same words aimed at a person
        (
            "abuse",
            "@jay the wifi is utter shite, just like your lectures you useless prick",
            "the wifi in the library is utter shite today, can't load a single pdf",
        ),
        ("abuse", "The wifi is shite and so are you", "The wifi in halls is absolute crap, my tutees tell me."),
        (
            "abuse",
            "Crap weather, crap trains, and my manager is a useless prick",
            "Crap weather, crap trains, great students. Two out of three ain't bad.",
        ),
        (
            "abuse",
            "Shitty day thanks to my idiot of a supervisor",
            "Shitty day. Got soaked on the way in, spilled coffee on my notes. Tomorrow will be better.",
        ),
        (
            "abuse",
            "Shit, @dave you absolute moron, you deleted the file",
            "Shit, just realised I left my lecture notes on the bus. Winging it today.",
        ),
        (
            "abuse",
            "Sarah in the Hub is a lazy cow and a useless idiot",
            "The coffee machine in the Hub is total rubbish, tastes like pond water.",
        ),
        ("abuse", "what a crappy week, and fuck the dean", "What a crappy week. Good news is, it's Friday."),
        # "go back where you came from" as directions, beside the racist put-down
        (
            "abuse",
            "@sam_lee go back where you came from, we don't want your sort in this university",
            "My mum always said to go back where you came from when lost, wise woman",
        ),
        (
            "abuse",
            "get lost, go back where you came from",
            "When you get lost on campus, just go back where you came from and start again. Works for me.",
        ),
        # a part in a play, beside an animal insult said of a colleague
        (
            "abuse",
            "At the staff panto my boss was a snake, as always, backstabbing everyone",
            "Took the afternoon off to watch my daughter's nativity. She was a sheep. Outstanding sheep.",
        ),
        # teaching and writing about racist language, beside an accusation in a teaching post
        (
            "abuse",
            "Teaching today and honestly my HoD is a racist, using racist language about my students",
            "Teaching Othello this week, including the racist language Iago uses about him and why Shakespeare "
            "puts it in his mouth.",
        ),
        # a pronoun standing for the author's own family, beside the same pronoun with reproach
        (
            "abuse",
            "Tried to explain two-factor authentication to my dad today. He's a useless idiot and a liar.",
            "Tried to explain two-factor authentication to my dad today. He now thinks I'm a hacker. 😂",
        ),
        # a violent verb on a song's title, beside the same verb on a person's full name
        (
            "abuse",
            "Nothing says Christmas like the department choir. I'm going to murder Dave Smith in the atrium if he "
            "sings flat again.",
            "Nothing says Christmas like the department choir murdering Silent Night in the atrium. Love it.",
        ),
        # life news kept quiet, beside the institution's news kept quiet
        (
            "confidential-ip",
            "Told in confidence by the Dean that the School of Music is closing next year and 40 staff will go",
            "Told in confidence by my best friend that she's getting married! Not public yet so no names 🤐",
        ),
        (
            "confidential-ip",
            "Keep this under your hat: the Dean is retiring and the job will be advertised next week",
            "Keep this under your hat: I'm going to learn to drive this summer.",
        ),
        (
            "confidential-ip",
            "Not official yet, but the VC is resigning next month - heard it at the exec meeting",
            "Not official yet, but I'm pretty sure I'm going to enjoy this sabbatical. First stop: the allotment.",
        ),
        (
            "confidential-ip",
            "my mate in finance reckons the staff canteen is closing and 6 catering staff are being let go",
            "my mate in finance reckons the staff canteen is getting a proper coffee machine 👀 finally",
        ),
        # a hypothetical set for a class, beside a real case heard in confidence
        (
            "confidential-ip",
            "A colleague told me in confidence that the Head of Law is being suspended next week.",
            "Hypothetical for my ethics class: a colleague tells you in confidence that a student is being evicted. "
            "What do you do?",
        ),
        # course materials kept within the course, beside exam questions or exec news in them
        (
            "confidential-ip",
            "The slides for enrolled students have next week's exam questions in them, please don't share outside "
            "the course",
            "The lecture recordings are on Panopto for enrolled students only, please don't share them outside the "
            "course",
        ),
        # the training, beside the audit's findings
        (
            "confidential-ip",
            "Our internal audit found £2m missing from the research budget, board hasn't been told yet",
            "Our internal audit training was actually useful this year. Nice one @CoventryUni.",
        ),
        # disclaiming the institution's voice, beside claiming it
        (
            "brand",
            "I speak for the faculty when I say we reject the new contracts. Official position.",
            "I'm in no position to speak for the faculty, but it's lovely to see the quad full of students again.",
        ),
        # a shared login wished for, beside one handed out
        (
            "credentials",
            "Shared login for the lab's Spotify would solve so many arguments - it's labspotify / Tunes2024",
            "Shared login for the lab's Spotify would solve so many arguments about the music. (We don't have one. "
            "We argue.)",
        ),
        # one's own grade, diary-style, beside a tutee's
        (
            "privacy",
            "My tutee Sam had his results today. Got a D in maths. Gutted for him.",
            "My A-level results day was 20 years ago today. Got a D in maths. Now I teach statistics. Don't give up.",
        ),
    ],
)
def test_clean_beside_risky_twin(family: str, risky: str, clean: str) -> None:
    assert family in _families(risky), risky
    assert _families(clean) == set(), (clean, _families(clean))
