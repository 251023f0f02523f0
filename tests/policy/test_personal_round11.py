"""personal-use, issue 12 round 11: clean personal posts that PER001/PER003 read as criticism of the
institution, though they criticise no decision and no decision-maker: an oath at the author's own
tiredness, a staff quiz lost to a rival department, a choir "murdering" a carol, an email's own
"'urgent'" label quoted, a "Bad news: ... Good news: <a joke on oneself>" set-up, and praise for a
report the institution published. Each clean post stands beside a risky twin with the same words that
must stay flagged, because the cue the fix discounts (an oath, "lost", "murdering", a quote, "bad
news", "bullying") is exactly what a real complaint uses too."""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.rules import personal_use
from townhall.policy.types import Context

_CTX = Context("x", "personal")


def _codes(text: str) -> set[str]:
    """The personal-use codes that warn or block on the post."""
    return {f.code for f in check(text, _CTX) if f.family == "personal-use" and f.severity in ("warn", "block")}


_PAIRS = [
    # tiredness sworn at, beside an oath at the employer's act
    (
        "Fuck me, the Dean has cut our marking time again. Home now. Sofa.",
        "Fuck me, that was a long exam board. Home now. Sofa.",
    ),
    (
        "Bloody hell, the university has closed the nursery with two weeks' notice.",
        "Good grief, three back-to-back exam boards today at the uni. Bed.",
    ),
    # a game lost to a friendly rival, beside colleagues lost to redundancy
    (
        "Our department lost three more lecturers to redundancy again. Classic.",
        "Our department lost the staff quiz to the physics lot again. Classic.",
    ),
    (
        "Our department lost two more posts to the restructure again. Classic.",
        "Our lab lost the five-a-side final to the Estates team again. Next year.",
    ),
    # an email's own label quoted, beside the same quote with a cost or a sarcastic close
    (
        "Another Monday, another pointless 'urgent' survey from HR while they cut our pay. Genius.",
        "Another Monday, another 'urgent' survey from HR. Filling it in with my coffee.",
    ),
    (
        "Another Monday, another 'urgent' survey from HR asking how valued we feel, the week after the pay cut.",
        "Another 'quick' survey from HR. Done, back to marking.",
    ),
    # a carol murdered by the choir, beside the choir's budget cut
    (
        "Nothing says Christmas like the department cutting the choir's budget. Love it.",
        "Nothing says Christmas like the department choir murdering Silent Night in the atrium. Love it.",
    ),
    # "Bad news: ... Good news:" with the joke on the author, beside the punchline on the VC
    (
        "Bad news: the university is closing the nursery. Good news: the VC got a pay rise.",
        "Bad news: the university gym is closed for refurbishment. Good news: excuse not to go.",
    ),
    # a report published in the open, beside one buried or called a whitewash
    (
        "The Provost buried the bullying investigation summary. Good to see transparency is dead.",
        "The Provost has published the bullying investigation summary and the action plan. "
        "Good to see it out in the open.",
    ),
    (
        "The Provost has published the bullying investigation summary and it whitewashes everything.",
        "The university has published the harassment review and its recommendations in full. Good step.",
    ),
]


@pytest.mark.parametrize(("risky", "clean"), _PAIRS)
def test_risky_twin_flagged_clean_post_not(risky: str, clean: str) -> None:
    assert _codes(risky) & {"PER001", "PER003"}, risky
    assert not _codes(clean), (clean, _codes(clean))


def test_vader_view_keeps_offsets_and_blanks_only_the_misread_words() -> None:
    """The view VADER scores keeps every offset (the rule slices it by sentence spans) and blanks
    the oath, the game lost and the performed piece's verb, not the rest."""
    text = "Fuck me, that was long. We lost the quiz. The choir murdering Silent Night. Staff cut."
    view = personal_use._vader_view(text)
    assert len(view) == len(text)
    assert "Fuck" not in view and "lost" not in view and "murdering" not in view
    assert "Staff cut." in view and "the quiz" in view and "Silent Night" in view


def test_published_report_needs_a_verb_of_publishing() -> None:
    """"published the bullying investigation" names a report's subject; "buried" does not."""
    pub = "the provost has published the bullying investigation summary"
    bur = "the provost buried the bullying investigation summary"
    assert personal_use._published_report(pub, pub.index("bullying"))
    assert not personal_use._published_report(bur, bur.index("bullying"))
