"""Families round 4 (issue 12): constructions added for posts in voices unlike the corpus, each with
a clean near-miss that must stay clean."""

import pytest

from townhall.policy.compiled import given_names
from townhall.policy.engine import check
from townhall.policy.types import Context, ImageRef


def _fams(text: str, account: str = "personal", alts: tuple[str, ...] = ()) -> set[str]:
    ctx = Context("x", account, tuple(ImageRef(a) for a in alts))
    return {f.family for f in check(text, ctx) if f.severity in ("block", "warn")}


@pytest.mark.parametrize("name", ["sinead", "kieran", "hamish", "catriona", "gethin", "eilidh", "dafydd", "ffion"])
def test_celtic_given_names_listed(name: str) -> None:
    assert name in given_names()


@pytest.mark.parametrize(
    ("text", "account", "family"),
    [
        ("VPN for the lab: user labadmin, pass Gl@sg0w#77", "personal", "credentials"),
        ("sticky note on the PC: admin / Caerdydd!2023", "personal", "credentials"),
        ("@tam_smith_ c u n t", "personal", "abuse"),
        ("the new lecturer is a nonce, stay away from him", "personal", "abuse"),
        ("hope the whole Physics department gets cancer and dies", "personal", "abuse"),
        ("Speaking on behalf of Ulster University, we apologise for the disruption.", "personal", "brand"),
        ("Free Palestine from the river to the sea", "official", "contentious"),
        ('As our Principal said, "anyone who votes Reform is not welcome on this campus."', "official", "contentious"),
    ],
)
def test_round4_risks(text: str, account: str, family: str) -> None:
    assert family in _fams(text, account)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("admin / finance / HR all closed on Friday for the holiday", "personal"),
        ("the user manual for the plate reader is on the shared drive, pass it on", "personal"),
        ("stupid printer on level 3 has eaten my thesis", "personal"),
        ("this marking is kicking my butt", "personal"),
        ("I'm a useless idiot, booked the wrong room for my own seminar", "personal"),
        ("On behalf of the Organising Committee, we thank all our speakers!", "personal"),
        ('Public talk: "From the river to the sea? The history of a contested slogan", Tues 5pm.', "official"),
        ("Public lecture: HIV prevention and stigma in sub-Saharan Africa, Thursday 3pm. All welcome.", "official"),
        ("Seminar: the legal history of abortion law in Northern Ireland since 2019, Wednesday 4pm.", "official"),
        ('"I was diagnosed with ADHD at 40," says alumna Ffion Hughes, who spoke at Neurodiversity Week.', "official"),
    ],
)
def test_round4_near_misses_stay_clean(text: str, account: str) -> None:
    fams = _fams(text, account) - {"personal-use"}
    assert not (fams & {"abuse", "credentials", "brand", "contentious", "privacy"}), fams


def test_official_crest_on_own_banner_in_alt_text() -> None:
    alt = ("The university crest on a new banner at the main gate",)
    assert "brand" not in _fams("New banners up!", "official", alt)


def test_password_on_sticky_note_in_alt_text() -> None:
    assert "credentials" in _fams("desk life", "personal", ('Sticky note on a monitor reading "admin / Bangor#2024"',))


def test_banter_not_flagged_by_the_rules() -> None:
    # the learned ABU010 (rules/learned.py, another owner's) may still fire on this; the rules must not
    text = "@y shut up you daft eejit, you know you're welcome any time"
    codes = {f.code for f in check(text, Context("x", "personal"))}
    assert not codes & {"ABU001", "ABU002", "ABU003"}
