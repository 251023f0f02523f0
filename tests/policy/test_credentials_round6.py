"""Credentials round 6 (issue 12): a network and its key however they are laid out, a sign-in code
next to the app that sent it, a Wi-Fi password given straight after the word, a security answer;
and the near-misses (the visitors' network named with no key, IT advice, a reset). Posts are from
our own tuning set A, not the corpus."""

from __future__ import annotations

import pytest

from townhall.policy import Context, check, default_pack, rules_registry
from townhall.policy.doc import Doc


def _hits(text: str, account: str = "personal") -> list:
    rule = rules_registry()["CRD006"]
    return list(rule.detector(Doc(text, Context("x", account)), default_pack().compiled()))


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Guest network tonight is StaffParty, key Party2025!", "Party2025"),
        ("For the hackathon, network HackNet, key h4ck1ng-2025", "h4ck1ng-2025"),
        ("Wifi: LabGuest, key 9HfT2kLp", "9HfT2kLp"),
        ("the wifi's Guest2024 in the seminar room fyi", "Guest2024"),
        ("duo keeps asking, code 304 112 didn't work", "304 112"),
        ("security question answer is Buster, my first dog, if you're resetting my account for me", "Buster"),
        ("the code's 4471 for the side door btw", "4471"),
        ("Door's 1-2-3-4 then star", "1-2-3-4"),
        ("punch in 2580 on the keypad and push hard", "2580"),
        ("the magic word for the staff room door app is 'biscuits'", "biscuits"),
        ("Password hint: it's the name of the department cat plus the year", "it's the name of the department"),
        ("Reply to @dr_k: it's hist2024 for the seminar room PC, same as last year", "hist2024"),
        ("the exam paper zip is protected with 'finals2025', sending to the external now", "finals2025"),
    ],
)
def test_round6_secret_found_with_its_span(text: str, secret: str) -> None:
    hits = _hits(text)
    assert hits, text
    assert text[hits[0][0] : hits[0][1]] == secret


def test_a_screenshot_of_a_login_is_found() -> None:
    assert _hits("screenshot of my login page with the password autofilled oops")


@pytest.mark.parametrize(
    ("text", "account"),
    [
        (
            'Our Wi-Fi network for visitors is "UniGuest" - sign in with your email address at the splash page.',
            "official",
        ),
        ("The WiFi network for visitors is eduroam or UniVisitor - just sign in with your email.", "official"),
        ("the wifi's down again in the library, IT are on it", "personal"),
        (
            "Our new MFA rollout starts Monday: you'll need the Microsoft Authenticator app. Guide at it.uni.ac.uk/mfa",
            "official",
        ),
        ("Never read out your Duo code to anyone who calls you - IT will never ask for it.", "official"),
        ("Forgotten your security question answer? Reset it at password.uni.ac.uk", "official"),
        ("Just reset my MFA after getting a new phone, IT were brilliant", "personal"),
        ("The IT Service Desk is in the Library. Bring photo ID for password resets in person.", "official"),
        ("Here's a screenshot of the phishing email asking for your password - delete it.", "official"),
        ("Door code changes every term, ask the school office for the new one.", "personal"),
        ("Keypads on all lab doors are being replaced with card readers this summer.", "official"),
    ],
)
def test_round6_near_misses_stay_clean(text: str, account: str) -> None:
    got = {f.code for f in check(text, Context("x", account)) if f.family == "credentials" and f.severity != "info"}
    assert not got, (text, got)
