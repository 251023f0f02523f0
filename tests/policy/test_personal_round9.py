"""personal-use, issue 12 round 9: the employer never named ("they", "we've been told", "the people in
charge"), a work login used to create a private account, a network's privacy setting taken for a
private room, a disclaimer that makes "the Chemistry department" the author's own, and the
institution's statement given in its voice. Each risky post stands beside a clean one with the same
words, because each cue on its own is ordinary (people log in with their staff login, "they" moved the
bus stop, followers-only posts are about birthdays)."""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.types import Context

_CTX = Context("x", "personal")


def _codes(text: str) -> set[str]:
    """The personal-use codes that warn or block on the post."""
    return {f.code for f in check(text, _CTX) if f.family == "personal-use" and f.severity in ("warn", "block")}


@pytest.mark.parametrize(
    ("risky", "clean"),
    [
        # "they" acting on the author's working life, with sarcasm or a grievance, beside "they" as a
        # neighbour or a council, or with no complaint
        (
            "They announced the closure of the nursery in a newsletter. Staff with kids found out from Facebook. "
            "Classy.",
            "They announced the new bus route in a newsletter. Handy for the school run.",
        ),
        (
            "They moved our offices into a portacabin in the car park. 'Temporary'. Since 2019.",
            "They moved our offices to the new building this summer and the light is wonderful.",
        ),
        (
            "We've been told to fail fewer students. Not teach better, just fail fewer. Right you are.",
            "We've been told to expect snow tomorrow, so wrap up warm if you're coming to the lecture.",
        ),
        (
            "The people in charge here wouldn't know a student if one bit them.",
            "The people in charge of the allotment society have planted a lovely wildflower bed.",
        ),
        (
            "Wonder how many more 'efficiency reviews' it takes before someone admits the problem is at the top.",
            "Climbed Snowdon today: the view is at the top, the problem is my knees on the way down.",
        ),
        (
            "Found out my job is 'at risk' from a spreadsheet someone left on the shared drive. Brilliant.",
            "Found out my paper was accepted from a spreadsheet of conference talks. Brilliant!",
        ),
        (
            "The strategy says 'people first'. The people are on fixed-term contracts for the ninth year running.",
            "My running strategy says 'slow first mile'. Worked a treat at the parkrun.",
        ),
        # the exposing advice to a tagged institution
        (
            "@ExampleUni maybe pay the cleaners the living wage before tweeting about your values?",
            "@ExampleUni thanks for the lovely graduation photos, brought back memories.",
        ),
        # credit taken with its article, and the lone-sufferer close
        (
            "Not going to name names but a certain Pro-Vice-Chancellor took the credit for our grant again.",
            "Our Pro-Vice-Chancellor gave the credit for the grant to the whole team. Nice touch.",
        ),
        (
            "Out of interest, does anyone else's employer make you pay for your own printer paper? Just mine?",
            "Out of interest, does anyone else's employer have a choir? Ours is starting one in January.",
        ),
    ],
)
def test_unnamed_employer_and_terse_closes(risky: str, clean: str) -> None:
    assert _codes(risky), risky
    assert not _codes(clean), clean


@pytest.mark.parametrize(
    ("risky", "clean"),
    [
        (
            "Made a Twitch account for my gaming streams with my staff login, come watch tonight!",
            "Logged in with my staff login to book a room for the seminar tomorrow.",
        ),
        (
            "Made a separate Facebook for my cake business, used my university login for it so it's tied to "
            "something official",
            "Made a separate Facebook for my cake business with my personal gmail, keeping work and cake apart.",
        ),
        (
            "Join my Amazon affiliate page, registered through my university account so payments go straight through",
            "Logged into my university account to check my payslip and the pension statement.",
        ),
        (
            "Used my SSO from work to make my Canva account for my wedding invites",
            "Never use your SSO from work to make personal accounts, IT keep telling us and they're right.",
        ),
    ],
)
def test_work_login_for_private_accounts(risky: str, clean: str) -> None:
    assert "PER002" in _codes(risky), risky
    assert not _codes(clean), clean


