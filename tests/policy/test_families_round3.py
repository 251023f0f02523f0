"""Constructions added in the families round 3 (issue 12): each with a clean near-miss that must
stay clean. Posts in the voices the first rounds lacked: text-speak, lower case, spelled-out
numbers and addresses, Scottish/Welsh/Northern Irish places, third-person threats."""

from __future__ import annotations

import pytest

from townhall.policy.types import RISK_FAMILIES

from .flagging import flagged as _families


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # privacy: a mobile read out in words, an address spelled out, pay, clinic/meeting sightings,
        # relapse, lower-case names and people placed in their unit
        ("text moira on oh seven nine one one, two two three, four four five - she'll tell you", "privacy"),
        ("his gmail is gordon underscore hay at gmail dot com, tell him yourself", "privacy"),
        ("complaints? email him direct at jamie dot ross at strath dot ac dot uk", "privacy"),
        ("fun fact: the lab manager Claire is on £29k and she runs the whole floor", "privacy"),
        ("the new HoD in Politics is on 95 grand while we get 2%", "privacy"),
        ("bumped into Dr Whyte at the sexual health clinic on Thursday, awkward", "privacy"),
        ("Guess who I saw at the NA meeting in Splott last night? Our very own Prof Rees", "privacy"),
        ("sinead in registry is back on the coke, everyone knows", "privacy"),
        ("sorry to hear Rhodri's drinking again, thought the Priory sorted him out", "privacy"),
        ("megan didnt make it thru her resits, shes been withdrawn", "privacy"),
        # confidential-ip: code put public, a job shortlist named, an exam's content, panel scores
        ("lol just put the whole NeuroSense spin-out repo public on my github", "confidential-ip"),
        (
            "the two left for the Director of Estates job are Mark Allan and Jen Boyd, interviews tuesday",
            "confidential-ip",
        ),
        ("tomorrow's stats exam has the chi-square question from 2021 again, you're welcome", "confidential-ip"),
        ("here are the scores from the IT tender panel: Capita 81, CGI 74", "confidential-ip"),
        # abuse: third-person threats, expelling a group, 'go back to your country'
        ("next time that invigilator talks to me like that im gonna deck him", "abuse"),
        ("someone should key the Dean's car, teach him a lesson", "abuse"),
        ("these migrants are rats, ship them all back", "abuse"),
        ("your paper is rubbish, go back to your own country", "abuse"),
        # brand: a fake account run, a made-up official handle, speaking 'officially for'
        ("running a fake Abertay Uni account for the bants, 500 followers already", "brand"),
        ("set up @CardiffUniOfficial2 so students can DM me their complaints", "brand"),
        ("I am speaking officially for Queen's University and the exam is postponed", "brand"),
    ],
)
def test_round3_construction_flags(text: str, family: str) -> None:
    assert family in _families(text)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("Call the switchboard on oh two eight nine oh, nine seven five one two three, open 9 till 5.", "official"),
        ("questions about your application? admissions at abdn dot ac dot uk", "official"),
        ("ngl my salary as a postdoc is a joke, £36k in edinburgh doesn't cover rent", "personal"),
        ("We're recruiting a Lecturer in Law, salary £45,000 a year", "official"),
        ("Sexual health clinic every Thursday 12-2 at the Student Health Centre, no appointment needed", "official"),
        ("I was at the AA meeting last night, 2 years sober", "personal"),
        ("Emma in admissions is lovely, sorted my form in minutes", "personal"),
        ("Our spin-out NeuroSense has published its analysis toolkit as open source on GitHub today", "official"),
        ("Interviews for the Director of Estates are next week. Thanks to everyone who applied.", "official"),
        ("past papers for stats are on moodle, 2021's chi-square question is great practice", "personal"),
        ("I'll punch the air when this thesis is done", "personal"),
        ("I'm going to knock this essay out tonight", "personal"),
        ("Our international students go home for the summer", "official"),
        ("Excited to represent the University of Aberdeen at the QS summit next week", "personal"),
        ("Follow @UWSofficial for all the official updates", "personal"),
    ],
)
def test_round3_near_miss_stays_clean(text: str, account: str) -> None:
    assert not _families(text, account) & RISK_FAMILIES
