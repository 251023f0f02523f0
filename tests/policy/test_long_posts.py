"""Long posts without full stops (issue 12): rules look for "this sentence" at most
``SENTENCE_REACH`` characters from a cue, so such a post costs time in proportion to its length
(a 72,000-character one took 20 s in PER009 alone). These tests check the other half: a cut look
still finds what the uncut one found, wherever in a long post the risky sentence stands.
The time itself is measured by ``bench/policy_long_posts.py``, not asserted here.
"""

from __future__ import annotations

import pytest

from tests.policy.flagging import flagged
from townhall.policy.rules.common import SENTENCE_REACH

# Padding that no rule flags, with no sentence end in it: the worst case for a sentence search.
_PAD_WORDS = "the weather on campus was mild and the library stayed open late for revision "

RISKY = [
    # PER009: a colleague's private state with a sneer (this sentence and the next)
    ("personal-use", "My colleague in admissions has been off sick for months. Typical, the rest of us carry her."),
    # CRD006: an access code given in words
    ("credentials", "new starters - until your card works, the back door code for the Aston Webb building is 1909"),
    # PRV005: a named person's health
    ("privacy", "Sarah in our office has been diagnosed with cancer and is starting chemo next week."),
]


def _pad(n: int) -> str:
    return (_PAD_WORDS * (n // len(_PAD_WORDS) + 1))[:n].rstrip() + " "


@pytest.mark.parametrize(("family", "text"), RISKY)
def test_each_risky_post_is_flagged_alone(family: str, text: str) -> None:
    assert family in flagged(text)


@pytest.mark.parametrize(("family", "text"), RISKY)
@pytest.mark.parametrize("where", ["after", "before", "both"])
def test_a_risky_sentence_is_found_inside_long_padding_without_full_stops(family: str, text: str, where: str) -> None:
    pad = _pad(3 * SENTENCE_REACH)
    post = {"after": pad + text, "before": text + " " + pad, "both": pad + text + " " + pad}[where]
    assert len(post) > 3 * SENTENCE_REACH
    assert family in flagged(post)


@pytest.mark.parametrize(("family", "text"), RISKY)
def test_padding_alone_is_not_flagged(family: str, text: str) -> None:
    assert family not in flagged(_pad(4 * SENTENCE_REACH))


# Clauses repeated with their full stops taken out, as a pasted wall of text reads.
_WALLS = [
    'My boss said my promotion case was "',
    "As the voice of Northbridge University I want to say how proud we are of this year's results ",
    "the back door code for the Aston Webb building is 19 then 09 ",
    "my colleague Sarah has been off sick with depression for months and honestly she is useless ",
    "DM me your Moodle password and I'll upload the marks for you ",
    "Told in confidence by my best friend that she's getting married Not public yet so ",
    "Off the record I think the new canteen menu is a vast improvement The curry is great ",
    "I share full paper from Elsevier journal here because is not fair that paywall ",
    'Sharing this vile message I received today ("go back where you came from") because ',
]


@pytest.mark.parametrize("wall", _WALLS)
def test_cutting_the_sentence_search_changes_no_finding_on_a_wall_of_text(wall: str, monkeypatch) -> None:
    from townhall.policy import Context, check
    from townhall.policy.rules import common, credentials, personal_use, privacy

    post = (wall * (6000 // len(wall) + 1))[:6000]

    def findings() -> list[tuple[str, int, int]]:
        return sorted((f.code, *f.span) for acct in ("personal", "official") for f in check(post, Context("x", acct)))

    cut = findings()
    for module in (common, credentials, personal_use, privacy):
        monkeypatch.setattr(module, "SENTENCE_REACH", 10**9)
    assert findings() == cut


def _in_quotes_by_counting(text: str, start: int, end: int) -> bool:
    """abuse._in_quotes as it was written first: every quote mark counted afresh."""
    from townhall.policy.rules.abuse import _QUOTE_CHARS, _is_apostrophe

    line_start = text.rfind("\n", 0, start) + 1
    before = [i for i in range(line_start, start) if text[i] in _QUOTE_CHARS and not _is_apostrophe(text, i)]
    after = [i for i in range(end, len(text)) if text[i] in _QUOTE_CHARS and not _is_apostrophe(text, i)]
    return len(before) % 2 == 1 and bool(after)


def test_quote_marks_found_once_per_post_answer_as_counting_them_each_time() -> None:
    import random

    from townhall.policy.rules.abuse import _in_quotes

    rng = random.Random(12)
    alphabet = "ab \n'\"“”‘’«»x."
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _in_quotes(text, start, end) == _in_quotes_by_counting(text, start, end), (text, start, end)
