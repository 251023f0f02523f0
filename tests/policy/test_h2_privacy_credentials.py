"""PRV007 (someone else's sensitive details) and CRD006 (a secret in prose): the two ingredients
each rule needs, and the near-misses that must stay quiet (own news, consent, opinions about public
figures, the institution's contacts, password advice). Phrasings are our own, not the corpus's."""

from __future__ import annotations

import pytest

from townhall.policy import Context, default_pack, rules_registry
from townhall.policy.doc import Doc


def _hits(code: str, text: str, account: str = "personal") -> bool:
    """Whether the one rule ``code`` fires (run alone, so the learned model does not blur the test)."""
    rule = rules_registry()[code]
    return bool(list(rule.detector(Doc(text, Context("x", account)), default_pack().compiled())))


@pytest.mark.parametrize(
    "text",
    [
        "Our technician Marek has been on universal credit since his hours were cut.",
        "the girl who sits at the back of my Monday lab told me she's being evicted next week",
        "My colleague in Geography came out as gay to the department yesterday, lovely moment",
        "One of my tutees has a criminal record for fraud, found out during the placement check",
        "Just so you know, our new admin Priya is a Jehovah's Witness so no birthday cards please",
        "Good luck to my supervisee Tom at his immigration hearing on Thursday",
    ],
)
def test_prv007_flags_a_person_with_a_sensitive_attribute(text):
    assert _hits("PRV007", text)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("Personal news: I'm pregnant! Due in the spring and over the moon.", "personal"),
        ("My own visa finally came through today, what a relief.", "personal"),
        ("Our money advice team can help if you're in debt: book a chat online.", "official"),
        ("Kemi has spoken openly about her dyslexia in her podcast, give it a listen.", "official"),
        ("That senator should be in jail and everyone knows it", "personal"),
        ("He is a fraud and a liar, the whole thing is a scam", "personal"),
        ("Sponsor Jane from our Finance team, she's running for Cancer Research UK!", "official"),
    ],
)
def test_prv007_spares_own_news_consent_and_opinions(text, account):
    assert not _hits("PRV007", text, account)


@pytest.mark.parametrize(
    "text",
    [
        "the bike store padlock is 7 2 7 2 if anyone needs it tonight",
        "covering my inbox while I'm away: u/n kpatel, p/w Sunflower88",
        "kitchen door keypad is 4417, don't let the students know",
        "text me your staff login and I'll book the room for you",
        "the code for the store cupboard is the year the department opened, you'll work it out",
    ],
)
def test_crd006_flags_secrets_in_prose(text):
    assert _hits("CRD006", text) or _hits("CRD001", text)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("Never share your door code with anyone, even a colleague.", "official"),
        ("Forgotten your PIN? Reset it at the library desk, room 1.04.", "official"),
        ("Research shows the most common PIN is 1234. Please don't use it.", "personal"),
        ("This term's lecture is on password hashing with Argon2 and bcrypt.", "personal"),
        ("Doors open at 7pm, 300 seats, tickets from the SU shop.", "official"),
        ("@user this guy is a fraud, lock him up", "personal"),
    ],
)
def test_crd006_spares_advice_and_ordinary_text(text, account):
    assert not _hits("CRD006", text, account)
