"""Personal-use, issue 12 round 12: paraphrases of our dev set's personal-use posts that the dev
wording's rules missed (an account made with the staff e-mail that then carries private life, a
staff Slack named private as the reason to speak, an employer's survival doubted, "cannot make
this up", a quoted claim flatly denied, the employer's quoted verdict on the author's own case),
and two clean personal posts they flagged (a colleague who "has just run her first marathon",
"coffee drunk"). Each risky post stands beside a clean one with the same cue."""

from __future__ import annotations

from functools import partial

import pytest

from .flagging import RISK_AND_PERSONAL, flagged

_families = partial(flagged, account="personal", families=RISK_AND_PERSONAL)


@pytest.mark.parametrize(
    ("risky", "clean"),
    [
        (
            "Made this account with my staff email so my colleagues can find me. Anyway, here's my cat",
            "Emailed the seminar slides from my staff email so my colleagues can find them.",
        ),
        (
            "The staff Slack is private so: Dr Benson is a cheat and faked his data for the grant. Share this",
            "The group is private so please be kind to each other and no spam.",
        ),
        (
            "Personal view: the uni's finances are so bad I'd be amazed if it survives to 2028.",
            "Personal view: my tomato plants are so tall I'd be amazed if the greenhouse survives to June.",
        ),
        (
            "the uni has paid a consultancy £1.5m to recommend redundancies. genuinely cannot make this up",
            "my toddler just told the vicar his name is Batman. genuinely cannot make this up",
        ),
        (
            'Apparently the university has "listened to staff concerns". It has not. It has closed the crèche.',
            'My daughter said "I will tidy my room". She did not. Kids!',
        ),
        (
            'My boss said my promotion case was "too ambitious". After ten years here. Says everything about this '
            "place.",
            'My boss said my promotion case was "outstanding". After ten years here. Says everything about this '
            "place!",
        ),
        (
            "Thinking of applying to work at my uni? Just run.",
            "My colleague Jen has just run her first marathon! So proud of her.",
        ),
        (
            "Hungover at the staff away day, don't tell my line manager",
            "Marking done, coffee drunk, cat fed. Good Friday.",
        ),
    ],
)
def test_paraphrase_beside_its_clean_twin(risky: str, clean: str) -> None:
    assert "personal-use" in _families(risky), risky
    assert not _families(clean), clean


@pytest.mark.parametrize(
    ("risky", "clean"),
    [
        # what the author does with a team, beside a personal account speaking as an office's team
        (
            "Hi all, we're the admissions team - DM us your details to confirm your place",
            "Line manager's away so I'm running the team meeting today.",
        ),
        ("This is the Student Support team. If you're struggling with fees, DM us your details", "I'm on the team for "
         "the charity run!"),
    ],
)
def test_speaking_as_a_team_beside_working_in_one(risky: str, clean: str) -> None:
    assert "brand" in _families(risky), risky
    assert not _families(clean), clean
