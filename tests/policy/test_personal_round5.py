"""personal-use round 5 (issue 12): the institution as the subject when it is only tagged by its handle
or addressed as "you", passive claims about its records, the rhetorical "imagine being a Dean and ...",
its statements called a lie, contempt for one's students, and an office's header on a personal account;
each with a near-miss in the same form that must stay clean."""

from __future__ import annotations

import pytest

from townhall.policy.rules.personal_use import _institution_handle
from townhall.policy.types import Context

from .personal_codes import personal_use_codes

PERSONAL = Context("x", "personal")


def _pu(text: str, ctx: Context = PERSONAL) -> set[str]:
    return personal_use_codes(text, ctx)


@pytest.mark.parametrize(
    ("handle", "named"),
    [
        ("uniofleicester", True),
        ("warwickuni", True),
        ("unikent", True),
        ("qubelfast", True),
        ("brightonuniversity", True),
        ("unison", False),
        ("unitedfans", False),
        ("leedsunited", False),
        ("community", False),
    ],
)
def test_institution_handle(handle: str, named: bool) -> None:
    assert _institution_handle(handle) is named


@pytest.mark.parametrize(
    "text",
    [
        # the handle as the subject, "you" addressed to it
        "@WarwickUni you binned every complaint about the Dean and told the students nothing",
        "Replying to @BrightonUni: you fired the technician for raising the damp problem. Shameful.",
        "they victimised everyone who signed the letter about workloads. Cheers @UniofLeicester",
        # passive claims about a record, the doer named around it or left as "they"
        "The external examiners' comments were 'edited' before Senate saw them. Our School did that.",
        "The attendance registers were falsified for the visa audit by the international office.",
        "The minutes they sent round were doctored after the meeting.",
        # imagine being ...
        "imagine being a Provost and backdating the ethics approvals lol",
        # the institution's words called a lie
        "Our anti-bullying charter is a lie and everyone in HR knows it.",
        # contempt for one's students
        "my final years genuinely can't write. at all. how are they graduating",
        "our Year 3s are the dimmest, laziest lot I've ever had the misfortune to teach",
        # reprisals with the target described
        "Our managers are threatening anyone who talks to the press with disciplinaries.",
    ],
)
def test_claims_read(text: str) -> None:
    assert "PER003" in _pu(text) or "PER005" in _pu(text) or "PER001" in _pu(text), _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        "Official update from the School of Nursing: we are suspending placements in Ward 4 this week.",
        "Statement from the Faculty of Science: we are closing the MSc in Ecology to new entrants.",
    ],
)
def test_office_header_is_voice(text: str) -> None:
    assert _pu(text), text


@pytest.mark.parametrize(
    "text",
    [
        "@WarwickUni you did a brilliant job with the new library, thank you!",
        "Replying to @BrightonUni: is the staff survey open until Friday?",
        "Proud of @UniofLeicester for the new research fellowships. Great news.",
        "@unison you are doing great work on the pay claim, solidarity",
        "The minutes of the last Senate have been published on the intranet.",
        "The results were adjusted for age and deprivation, as in the earlier study.",
        "The team was made up of six researchers from three universities.",
        "imagine being a first-year and getting a first. so proud of my tutee",
        "Our anti-bullying charter is being reviewed this term; have your say.",
        "my final years can't write enough about how much they loved the field trip",
        "the students at the back can't read the slides, so I'm making the font bigger",
        "The Faculty of Science has posted an update about the MSc on the official page; please read that.",
        "Fire alarm test in the Arts building at 10am tomorrow, Estates say it'll take 5 minutes.",
    ],
)
def test_near_misses_stay_clean(text: str) -> None:
    assert not _pu(text), _pu(text)


def test_passive_claim_without_a_doer_stays_clean() -> None:
    """A passive claim about a record that names no institution, office or 'they/we/our' is history or
    the news, not a claim about one's employer (and must not trip the other checks on the way)."""
    assert not _pu("In the 1998 scandal the data were fabricated by a lone researcher in Boston.")


@pytest.mark.parametrize(
    "text",
    [
        # criticism addressed to the handle alone: the handle is the institution reference
        "@WarwickUni so you froze our pay again and gave the execs bonuses? Pathetic.",
        # a virtue in scare quotes, then its contrary
        "Love how my uni's 'family friendly' policy means sacking the nursery staff. Inspiring.",
    ],
)
def test_handle_reference_and_irony(text: str) -> None:
    assert "PER001" in _pu(text), _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        "@WarwickUni another brilliant open day, thanks to all the student ambassadors!",
        "My uni's 'family friendly' policy means the nursery now opens at 7:30. Really helpful.",
    ],
)
def test_handle_reference_and_irony_near_misses(text: str) -> None:
    assert not _pu(text), _pu(text)
