"""Personal-use: argued disagreement, union positions, recurrences and glad career news are not
criticism to warn about; damaging claims stated as fact still are (issue 12, false-alarm round).

Why: staff on personal accounts may hold and argue views and disagree with their employer's
decisions (academic freedom). The guidance's own advice is "say what you disagree with and why", so
PER001 (criticism without a 'views my own' framing) lowers to advice when the author argues a stance
of their own or their union's with a reason, and does not fire on a moan whose only sign is that
something happened again, or on a warm farewell whose negative words are mild. What the family must
still catch (misconduct, deceit and cover-ups stated as fact, contempt) stays caught: each exemption
is paired below with a near-miss that must still warn. Phrasings are our own, not the corpus's.
"""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.types import Context

from .personal_codes import personal_use_codes

PERSONAL = Context("bluesky", "personal")


def _pu(text: str, ctx: Context = PERSONAL) -> set[str]:
    return personal_use_codes(text, ctx)


@pytest.mark.parametrize(
    "text",
    [
        # argued disagreement: a stance of one's own with a reason or evidence
        "I think our dean's plan to cut the language modules is a mistake, because enrolments have risen "
        "three years running.",
        "In my view the VC is wrong about closing the music school: the admissions figures show steady demand.",
        "I disagree with my university's decision to end the sabbatical scheme. Happy to talk it through.",
        # a union's position stated as fact
        "Our branch rejects the case for compulsory redundancies; the university's accounts show £40m in reserves.",
        # a recurrence that is only a recurrence
        "forgot my staff card again and had to be let into the department by a student. classic me",
        "The School of Law won the inter-faculty rowing again this year. Five in a row!",
        # career news told warmly, with a mild or eventful word
        "My old university let me go in the 2020 cuts and honestly it was the best thing that happened to me. "
        "Loving my new job.",
        "Last day in the department today. Thank you all, I will miss the office chaos and the brilliant people.",
        # the local council is not the university's
        "The council's bin collection changes are a disgrace, three weeks without a pickup on our street.",
    ],
)
def test_argued_views_and_harmless_posts_stay_clean(text: str) -> None:
    assert _pu(text) == set()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a disagreement opener does not excuse contempt or a damaging claim
        ("I disagree with the dean because he is an incompetent clown.", "PER001"),
        ("I disagree with our VC, because the truth is he hid the deficit from the governors.", "PER003"),
        (
            "I disagree with the VC on many things, but the worst is that he signed off on the fake "
            "admissions figures.",
            "PER003",
        ),
        # an opinion without reasons, in contempt, still warns
        ("I think our head of department is a joke.", "PER001"),
        # a recurrence with another sign (contempt, a negative post) still reads as criticism
        ("dean's moved the deadline again. uni's a joke", "PER001"),
        ("The registry lost my students' marks again. Furious, and the students are the ones who suffer.", "PER001"),
        # a glad post that hides a claim is still read for the claim
        ("Thrilled to be leaving! So happy. The university hides bullying complaints, so good riddance.", "PER003"),
        # the council of a university
        ("The university council voted through the cuts without hearing from staff. Disgraceful.", "PER003"),
    ],
)
def test_damaging_or_contemptuous_posts_still_warn(text: str, code: str) -> None:
    assert code in _pu(text)


def test_argued_view_is_advice_not_silence() -> None:
    """An argued disagreement is not dropped: it is still named, as advice (info)."""
    text = "I disagree with the dean's cuts to the library budget, because the usage data show it is busier than ever."
    found = [f for f in check(text, PERSONAL) if f.code == "PER001"]
    assert found and all(f.severity == "info" for f in found)
