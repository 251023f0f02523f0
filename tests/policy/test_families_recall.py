"""Privacy, credentials, brand, copyright and confidential-ip constructions added by the families
helper (issue 12), each with a clean near-miss that must stay clean. Why: judged posts are
unseen, so each generalisation is pinned by a case of its kind, not by the post that prompted it."""

from __future__ import annotations

import pytest

from townhall.policy import Context, check


def flagged(text: str, family: str, account: str = "personal") -> bool:
    return any(
        f.family == family and f.severity in ("block", "warn") for f in check(text, Context("x", account))
    )


RISKY = [
    ("privacy", "So Hannah Wells didn't make it through her resits either. Poor thing", "personal"),
    ("privacy", "Kyle never passed his second-year exams, now he's telling everyone he graduated", "personal"),
    ("privacy", "If Mo's leave to remain doesn't come through he'll be on a plane by June", "personal"),
    ("privacy", "Dr Amos Tutu told me he's HIV positive, keep it quiet", "personal"),
    ("brand", "I'm the university's spokesperson now apparently, so: the library closes", "personal"),
    ("brand", "On behalf of Westbridge University, we apologise for nothing", "personal"),
    ("brand", "I represent Westbridge University officially and we endorse CryptoCoin", "personal"),
    ("brand", "Stretched the logo a bit and changed the font for our unofficial club flyers", "personal"),
    ("brand", "Set up a Facebook page that looks just like the uni's official one for my events", "personal"),
    ("brand", "pretending to be the official uni account for April fools, made a lookalike page", "personal"),
    ("copyright", "Stock photo from a quick web search on our homepage banner today!", "official"),
    ("copyright", "Ed Sheeran playing over our graduation highlights reel, copyright who?", "personal"),
    ("copyright", "I googled a nice picture of the campus and used it on our flyers", "personal"),
    ("credentials", "the wifi password is Tulips2026 btw", "personal"),
]

CLEAN = [
    ("privacy", "Guest lecture on HIV stigma by Dr Amos Tutu this Friday, all welcome", "personal"),
    ("privacy", "Applying for a student visa? Our guide explains the CAS process step by step.", "official"),
    ("privacy", "If your visa hasn't been renewed in time, talk to the advice team.", "official"),
    ("privacy", "Contact the Student Support team at support@example.ac.uk or 0113 496 0123.", "official"),
    ("privacy", "I got my leave to remain today after four years! Thank you everyone", "personal"),
    ("brand", "I represent the university's rowing club at BUCS this weekend!", "personal"),
    ("brand", "Spoke to the university's spokesperson about the new library today.", "personal"),
    ("brand", "Beware: someone is pretending to be the university on WhatsApp. Report it.", "personal"),
    ("copyright", "Photo by Jane Doe for Example University, all rights reserved", "official"),
    ("copyright", "Our study of copyright law and image search engines is out now.", "personal"),
    ("credentials", "Passwords should be long: three random words beats P@ssw0rd every time.", "personal"),
    ("credentials", "Stop using passwords like Summer2024! - use a password manager.", "official"),
    ("confidential-ip", "Excellent workshop on commercialising research and protecting IP before publication",
     "personal"),
]


@pytest.mark.parametrize(("family", "text", "account"), RISKY)
def test_construction_is_flagged(family: str, text: str, account: str) -> None:
    assert flagged(text, family, account)


@pytest.mark.parametrize(("family", "text", "account"), CLEAN)
def test_near_miss_stays_clean(family: str, text: str, account: str) -> None:
    assert not flagged(text, family, account)


def test_findings_keep_span_clause_and_fix() -> None:
    for text in ("On behalf of Westbridge University, we apologise for nothing",
                 "Stock photo from a quick web search on our homepage banner today!"):
        for f in check(text, Context("x", "personal")):
            if f.severity in ("block", "warn"):
                assert f.span[0] < f.span[1] and f.clause and f.fix
