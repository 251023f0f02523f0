"""Personal-use, issue 12 round 14: posts in voices the rules had not met (the leadership team as "SLT"
or "our exec", the employer's negative verdict on the author's own work quoted and answered with years
of it, understatement, the loaded question about an office's duty, a boast set against its contrary in
a "why ... when" question, a promise quoted from an internal e-mail and the time since, a virtue
dismissed with "so much for", a thing renamed in management-speak, an act in scare quotes, a fault
"Still there.", a virtue said flat as its own sentence, txt-speak without apostrophes, an account of
the author's own opened on the work address), each beside a clean twin with the same cue; and the
clean posts this round's probes found flagged (a repair of the damp or the asbestos, a disclaimer's
own "my employer", baby photos and a leaving collection in the team chat, a melting face "in a good way").
"""

from __future__ import annotations

from functools import partial

import pytest

from .flagging import RISK_AND_PERSONAL, flagged

_families = partial(flagged, account="personal", families=RISK_AND_PERSONAL)


@pytest.mark.parametrize(
    ("risky", "clean"),
    [
        (
            # the lead's known miss: nobody named, the verdict on the author's work is the employer's act
            'Just been told my project "doesn\'t align with institutional priorities". Fifteen years of it.',
            "Just been told my project has been shortlisted for the institutional teaching award. Fifteen years of it!",
        ),
        (
            'Told today my module is "no longer a strategic fit". Nine years I\'ve taught it.',
            'My new module on climate policy has been approved as a "strategic priority" for the school. Delighted.',
        ),
        (
            'My research centre has been deemed "surplus to strategic requirements". Twenty years building it.',
            'my gran says my cooking is "not where the family is going". eight years of sunday roasts.',
        ),
        (
            'Another "exciting opportunity" to reapply for my own job 🙃🙃 thanks SLT',
            "Email from SLT today confirming the pay award for all staff. Good news before the holidays.",
        ),
        (
            "I would not describe the way my department has handled the restructure as entirely competent.",
            "I'd describe my department's handling of the new timetable as entirely competent, actually. Smooth "
            "start to term.",
        ),
        (
            "Let's just say the Estates department and the concept of urgency have never met.",
            "Let's just say me and the concept of punctuality have never met. Sorry to my 9am seminar.",
        ),
        (
            "Does anyone in the Registry actually read the emails we send them, or do they just go straight to a "
            "shredder?",
            "Does anyone actually read the terms and conditions, or do we all just click accept?",
        ),
        (
            'Why does my uni keep announcing "record investment" when my lab hasn\'t had a new fume cupboard '
            "since 2009?",
            'Why does every sector report announce "record investment" in HE when national funding per student has '
            "fallen in real terms since 2012? Good piece in the Guardian.",
        ),
        (
            'Email from my HoD, verbatim: "workload concerns will be addressed in due course". That was in 2022.',
            'Email from my HoD, verbatim: "well done on the teaching award, richly deserved". Made my week.',
        ),
        (
            "my HoD rewrote our module evaluations before they went to the committee. so much for integrity",
            "Third all-staff town hall this term where the VC took every question. Genuinely appreciate it.",
        ),
        (
            'The exec team have renamed redundancies "workforce realignment". Much better, I feel so realigned.',
            "The PVC spoke at Senate today about the plans for a new Music building. Exciting times.",
        ),
        (
            'My HoD has "lost" my flexible working request for the third time. Must be a very big drawer.',
            "My flexible working request was approved first time. HoD couldn't have been more supportive.",
        ),
        (
            "Estates fixed the leak in my office by putting a bucket under it 🪣 three months ago. Still there. 👏👏",
            "Estates repainted the PhD office over summer and fixed the damp. It looks great.",
        ),
        (
            'Third "all-staff town hall" this term where the VC didn\'t take a single question. Transparency.',
            "Half the department off with flu and the HoD brought in soup for everyone. What a star.",
        ),
        (
            "smt at my place couldnt organise a bake sale tbh",
            "i couldnt organise a bake sale tbh, huge respect to whoever ran the charity one in the foyer today",
        ),
        (
            "used my university email for my Vinted account so i get student discounts on everything, life hack",
            "reminder to students: your university email gets you discounts on loads of software, check the IT pages",
        ),
        (
            '"Please note the university is committed to transparency" — from an email refusing my FOI about the '
            "VC's expenses.",
            '"Please note the library will be closed on Monday for the bank holiday" — plan your weekend reading '
            "accordingly!",
        ),
        (
            'Lessons from my workplace this year: 1. "Consultation" means we tell you afterwards. 2. "Efficiency" '
            'means fewer people doing more. 3. "Our people are our greatest asset" means nothing at all. Grateful to '
            "my colleagues, less so to our exec.",
            "Lessons from my first year as a lecturer: 1. Over-prepare the first week. 2. Office hours are gold. "
            "3. Students remember kindness. Grateful to my colleagues for all their support.",
        ),
    ],
)
def test_paraphrase_beside_its_clean_twin(risky: str, clean: str) -> None:
    assert "personal-use" in _families(risky), risky
    assert not _families(clean), clean


@pytest.mark.parametrize(
    "clean",
    [
        # a fault put right is no verdict on whoever put it right
        "Estates removed the old asbestos from the basement labs over summer and the new space is lovely.",
        # the disclaimer's "my employer" is not the target of what follows it
        "disclaimer: my views not my employer's. that said, the government's visa policy is a disaster for research",
        # sharing in a closed group licenses only a complaint or a claim
        "It's only the team WhatsApp so I can share the baby photos: little Rosa says hello!",
        "Only posting this in the staff Facebook group as it's just us: Jan's leaving collection envelope is in the "
        "office, give what you can!",
        # the melting face the author says is a happy one
        "my HoD after I told her my grant got funded: 🥳 me: 🫠 (in a good way)",
        # deficit figures are numbers, not a chart reproduced; reading papers before a meeting is preparation
        "The exec at my uni shared the full deficit figures at the all-staff meeting. Sobering, but I appreciated "
        "the honesty.",
    ],
)
def test_clean_posts_the_round_found_flagged(clean: str) -> None:
    assert not _families(clean), clean


def test_what_the_clean_cases_excuse_still_reads_when_it_is_trouble() -> None:
    """The remedy, the disclaimer and the sharing licence each excuse only what they cover."""
    assert "personal-use" in _families(
        "Estates painted over the damp in the PhD office instead of fixing it. Very on brand for my employer."
    )
    assert "personal-use" in _families("disclaimer: my views not my employer's. that said, SLT are cowards and liars")
    assert "personal-use" in _families(
        "Posting in the Dept Staff Social group because it's just us here: the Dean is about to axe the whole of "
        "Modern Languages, you heard it first."
    )
