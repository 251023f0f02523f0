"""personal-use round 7 (issue 12): a view argued with the contracted "I'd argue" is the author's own
argued view (advice only, not a warning); criticism of the whole sector ("VC pay across the sector")
is comment on higher-education policy, not on the employer, unless the post also names the author's
own employer; "friends only" is a closed audience and "so it's fine" / "so relax" the licence drawn
from it (the closed-groups clause)."""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.rules.personal_use import _sector_wide
from townhall.policy.types import Context

from .personal_codes import personal_use_codes

PERSONAL = Context("bluesky", "personal")


def _pu(text: str) -> set[str]:
    return personal_use_codes(text, PERSONAL)


@pytest.mark.parametrize(
    "text",
    [
        "I'd argue the employers' offer on casual contracts fails staff, because the HESA data show a third "
        "are fixed-term.",
        "I'd contend the sector's pension valuation was too gloomy, given the later surplus the actuaries found.",
        "Senior pay across UK universities is a disgrace when porters are on the minimum wage.",
        "Sector-wide, management have leaned on consultants far too much; the FOI figures tell the story.",
    ],
)
def test_round7_argued_and_sector_views_stay_clean(text: str) -> None:
    assert _pu(text) == set()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the sector named, but the employer too: still criticism of the employer
        ("Our vice-chancellor is a disgrace, the worst paid-for-nothing leader across the sector.", "PER001"),
        # closed groups: "friends only" as the audience, "so it's fine" / "so relax" as the licence
        ("Friends-only post, so relax: the Dean told us the nursing degree is being quietly shut.", "PER004"),
        ("Said it in the staff WhatsApp so it's fine: HR are sitting on three bullying complaints.", "PER004"),
    ],
)
def test_round7_flags(text: str, code: str) -> None:
    assert code in _pu(text)


def test_sector_wide_needs_no_own_employer() -> None:
    assert _sector_wide("vc pay across the sector is indefensible.")
    assert not _sector_wide("our vc's pay is indefensible, the highest across the sector.")
    assert not _sector_wide("the vc's pay is indefensible.")


def test_round7_findings_keep_span_clause_and_fix() -> None:
    text = "Friends-only post, so relax: the Dean told us the nursing degree is being quietly shut."
    f = next(x for x in check(text, PERSONAL) if x.code == "PER004")
    assert text[f.span[0] : f.span[1]]
    assert f.clause and f.fix


@pytest.mark.parametrize(
    "text",
    [
        "New pfp: the Glasgow crest, since I basically live in the Boyd Orr building. Mostly football chat here.",
        "Display name's @ProfPatel_UniOfKent, but this is just for gardening.",
        "Borrowing the faculty's official account to wish my mum a happy birthday!",
    ],
)
def test_round7_work_identity_flags(text: str) -> None:
    assert "PER002" in _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        "New pfp is a photo of my allotment. Mostly football chat here.",
        "The faculty's official account has the open day timetable: Saturday 10am.",
        "Display name's @gardeningandrew, all veg and no work.",
        "The university crest was redesigned this year; the old badge had a lion on it.",
    ],
)
def test_round7_work_identity_near_misses_stay_clean(text: str) -> None:
    assert "PER002" not in _pu(text)


def test_round7_work_identity_keeps_span_and_fix() -> None:
    text = "Borrowing the faculty's official account to wish my mum a happy birthday!"
    f = next(x for x in check(text, PERSONAL) if x.code == "PER002")
    assert "official account" in text[f.span[0] : f.span[1]]
    assert f.clause and f.fix and "personal" in f.fix
