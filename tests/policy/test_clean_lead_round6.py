"""Clean near-misses that other rules' rounds reported (issue 12, round 6), each beside the risky
post it must still be told apart from, so a fix that silences the whole rule fails here."""

from __future__ import annotations

import pytest

from townhall.policy import Context, check


def _codes(text: str, account: str = "official") -> set[str]:
    return {f.code for f in check(text, Context("x", account)) if f.severity in ("block", "warn")}


@pytest.mark.parametrize(
    ("text", "account", "code", "flagged"),
    [
        # an office's e-mail, phone line and opening hours are a contact line, not a street address
        ("Contact our Admissions team: admissions@leeds.ac.uk, 0113 243 1751, Monday to Friday 9 to 5.",
         "official", "PRV006", False),
        ("Party at mine! 12 Acacia Avenue, Leeds LS1 4AB, ring 0113 243 1751 when you get here",
         "personal", "PRV006", True),
        # an official profile is written with its subject; gossip about the same detail is not
        ("Meet Jamal, a care leaver who is now graduating with a Master's in Social Work.",
         "official", "PRV007", False),
        ("Jamal in Social Work is a care leaver and has failed his resits.", "official", "PRV007", True),
        # an open-access embargo on the publisher's version: the paper is out
        ("Our accepted manuscript is free to read on the repository while the publisher's version is under embargo.",
         "official", "CIP002", False),
        ("Our paper is under embargo until Thursday but here are the results: the drug halves mortality.",
         "official", "CIP002", True),
    ],
)
def test_reported_near_misses(text: str, account: str, code: str, flagged: bool) -> None:
    assert (code in _codes(text, account)) is flagged
