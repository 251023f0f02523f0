"""Compositional behaviour of the personal-use and brand rules (issue 12): who is referred to x
what is said about it, and the framing or route that makes the same words fine."""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.types import Context

PERSONAL = Context("x", "personal")
OFFICIAL = Context("x", "official")


def _risk(text: str, ctx: Context, family: str) -> set[str]:
    return {f.code for f in check(text, ctx) if f.family == family and f.severity in ("block", "warn")}


def test_disclaimer_lowers_criticism_but_not_reputation_damage() -> None:
    criticism = "Views my own: my employer's new hybrid working policy is an insult."
    assert "PER001" not in _risk(criticism, PERSONAL, "personal-use")
    assert any(f.code == "PER001" and f.severity == "info" for f in check(criticism, PERSONAL))
    damaging = "Views my own: my university is lying to applicants about graduate outcomes."
    assert "PER003" in _risk(damaging, PERSONAL, "personal-use")


@pytest.mark.parametrize(
    "text",
    [
        "My employer's new hybrid working policy is an insult. Not that they'll admit it.",
        "three pints at lunch then back to the lab to teach the first years safety procedures",
        "They're closing the music course. Heard it in the staff room.",
    ],
)
def test_personal_use_needs_a_personal_account(text: str) -> None:
    assert _risk(text, PERSONAL, "personal-use")
    assert not _risk(text, OFFICIAL, "personal-use")


@pytest.mark.parametrize(
    "text",
    [
        "Summer ball with the team last night, great food, home by midnight like the sensible adults we are",
        "Marking season: genuinely impressed by how many of my students found sources I didn't know.",
        "Constructive feedback to my colleague: your slides were brilliant, happy to help cut them down.",
    ],
)
def test_ordinary_staff_posts_stay_fine(text: str) -> None:
    assert not _risk(text, PERSONAL, "personal-use")


def test_new_account_is_judged_by_its_route() -> None:
    assert "BRD005" in _risk(
        "We set up the School's new page ourselves since the Digital Team were too slow.", OFFICIAL, "brand"
    )
    assert not _risk("The Careers Service has a new Bluesky account, set up with the digital team.", OFFICIAL, "brand")
    assert "BRD005" in _risk(
        "The Liaison account is now also on X as @ExUniLiaison (not on the official directory yet)", OFFICIAL, "brand"
    )


def test_endorsement_needs_something_commercial() -> None:
    assert "BRD006" in _risk(
        "Example University officially recommends Domino's! Use code EXUNI for 25% off", OFFICIAL, "brand"
    )
    assert not _risk(
        "The University is proud to partner with the NHS Trust on a new training centre.", OFFICIAL, "brand"
    )


def test_pointing_to_the_official_page_is_not_a_claim() -> None:
    text = "Nominations close Friday - link to the official page below."
    assert not _risk(text, PERSONAL, "brand")
    assert "BRD001" in _risk("This is the official page of Example University Admissions, DM us.", PERSONAL, "brand")


def test_spans_lie_in_the_text() -> None:
    text = "hungover in a 9am seminar after the staff bar lock-in 🥴 starting an unofficial 'Example Uni Labs' account"
    for f in check(text, PERSONAL):
        assert 0 <= f.span[0] <= f.span[1] <= len(text)
        assert f.fix
