"""Families round 5 (issue 12): constructions added for posts in voices unlike the corpus, each with
a clean near-miss that must stay clean, plus the exact pre-checks added for speed (they must give
the same answer as the patterns they guard)."""

import pytest

from townhall.policy.engine import check
from townhall.policy.rules import abuse, credentials, privacy
from townhall.policy.types import Context, ImageRef


def _fams(text: str, account: str = "personal", alts: tuple[str, ...] = ()) -> set[str]:
    ctx = Context("x", account, tuple(ImageRef(a) for a in alts))
    return {f.family for f in check(text, ctx) if f.severity in ("block", "warn")}


@pytest.mark.parametrize(
    ("text", "account", "family"),
    [
        # a wish that a person die, and 'go back where she came from' said of a third person
        ("honestly hope my landlord dies in a fire", "personal", "abuse"),
        ("wish @deanoffice would just drop dead", "personal", "abuse"),
        ("the new porter should go back where he came from", "personal", "abuse"),
        # the announcing verb before 'on behalf of' a named body
        ("I can confirm on behalf of Kelmouth University that fees are going up", "personal", "brand"),
        ("We are announcing on behalf of the University of Westbridge that term starts late", "personal", "brand"),
        # an official account brushing someone off
        ("@angry_fresher nobody asked, read the handbook next time", "official", "brand"),
        ("imagine moaning about a free bus lol @second_year_sam", "official", "brand"),
        # text-speak 'can't say until', and the teaser that then gives it away
        ("cant say til senate votes but the school of music is toast", "personal", "confidential-ip"),
        ("can't really say much but the redundancy list goes out friday", "personal", "confidential-ip"),
        ("posting the committee's confidential comments on the bids, see", "personal", "confidential-ip"),
        # an album as an archive, a cracked torrent, a named commercial soundtrack
        ("the complete Oasis back catalogue, zipped, on my google drive, enjoy", "personal", "copyright"),
        ("cracked Office torrent works fine, who needs a licence", "personal", "copyright"),
        ("Welcome week video, soundtrack: 'Wonderwall' by Oasis", "official", "copyright"),
        # learner's English and text-speak on health
        ("my colleague is very depress and take antidepressant", "personal", "privacy"),
        ("dave from estates is on the sick again with his back", "personal", "privacy"),
        ("Banner over the door: 'Saor Alba'", "official", "contentious"),
    ],
)
def test_round5_risks(text: str, account: str, family: str) -> None:
    assert family in _fams(text, account)


@pytest.mark.parametrize(
    ("text", "account", "alts", "family"),
    [
        ("oops", "personal", ("Screenshot from our internal staff Slack channel about the merger",), "confidential-ip"),
        ("New term!", "official", ("Students on the lawn, 'Shutterstock' watermark in the corner",), "copyright"),
    ],
)
def test_round5_alt_text(text: str, account: str, alts: tuple[str, ...], family: str) -> None:
    assert family in _fams(text, account, alts)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("hope the battery dies before the meeting ends lol", "personal"),
        ("I hope the hype dies down soon", "personal"),
        ("I'm such an idiot, left my umbrella on the train in Edinburgh", "personal"),
        ("I can confirm on behalf of the Organising Committee that the deadline moves", "personal"),
        ("@studentbob sorry for the trouble! DM us and we'll sort it", "official"),
        ("Nobody cares more about you than we do: here is how to get help.", "official"),
        ("cant wait til the board meets nxt wk, finally presenting our project!", "personal"),
        ("can't say much yet but big news coming, watch this space", "personal"),
        ("The panel's feedback on our grant was really constructive, we'll resubmit in spring", "personal"),
        ("We give confidential feedback to every applicant on request", "official"),
        ("Our band's new album is on Bandcamp, zip download for supporters", "personal"),
        ("I'm listening to the new album on Spotify while I drive home", "personal"),
        ("Sci-Hub is not the answer, folks: email the author.", "personal"),
        ("Our graduation video, music licensed from Epidemic Sound. Congratulations!", "official"),
        ("I've been on antidepressants for two years and I'm fine, talk about it", "personal"),
        ("Seminar: Scottish nationalism and the slogan 'Saor Alba', a history", "official"),
    ],
)
def test_round5_near_misses_stay_clean(text: str, account: str) -> None:
    assert not _fams(text, account) - {"personal-use"}


@pytest.mark.parametrize(
    "text",
    [
        "what a c*nt",
        "@user hello 2024 covid19",
        "t0welh3@ds",
        "p@ki",
        "A 9 and M 8",
        "contact me at name@uni.ac.uk #retard",
    ],
)
def test_disguised_slur_precheck_is_exact(text: str) -> None:
    if abuse.DISGUISED_SLURS_RE.search(text):
        assert abuse._may_be_disguised(text)


@pytest.mark.parametrize(
    "text",
    [
        "muslims are a threat",
        "IMMIGRANTS R VERMIN",
        "International students are a huge asset",
        "the weather is awful",
    ],
)
def test_hate_precheck_is_exact(text: str) -> None:
    runs = abuse._ascii_runs(text)
    if abuse.HATE_GENERALISATION_RE.search(text):
        assert not abuse._GROUP_LAST_WORDS.isdisjoint(runs) and not abuse._HATE_VERBS.isdisjoint(runs)


@pytest.mark.parametrize(
    "text",
    ["her ms diagnosis", "ms. jones", "the std clinic", "home  office", "didnt pass", "make it thru", "pipette", ""],
)
def test_privacy_trigger_gate_matches_stems(text: str) -> None:
    low = text.lower()
    stems = any(s in low for s in privacy._TRIGGER_STEMS)
    words = set(privacy._WORD_RE.findall(low))
    spaced = privacy._TRIGGERS_SPACED.search(low) is not None
    assert privacy._triggered(low) == (stems or spaced or bool(privacy._TRIGGER_WORDS & words))


def test_key_prefixes_cover_every_format() -> None:
    samples = [
        "AKIAIOSFODNN7EXAMPLE",
        "ghp_abcdefghijklmnopqrstuvwxyz0123456789AB",
        "-----BEGIN OPENSSH PRIVATE KEY-----",
        "sk-proj-8fJd92kLmQz7xPv3Tn0bWcR4yHs6Ae1u",
        "xoxb-1234567890-abcdefghij",
    ]
    for s in samples:
        assert credentials._KEY_RE.search(s)
        assert any(p in s for p in credentials._KEY_PREFIXES)
