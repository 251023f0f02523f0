"""Readings that clear a finding on an official post: a status the institution holds (CON010),
research on support for a side (CON001), a story told with consent (PRV010), its own crest
renewed (BRD003).

Why: an official post reporting an accreditation, award, charter or scheme the institution holds
("an accredited Living Wage employer", "a University of Sanctuary") states approved facts, yet the
model read its topic words (wages, refugees) as taking a side. The same status used to argue a
side must still be flagged.
"""

from __future__ import annotations

import pytest

from townhall.policy import Context, check

OFFICIAL = Context("x", "official")


def _contentious(text: str) -> list[str]:
    return [f.code for f in check(text, OFFICIAL) if f.family == "contentious" and f.severity != "info"]


@pytest.mark.parametrize(
    "text",
    [
        "Proud to be an accredited Living Wage employer.",
        "We are proud to be an accredited Living Wage employer, paying all staff and contractors at least "
        "the real Living Wage.",
        "We are a University of Sanctuary, welcoming people seeking safety.",
        "The University has signed the Race at Work Charter.",
        "Delighted to have renewed our Athena Swan Silver award for the School of Physics.",
    ],
)
def test_a_status_the_institution_holds_is_not_a_side(text: str) -> None:
    assert _contentious(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "We are an accredited Living Wage employer, unlike this shameful government who should be paying "
        "nurses properly.",
        "Every employer should pay the Living Wage. We are proud to stand with the campaign.",
        "Proud to be a University of Sanctuary. Refugees are welcome here, and the Home Office must stop "
        "the deportations.",
        "As a university we think leaving the EU was a disaster and we will keep saying it.",
    ],
)
def test_the_same_status_used_to_argue_a_side_is_still_flagged(text: str) -> None:
    assert _contentious(text), text


def _privacy(text: str, account: str = "official") -> list[str]:
    return [f.code for f in check(text, Context("x", account)) if f.family == "privacy" and f.severity != "info"]


def test_prv010_leaves_alone_an_official_story_told_with_its_subjects_consent() -> None:
    text = ("Congratulations to Grace Lewis, our Student of the Year, who raised £10,000 for the children's "
            "ward at Addenbrooke's. Shared with her permission.")
    assert _privacy(text) == []


def test_prv010_still_reads_a_personal_post_that_claims_consent() -> None:
    # consent only moots the learned finding on official posts, which the digital team vets
    text = ("Congrats to Marta Kowalczyk in my tutor group, who finally passed her resit after her long sick "
            "leave for depression! Shared with her permission.")
    assert "PRV010" in _privacy(text, "personal")


@pytest.mark.parametrize(
    "text",
    [
        "New report from our Centre on Constitutional Change on support for Scottish independence 📊",
        "Our researchers surveyed attitudes to immigration: support for lower migration is highest among over-65s.",
    ],
)
def test_research_on_support_for_a_side_is_a_finding_not_a_side(text: str) -> None:
    # CON001 discounts the stance word of counted respondents and of a study's own topic
    assert _contentious(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "We support Scottish independence.",
        "New report on support for Scottish independence: we back it and so should you.",
    ],
)
def test_a_side_taken_beside_a_report_is_still_flagged(text: str) -> None:
    assert _contentious(text), text


def test_the_institution_showing_its_own_renewed_crest_is_not_an_altered_logo() -> None:
    text = "Our crest, redesigned for our 50th birthday - what do you think?"
    assert [f.code for f in check(text, OFFICIAL) if f.family == "brand"] == []
    # the same words from a personal account are someone altering the institution's mark
    assert "BRD003" in [f.code for f in check(text, Context("x", "personal"))]
