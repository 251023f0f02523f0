"""personal-use round 4 (issue 12, E/A4/A5 misses): the institution's voice taken by construction
(a role then "I can confirm", "on behalf of <university>", "we at <university> support"), a closed
group named by who it keeps out ("no students will see this"), and claims read by shape (rewriting
others' reports, stacking a committee, reprisals, money helped to, a scheme called a fraud). Each
with a near-miss that must stay clean. Phrasings are our own."""

from __future__ import annotations

import pytest

from townhall.policy.types import Context

from .personal_codes import personal_use_codes

PERSONAL = Context("x", "personal")


def _pu(text: str, ctx: Context = PERSONAL) -> set[str]:
    return personal_use_codes(text, ctx)


@pytest.mark.parametrize(
    "text",
    [
        "As Programme Director at Keele I can confirm the placement year will not be cut.",
        "I'm the press officer at Swansea and I can tell you the campus stays open tomorrow.",
        "On behalf of Abertay I'd like to thank everyone for their patience during the flood.",
        "We at Aston University strongly oppose the new visa rules.",
        "Speaking for everyone at Stirling: we reject the minister's claims.",
        "Staff-only chat so no students can see this: the resit marks are being quietly bumped up.",
        "Our Dean has been rewriting the external examiners' comments before they reach the board.",
        "Our VC stacked the nominations committee with his allies.",
        "Management are threatening staff with disciplinaries if they speak to the press.",
        "Our Registrar helped himself to the hardship fund last year.",
        "The so-called 'voluntary' redundancy scheme is a sham.",
        "I won't work somewhere that hides bullying to protect its professors.",
    ],
)
def test_caught(text: str) -> None:
    assert _pu(text), text


@pytest.mark.parametrize(
    "text",
    [
        "As a Dean I've learnt that listening matters more than talking.",
        "As an admissions tutor I can't promise offers, but I can tell you open day is Saturday.",
        "Thank you to the University of South Wales for hosting our workshop.",
        "UCU branch at Aston: we oppose the new visa rules and will lobby MPs.",
        "Private staff group reminder: cake sale Friday for the hospice!",
        "Rewriting my own report after the reviewers' helpful comments.",
        "Great to sit on the nominations committee this year.",
        "Personal view: I support the rent strike.",
    ],
)
def test_clean(text: str) -> None:
    assert not _pu(text), text
