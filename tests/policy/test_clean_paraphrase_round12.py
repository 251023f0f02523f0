"""Clean near-misses on official accounts, issue 12 round 12: paraphrases of our dev set's clean
posts gave false alarms that the dev wording did not: a logo handed out as a pack, an obituary that
opens "We are sad", a service's new room in a named building, parking at a named car park with its
postcode, a service taking reports "in confidence", logos approved by their owner, a commissioned
illustration, a Living Wage employer. Each clean post stands beside a risky one with the same cue,
which must still be flagged: the cue is ordinary on its own, so the risky twin shows what the rule
still needs to see."""

from __future__ import annotations

from functools import partial

import pytest

from .flagging import RISK_AND_PERSONAL, flagged

_families = partial(flagged, account="official", families=RISK_AND_PERSONAL)


@pytest.mark.parametrize(
    ("family", "risky", "clean"),
    [
        # a logo pack is the owner's kit for others to use; a logo taken from a site is not
        (
            "copyright",
            "Took the Nike logo off their website and put it on our society hoodies.",
            "Societies: please use the SU logo pack for posters, available from the Students' Union reception.",
        ),
        # 'sad' as a feeling ("We are sad to share") beside 'sad' as a verdict on someone
        (
            "abuse",
            "You are sad. Get a life.",
            "We are sad to share that Dr Margaret Hill, our former Dean of Science, has died. Our thoughts are "
            "with her family.",
        ),
        (
            "abuse",
            "Honestly the new manager is sad and pathetic.",
            "Everyone in the team was sad to see Priya retire after 30 years.",
        ),
        # a service moving to a room in a named building, beside a person moving house
        (
            "privacy",
            "Priya has moved to 14 Elm Grove Road, B15 2TT, send her cards there",
            "Admissions has moved to the Aston Building, Room 210, from next week. The phone number stays the same.",
        ),
        # parking at a named car park, beside a student's home reached from it
        (
            "privacy",
            "Parking at the South Car Park, then walk to Jess's flat at 3 Bristol Road, B5 7SW",
            "Graduation day timings: ceremonies at 9.30am, 12.30pm and 3.30pm. Overflow parking at the South Car "
            "Park, B15 2TT.",
        ),
        # a service that takes reports in confidence, beside news told in confidence and passed on
        (
            "confidential-ip",
            "Told in confidence by governance@example.ac.uk: the School of Music will close next year.",
            "Concerned about a post that mentions the university? You can report it to governance@example.ac.uk in "
            "confidence.",
        ),
        # logos approved by their owner, beside logos taken from anywhere
        (
            "copyright",
            "Downloaded some logos from a random website and put them on our society posters.",
            "Our SU-approved society logos can be downloaded from the Students' Union website.",
        ),
        # a work commissioned from its artist, beside an artist's work found on her Instagram
        (
            "copyright",
            "Used an illustration by the artist Maya Chen that we found on her Instagram for our centenary poster.",
            "This illustration was commissioned from the artist Maya Chen for our centenary. Isn't it lovely?",
        ),
        # an employer standard held, beside the same standard used to attack a party
        (
            "contentious",
            "Proud to be a Living Wage employer, unlike the Tory government, which should be ashamed of its wage "
            "policy.",
            "We're proud to be a Living Wage employer.",
        ),
        # an institution that will work with whoever wins, beside one that names the party it won't
        (
            "contentious",
            "We look forward to working with whichever government is elected, as long as it isn't the Tories, who "
            "have failed universities.",
            "We look forward to working with whichever government is elected on Thursday.",
        ),
    ],
)
def test_clean_paraphrase_beside_its_risky_twin(family: str, risky: str, clean: str) -> None:
    assert family in _families(risky), risky
    assert not _families(clean), clean


@pytest.mark.parametrize(
    "text",
    [
        "Sam lives in Mason Hall, Room 12 - drop round tonight to say hi",
        "Jo lives in Chamberlain Tower, room 1104, if anyone wants to drop off her birthday present",
    ],
)
def test_a_named_hall_and_room_number_is_where_someone_sleeps(text: str) -> None:
    assert "privacy" in _families(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Our new student lives in Leeds and commutes in every day.",
        "The seminar is in the Aston Building, Room 210, at 2pm.",
    ],
)
def test_a_town_or_a_teaching_room_is_not_a_home(text: str) -> None:
    assert "privacy" not in _families(text), text
