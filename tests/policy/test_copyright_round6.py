"""Copyright constructions added in round 6 (issue 12), from tuning set A: lyrics in full, a
publisher's PDF shared, the rights disowned in words, a watermark taken out, what its maker
deleted re-posted, a named character on merchandise, newspaper leaders and subscriber briefings.
Each asserts a hand-written rule (not only the learned CPY010); near-misses stay clean."""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.rules import copyright as cpy
from townhall.policy.types import Context

LEARNED = {"CPY010"}


def _copyright_rules(text: str, account: str) -> set[str]:
    return {
        f.code
        for f in check(text, Context("x", account))
        if f.family == "copyright" and f.severity in ("warn", "block") and f.code not in LEARNED
    }


@pytest.mark.parametrize(
    ("text", "account", "code"),
    [
        ("the complete lyrics of Don't Look Back in Anger for the singalong tomorrow", "personal", "CPY003"),
        ("every word of Mr Brightside, for the staff karaoke tonight 🎤 here are the full lyrics", "personal",
         "CPY003"),
        ("My Elsevier article's final PDF is here for all, the OA fee was ridiculous", "research", "CPY003"),
        ("Used an Alamy photo for our society flyer, I took the watermark out", "personal", "CPY003"),
        ("reposting this reel because the creator took it down, saved it before they did", "personal", "CPY003"),
        ("Photographed every slide of Prof Hill's keynote and uploaded them here, brilliant talk", "personal",
         "CPY003"),
        ("Attaching the full Wonkhe subscriber briefing for all our staff to read", "official", "CPY003"),
        ("I do not own the rights to this picture, all credit to the original creator 🙏", "personal", "CPY002"),
        ("pics aren't mine, credit to whoever took them", "personal", "CPY002"),
        ("these aren't my pics, but they're so relatable", "personal", "CPY002"),
        ("Minions in mortarboards on our new graduation mugs! 🎓💛", "official", "CPY004"),
        ("Screenshot of a stranger's tweet about marking that made me laugh, can't remember who posted it",
         "personal", "CPY004"),
        ("these aren't my pics, got them off tumblr", "personal", "CPY004"),
        ("Full words to Jolene for tonight's pub quiz finale", "personal", "CPY003"),
        ("Attached the final published version of our Springer chapter, even though we only have rights to the "
         "preprint", "research", "CPY003"),
        ("Re-uploading the lecture the speaker asked us not to share, it's too good", "personal", "CPY003"),
    ],
)
def test_round6_copyright_form(text: str, account: str, code: str) -> None:
    assert code in _copyright_rules(text, account)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("Our study of copyright infringement on TikTok found that most creators never credit the original music.",
         "research"),
        ("Our film studies seminar looks at how Hitchcock used music. Clips shown in class under the education "
         "exception.", "research"),
        ("Selling two tickets for the Arctic Monkeys gig in Sheffield, face value, DM me.", "personal"),
        ("Shared login for the lab's Spotify would solve so many arguments about the music.", "personal"),
        ("Here's our refreshed logo on the Great Hall banner, looking good in the sun", "official"),
        ("Used the department's PowerPoint template and logo for the open day slides", "official"),
        ("Our music students wrote original songs for the showcase; full lyrics on our website.", "official"),
        ("Our accepted manuscript is on the repository while the publisher's version is under embargo.", "research"),
        ("You are like a catholic that believes every word of the pope.", "personal"),
        ("The full words of the Vice-Chancellor's statement are on the news page.", "official"),
        ("Didn't ask for much for my birthday, just a working printer", "personal"),
        ("Image: Wellcome Collection, CC BY 4.0. Our history of medicine exhibition opens Friday.", "official"),
        ("All credit to our amazing students for organising the whole festival!", "official"),
        ("Sharing the Guardian's piece on the housing crisis: https://www.theguardian.com/society. Thoughtful read.",
         "personal"),
    ],
)
def test_round6_copyright_near_miss_stays_clean(text: str, account: str) -> None:
    assert not _copyright_rules(text, account)


def test_round6_licence_test_is_only_deferred() -> None:
    # CPY003 tests the licence pattern after finding a form: a licensed post must still be clean
    text = "Sharing the full PDF of the Nature paper, used under a CC BY licence"
    assert "CPY003" not in _copyright_rules(text, "research")
    assert cpy._OWN_OR_LICENSED_RE.search(text.lower())


def test_round6_copyright_findings_keep_span_clause_and_fix() -> None:
    text = "Full lyrics to Sweet Caroline for the staff choir, print them off"
    found = [f for f in check(text, Context("x", "personal")) if f.code == "CPY003"]
    assert found
    for f in found:
        s, e = f.span
        assert 0 <= s < e <= len(text) and f.clause and f.fix
