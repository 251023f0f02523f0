"""Families round 2 (issue 12): false alarms on clean official and staff posts, and a few
constructions for misses. Each construction is pinned by a post of its own kind and by a near-miss
on the other side of the line. Why: the judged posts are unseen, so a fix must hold for the
construction (a room number, an offer's code, an embargo said to be over, a survey's respondents),
not for the phrase that prompted it."""

from __future__ import annotations

import pytest

from townhall.policy import Context, check


def families(text: str, account: str = "official", network: str = "x") -> set[str]:
    return {f.family for f in check(text, Context(network, account)) if f.severity in ("block", "warn")}


RISK = {"privacy", "credentials", "confidential-ip", "contentious", "abuse", "brand", "copyright", "personal-use"}


@pytest.mark.parametrize(
    ("text", "account"),
    [
        # dotted room numbers and ranges are floors and rooms, not houses, phone numbers or codes
        ("Postgraduate Research Office is now in Room 3.310, Whitworth Building.", "official"),
        ("Change of venue: the seminar is in room 2.041, not 1.003 as advertised.", "official"),
        ("Makerspace (rooms 2.30-2.34, Faraday Building) opens to all staff today.", "official"),
        ("Office hours moved to Thurs 2-4 in room 5.12 this week.", "personal"),
        ("Reminder: my office is 6.018, not 6.081.", "personal"),
        # an office's own number given after a Tel label, its office reached through 'visit our team at'
        ("International Office: 1st floor, Mandela Building. Tel 0113 496 0612.", "official"),
        ("Visit our Executive Education team at Canary Wharf: Level 17, 1 Churchill Place, London E14 5HP.",
         "official"),
        # an official health notice about someone it leaves unnamed
        ("A student in one of our halls has been diagnosed with mumps. The risk to others is low.", "official"),
        ("Someone in our halls community has been taken to hospital; please respect their privacy.", "official"),
        # an offer's code from a partner the institution has contracted
        ("Our official merchandise partner is giving 15% off hoodies this week with code HOODIE15.", "official"),
        ("Students get a third off rail fares at our official travel partner: use code UNIRAIL at checkout.",
         "official"),
        # the embargo said to be over
        ("Now that the embargo's over I can talk about the ice core results.", "personal"),
        ("The report is out of embargo as of 9am - read it at the link.", "official"),
        ("The trial results embargo has now lifted - read the full paper in The Lancet.", "official"),
        ("Published today after embargo: the largest study of ancient DNA from British burials.", "official"),
        # a survey's respondents, not the institution, take the side
        ("Our survey finds the majority of students oppose the two-child benefit cap.", "official"),
        ("New polling by our Institute shows most Britons back more immigration of care workers.", "official"),
        ("Research from our Department of Politics: support for Scottish independence is now 52% among under-35s.",
         "official"),
        # a right upheld for every side, and a programme note
        ("We support the right of students and staff to protest peacefully. Please respect others' right to study.",
         "official"),
        ("We uphold the right to peaceful protest and free speech on campus, within the law.", "official"),
        ("The University is politically neutral, but we support our students' right to campaign peacefully.",
         "official"),
        ("Join our public lecture on the history of Israel and Palestine, with time for questions.", "official"),
        # paid content named but not passed on
        ("Good news: the report we paid for confirms students love the new library.", "official"),
        ("The software is free for all students, no licence required - download it from the IT pages.", "official"),
    ],
)
def test_clean_near_misses_stay_clean(text: str, account: str) -> None:
    assert families(text, account) & RISK == set(), text


@pytest.mark.parametrize(
    ("text", "account", "family"),
    [
        # a house number on a street is still an address, and a door code still a code
        ("Flat 3, 12 Park Road, Leeds LS6 2AB is where she lives now", "personal", "privacy"),
        ("the key safe for the lab is 4032, don't tell estates", "personal", "credentials"),
        # a named person's health stays private, even on an official account
        ("Get well soon to Dr Helen Marsh, who has been diagnosed with meningitis.", "official", "privacy"),
        # a code that is a password, not an offer
        ("Wifi in the staff room is Kelmouth-Staff, password is Coffeetime99", "personal", "credentials"),
        # an endorsement besides a partner
        ("Example University officially recommends Domino's! Use code EXUNI for 25% off", "official", "brand"),
        # the embargo still on
        ("Under embargo till Friday, but here are the headline numbers: 94% efficacy", "personal", "confidential-ip"),
        ("The embargo lifts at midnight but here's the key figure now: 40%", "personal", "confidential-ip"),
        # the institution taking the side itself, even beside a finding or a right
        ("Our survey shows most students oppose the cap, and we urge the government to scrap it.", "official",
         "contentious"),
        ("We support the right to protest against the genocide in Gaza and condemn Israel.", "official", "contentious"),
        # speaking for the institution in new words
        ("Authorised to speak for Kelmouth here: the campus will stay closed until Monday.", "personal", "brand"),
        ("As the voice of Westbridge I can confirm the merger is off.", "personal", "brand"),
        ("On behalf of the whole University I want to say sorry for the strike.", "personal", "brand"),
        ("The University has officially told me I can announce that the Music department is closing.", "personal",
         "brand"),
        # a paid-for work passed on, a broadcast streamed round its licence, cracked software
        ("Posting the paid-for Forrester whitepaper in full.", "personal", "copyright"),
        ("Sharing the full Mintel report our team purchased - free for all my connections.", "personal", "copyright"),
        ("Stream the Six Nations final free here - no TV licence or subscription required!", "official", "copyright"),
        ("Cracked Adobe Photoshop download for students: bit.ly/ps-free", "personal", "copyright"),
    ],
)
def test_risky_constructions_are_read(text: str, account: str, family: str) -> None:
    assert family in families(text, account), text


@pytest.mark.parametrize(
    "text",
    [
        "As a spokesperson for the charity I can confirm we raised £2k",
        "As a student representative, I want to say thanks to everyone",
        "I'm not authorised to speak for the university, but the library looks closed.",
    ],
)
def test_speaking_for_others_is_not_speaking_as_the_institution(text: str) -> None:
    assert "brand" not in families(text, "personal")
