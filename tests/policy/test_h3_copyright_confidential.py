"""CPY004 and CIP006 are compositional: each needs two things (someone else's work AND an act
that reproduces it; news not public yet AND a post that gives it away), and each is silenced by
the sign that makes the post fine (a licence, credit or link; the news being out; a plain
refusal). These tests pin both halves, so a change that turns either rule into a word list fails."""

from __future__ import annotations

import pytest

from townhall.policy import Context, check


def _codes(text: str, account: str = "personal") -> set[str]:
    return {f.code for f in check(text, Context("x", account)) if f.severity in ("block", "warn")}


@pytest.mark.parametrize(
    "text",
    [
        "Scanned two chapters of the Wiley textbook and put them on the module page.",
        "Grabbed some photos off another university's Instagram for our prospectus.",
        "Our open day reel is set to Coldplay, turn it up!",
        "the skyline image came from a quick Google search, looks great on the cover",
        "Sci-Hub link in the replies if you can't get the paper",
    ],
)
def test_someone_elses_work_reproduced_is_flagged(text):
    assert "CPY004" in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same works and acts, with permission, a licence, a credit or a link
        "Scanned two chapters of the Wiley textbook under our CLA licence for the module page.",
        "Grabbed some photos off another university's Instagram, with their permission, for our prospectus.",
        "Our open day reel is set to Coldplay, licensed through PRS for Music.",
        "Read the full Guardian article here (link below), great piece on our research.",
        "Sci-Hub is not the answer, folks: email the author for a copy.",
        # a work without any act, and an act on our own work
        "Listening to the new Coldplay album while I mark.",
        "I posted a video of my own lab tour on YouTube.",
    ],
)
def test_licensed_credited_linked_or_own_work_is_not_cpy004(text):
    assert "CPY004" not in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "We got the Leverhulme grant! Not announced till March so keep it quiet.",
        "I'm on the hiring panel for the chair: they picked Dr Osei. Candidates haven't been told yet.",
        "Can't say which department, but one starts with G and it's closing.",
        "The exam for MATH101 has a question on eigenvalues, revise those.",
        "Heard on the grapevine the business school is merging with economics.",
    ],
)
def test_not_yet_public_news_given_away_is_flagged(text):
    assert "CIP006" in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # the news is out
        "We got the Leverhulme grant! Announced today by the Trust, thank you team.",
        "Dr Osei has been appointed to the chair, officially announced this morning.",
        # a refusal that keeps the secret
        "I'm on the REF panel this time so can't discuss outcomes, sorry.",
        "Can't tell you what's on the exam, obviously, but the past papers are on Moodle.",
        # ordinary uses of the same words
        "Students grow in confidence on our placement year.",
        "Please don't share your login with anyone.",
        "New study: rumours spread fastest in closed groups, not public feeds.",
    ],
)
def test_public_refused_or_ordinary_is_not_cip006(text):
    assert "CIP006" not in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our reel is set to Arctic Monkeys 🎸 and the poster is a Getty pic",
        "psst 🤫 the new Dean is from Monash, not announced yet",
        "ümlaut İstanbul ﬁ: we got the grant, shhh till feb",
    ],
)
def test_spans_stay_inside_the_text(text):
    for f in check(text, Context("x", "personal")):
        if f.code in ("CPY004", "CIP006"):
            assert 0 <= f.span[0] < f.span[1] <= len(text)
            assert f.fix