@pytest.mark.parametrize(
    ("risky", "clean"),
    [
        (
            "Private group post: the student complaint against Prof Wright is about harassment and there are four "
            "more coming.",
            "Private group post: who is bringing the cake for Prof Wright's retirement do on Friday?",
        ),
        (
            "Followers-only: Council approved the sale of the halls to a private provider yesterday, "
            "announcement in June.",
            "Followers-only: my daughter's birthday party is in June, thank you for all the card ideas.",
        ),
        (
            "Shared the HR investigation summary in our staff Facebook group so everyone can see what really happened.",
            "Shared the photos from the summer barbecue in our staff Facebook group, what a lovely day.",
        ),
        (
            "It's only the department WhatsApp but the redundancy list for our school has six names on it.",
            "It's only the department WhatsApp but please keep posting your half-marathon sponsorship links!",
        ),
    ],
)
def test_privacy_setting_is_not_a_private_room(risky: str, clean: str) -> None:
    assert "PER004" in _codes(risky), risky
    assert not _codes(clean), clean


def test_disclaimer_makes_the_unit_the_authors_own() -> None:
    risky = (
        "Posting as myself, not as staff: the Chemistry department is not safe, the fume cupboards haven't been "
        "checked in years."
    )
    clean = "Posting as myself, not as staff: the Chemistry department's open day was brilliant, go next year."
    assert _codes(risky), risky
    assert not _codes(clean), clean


@pytest.mark.parametrize(
    ("risky", "clean"),
    [
        (
            "The university statement, from me since comms are slow: the campus will reopen Monday.",
            "The university statement is out on the website: the campus will reopen Monday.",
        ),
        (
            "Students: the uni has decided all coursework deadlines are extended by one week. Official decision, "
            "I'm on the committee.",
            "Students: does anyone know if the uni has decided about coursework deadlines yet?",
        ),
        (
            "Example University is proud to announce our new partnership with Siemens, I'm sure the press release "
            "will follow!",
            "RT 'Example University is proud to announce a new partnership with Siemens' - great news for the lab.",
        ),
    ],
)
def test_institution_statement_in_its_own_voice(risky: str, clean: str) -> None:
    assert "PER007" in _codes(risky), risky
    assert "PER007" not in _codes(clean), clean


@pytest.mark.parametrize(
    ("risky", "clean"),
    [
        # a scare-quoted management slogan is the complaint an ironic close points at
        (
            "Head of School just said 'we're all in this together' from his new Tesla. Okay then.",
            "Head of School just said 'see you all at the party' and bought the first round. Okay then!",
        ),
        (
            "The estates team have had 'temporary' heaters in my office since 2019. Fantastic management.",
            "The estates team fixed the heating in my office within an hour. Fantastic, thank you.",
        ),
        # a role addressed in a deadpan close, after a loss
        (
            "Nothing says 'we care about research' like cutting every research leave application this year. "
            "Well done, Dean.",
            "Our research leave applications were all approved this year. Well done, Dean!",
        ),
        # people leaving, told as a consequence of a senior officer
        (
            "Every time the Pro-VC opens his mouth, another good colleague updates their CV.",
            "Every time the Pro-VC gives a talk I learn something about the history of the university.",
        ),
        # consulting nobody and blaming staff is a verdict, whatever the word "great" says
        (
            "Our new Provost has a great strategy: announce everything, consult nobody, blame the staff.",
            "Our new Provost has a great strategy for research: more sabbaticals and a seed fund.",
        ),
        # the head of the institution tagged by office
        (
            "@JamesTheVC replying to your 'values' thread: the same values that let you fire the whole library "
            "team by email on a Friday? 🙃",
            "@JamesTheVC thanks for dropping in to the library team's away day, it meant a lot.",
        ),
    ],
)
def test_slogans_vocatives_and_officers(risky: str, clean: str) -> None:
    assert _codes(risky), risky
    assert not _codes(clean), clean


@pytest.mark.parametrize(
    ("risky", "clean"),
    [
        (
            "Only mutuals can see this, so I can finally say it: the Dean is being pushed out at Easter.",
            "Only mutuals can see this: photos from my sister's wedding, she looked wonderful.",
        ),
        (
            "Protected account now, so I can be honest: the redundancy list for our school has six names on it.",
            "Protected account now because of the trolls; back to posting about garden birds.",
        ),
    ],
)
def test_privacy_setting_words_reach_the_group_rule(risky: str, clean: str) -> None:
    """The closed-group rule is gated on its words; the privacy settings added this round must pass it
    (a licence drawn from them flags, as it does for a private group; naming them alone does not)."""
    assert "PER004" in _codes(risky), risky
    assert "PER004" not in _codes(clean), clean
