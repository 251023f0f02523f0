"""personal-use, issue 12 round 12: shapes the rules did not read, each fixed at its cause and kept
beside a clean twin in the same words.

- the reproach put to the institution itself ("@UniOfX is this how you treat ...", "why are your
  cleaners still on zero hours contracts?", "do you even care ..."), beside a question to its handle;
- laughter at the employer's own words (a quoted slogan or award, a promise recalled), beside the
  same laugh at a family joke or a sincere quote;
- the "Me: ... / Uni: ..." meme, beside the same meme about the author's own clumsiness;
- a deadpan close ("Noted.", "Interesting.", "No further comment.") after a fact that is a complaint
  (a deadline moved to Christmas Eve), beside the same close after a harmless fact;
- a quoted saying set against the restructure announced with it, beside the same quote with cake;
- the institution's "we" ("as the university we'd like to ...", "We, as a university, apologise"),
  beside a society's "we";
- an insider's assurance of an outcome only the institution decides ("your appeal will be upheld",
  "I've spoken to registry. All sorted"), beside the same outcome asked about;
- "the work e-mail" (not only "my work e-mail") given for private matters, beside the work address
  given for work and an office's address;
- the staff card or the library's licensed access passed to friends, beside a household using a
  staff discount;
- perks at the top with an insinuating close, long hours with an ironic question;
- "false alarm" read as an accusation of lying (a clean post that was flagged before this round).

Each clean twin uses the cue the fix reads (a laugh, a quote, "we", "the work email", a staff
discount) so the fix cannot pass by keyword alone."""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.types import Context

_CTX = Context("x", "personal")


def _codes(text: str) -> set[str]:
    """The personal-use codes that warn or block on the post."""
    return {f.code for f in check(text, _CTX) if f.family == "personal-use" and f.severity in ("warn", "block")}


_PAIRS = [
    # a reproach addressed to the institution's handle, beside an ordinary question to it
    (
        "@SheffUni is this how you reward the technicians who kept the labs open all through lockdown?",
        "@SheffUni is the library open over the Easter weekend? planning my writing days",
    ),
    (
        "@univofbristol why are your porters still on zero hours contracts after twenty years?",
        "@univofbristol congratulations on the new nursery, our kids love it already",
    ),
    (
        "@KeeleUni do you even care that your postgrads are sleeping in their cars?",
        "@KeeleUni do you know if the postgrad common room is open on Sundays?",
    ),
    # laughter at the employer's own words, beside laughter at a family joke
    (
        "our dean's newsletter calls this 'a year of investment' 😂 we lost four technicians",
        "my daughter calls my office 'the paper cave' 😂 she is not wrong",
    ),
    (
        "remember when the VC promised 'no compulsory redundancies'? haha. good times",
        "remember when we all used to have paper diaries? haha. good times",
    ),
    # the "Me: ... / Uni: ..." meme, beside the same shape about the author
    (
        "Me: 12 years of unpaid overtime at the uni. The uni: here's a voucher and a restructure",
        "Me: 12 years in HE. Also me: still can't work the lecture theatre projector",
    ),
    # a quoted saying set against the restructure announced with it, beside the same quote with cake
    (
        '"we\'re one big team" — my head of department, in the same meeting where he announced the restructure',
        '"we\'re one big team" — my head of department, at the same meeting where she brought in cake for us all',
    ),
    # the institution's "we", beside a society's "we"
    (
        "Hi all, as the university we'd like to reassure students that the exam timetable will not change.",
        "As the university's oldest rowing club we'd like to thank everyone who came to the regatta.",
    ),
    (
        "We, as a university, apologise for the disruption the cancelled graduation caused.",
        "We at the allotment society would like to apologise for the state of the compost heap.",
    ),
    # an insider's assurance of an outcome only the institution decides, beside the outcome asked about
    (
        "As a member of staff here, I can confirm your extension request will be approved, no need to wait.",
        "Does anyone know whether extension requests will be approved this week? Asking for my tutees.",
    ),
    (
        "@parent_jo I'm a tutor at the uni. Your son's resit will be waived, I've spoken to registry. All sorted.",
        "@parent_jo I'm a tutor at the uni. Resit rules are on the registry page, worth a read.",
    ),
    # "the work e-mail" given for private matters, beside the work address for work and an office's
    (
        "if you want one of the kittens, message me on the staff email, I'm at my desk all day",
        "please email the work address about the workshop bookings, not my gmail",
    ),
    (
        "sign up to my yoga classes! bookings through the work email for now, it's easier",
        "contact the office address for parking permits, they're quick",
    ),
    # the staff card or licensed access passed to friends, beside a household's staff discount
    (
        "got my cousin into the campus gym on my staff card every day this summer, nobody checks",
        "got my kids into the uni nursery with my staff discount, saving a fortune",
    ),
    (
        "used the library's journal access to help my sister with her MBA coursework at another uni",
        "helped my sister with her MBA application this weekend, she's so excited",
    ),
    # perks at the top with an insinuating close, beside the same close about a cat
    (
        "the provost gets a chauffeur from his second home every Monday. wonder who pays for that 👀",
        "my cat gets breakfast at 5am every Monday. wonder who taught her that 👀",
    ),
    # long hours with an ironic question, beside the same question about a pet
    (
        "why does my employer think pizza on Friday makes up for 55 hour weeks? just asking",
        "why does my cat think 5am is breakfast time? just asking",
    ),
    # a fact about the employer left to speak for itself, beside the same close after a harmless fact
    (
        "My department's marking deadline moved to Christmas Eve. Noted.",
        "My department's Christmas party is on the 19th. Noted.",
    ),
    (
        "Our department is moving the exam board to a Saturday before Christmas. Interesting.",
        "Our department is trialling a four-day week. Interesting.",
    ),
    # "false" as a claim about the institution, beside "false alarm" (an idiom that accuses no one)
    (
        "Anyone else's uni wifi down this morning? The uni says it was fixed last week, which is simply false.",
        "Anyone else's uni wifi down this morning? Oh, back now, false alarm",
    ),
    # a building said to be past saving, beside one said to be lovely
    (
        "fire alarm at work again and the ramp is blocked, our building should honestly be condemned",
        "fire drill at work went perfectly, our building cleared in four minutes",
    ),
]


@pytest.mark.parametrize(("risky", "clean"), _PAIRS)
def test_round12_twins(risky: str, clean: str) -> None:
    assert _codes(risky), risky
    assert not _codes(clean), clean
