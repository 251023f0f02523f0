"""Rounds 29, 31 and 32 of issue 12: rule false alarms on the near-misses of rounds 23 and 30 (corpus posts).

Each clean post below was flagged by a hand-written rule for a reason the post does not have; each
stands beside a risky post the same rule must still catch. (Plain tests rather than ``twin_tests``:
the build reads those pairs, and the shipped learned model's recipe is tied to the pairs it read.)
"""

from __future__ import annotations

import pytest

from .flagging import RISK_AND_PERSONAL, flagged

# (code's family, network, account, risky post, clean post)
CASES = [
    # CIP006: a service offering to help in confidence has been told nothing
    ("confidential-ip", "x", "personal",
     "Happy to help: in confidence, the Physics chair goes to Dr Okoro, announcement next week.",
     "If anyone else has been affected, our union branch can help in confidence."),
    ("confidential-ip", "x", "official",
     "My head of department told me in confidence that Chemistry will be shut next year.",
     "Anti-Bullying Week: if you're being targeted, our advice centre can help in confidence."),
    # CRD005: the login's system, not the login
    ("credentials", "linkedin", "official",
     "Told the temps the login so they can cover the inbox while I'm away.",
     "IT Services: several colleagues have told us the new login system is hard to use. They're right. "
     "We've simplified the second step."),
    # CPY004: a person in a photo is nobody's work; a year is no source
    ("copyright", "instagram", "research",
     "New promo video featuring Arctic Monkeys as the soundtrack!",
     "Lab Christmas photo featuring Dr Wen's legendary laugh, which can be heard from the car park."),
    # CIP002 (round 31): advice not to share, with a list or a longer object, is the rule, not a breach
    ("confidential-ip", "x", "personal",
     "I know we should never post unpublished results, but look at this curve from yesterday!",
     "Lesson I learned early: never post a draft figure from an unpublished paper, not even as a teaser."),
    ("confidential-ip", "linkedin", "official",
     "Sneak peek at our unpublished results from the trial: 40% fewer relapses!",
     "Research integrity matters. Our new online module covers peer review ethics, handling unpublished data "
     "and respecting confidentiality."),
    # CIP006 and PER006 (round 32): the rule about confidences, said to everyone, tells nothing
    ("confidential-ip", "x", "official",
     "Please don't share this yet: we got the Wellcome grant, £2.1m!",
     "Reminder to all staff: please don't share draft papers, unpublished results or internal documents on "
     "social media. Our social media policy is on the intranet."),
    ("confidential-ip", "x", "personal",
     "My boss told me in confidence that the Music department closes next summer.",
     "If someone tells you something in confidence at work, keep it. Simple rule, but it's amazing how often "
     "it's broken."),
    ("confidential-ip", "x", "personal",
     "Promotion panel today. Stays in the room, but Dr Hale did NOT get her chair, ouch.",
     "A thought for anyone on a promotion panel this season: what happens in the room stays in the room. "
     "Outcomes are for HR to communicate, not you."),
    ("copyright", "x", "official",
     "These photos are from Getty, they look great on our banner.",
     "We disagree with @RhysDaviesJourno's article on our housing costs. The figures quoted are from 2019; "
     "current rents are published on our website."),
]


@pytest.mark.parametrize(("family", "network", "account", "risky", "clean"), CASES)
def test_risky_post_keeps_its_finding(family: str, network: str, account: str, risky: str, clean: str) -> None:
    assert family in flagged(risky, account, network)


@pytest.mark.parametrize(("family", "network", "account", "risky", "clean"), CASES)
def test_clean_post_gets_none(family: str, network: str, account: str, risky: str, clean: str) -> None:
    assert not flagged(clean, account, network) & RISK_AND_PERSONAL
