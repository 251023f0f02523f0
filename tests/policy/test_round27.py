"""Rounds 27-28 of issue 12: a second learned abuse head, fitted on staff- and official-account voices.

Rounds 23-27 (docs/policy_round23_choices.md) refitted the abuse head on 640 posts written by two
helpers who saw no rules (abuse by an institution's own accounts and staff, and near-misses in the
same voices), with the test suite's twin posts in the pool and the build's quiet check on ordinary
tweets read as official accounts too. Judged on fresh sets (T1+T2 abuse 6 -> 13 of 50, clean 5/100
unchanged). Round 28 keeps the shipped head beside it (``abuse/2``), so nothing it caught is lost.
These posts are training posts (in-sample): the tests hold the line the round drew, so a
later refit cannot quietly drop it. The twin list is *not* handed to ``twin_tests``, whose pairs the
build reads (``read_twins``); these posts are in the corpus already.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from townhall.policy import learned
from townhall.policy.data import build_family_model as build

from .flagging import RISK_AND_PERSONAL, flagged

# (network, account, abuse by an official account, the civil reply in the same voice)
OFFICIAL = [
    ("facebook", "official",
     "Reminder to the gentleman who shouted at our reception staff on Tuesday: volume is not a substitute for "
     "intelligence, though we appreciate you trying both.",
     "Thank you for your feedback about our reception desk. We're sorry your visit on Tuesday was frustrating. "
     "We also ask everyone to treat our staff with respect. Please email us at the address below and we'll look "
     "into it."),
    ("bluesky", "official",
     "Careers Service: if you're still unemployed after three appointments with us, it's not the job market, "
     "babe. It's you.",
     "Careers Service: the graduate job market is genuinely tough right now. If your applications aren't "
     "landing, book a CV review. Rejections are not a verdict on your worth."),
    ("facebook", "official",
     "Alumni Office: we've had a message from a Mr G. Pollard (class of '89) demanding his donation back. "
     "Gerald, it was £15. In 2004. Get a grip and get a hobby.",
     "Alumni Office: we've had a few questions about how donations are spent. You can read our full annual "
     "report at the link. If you have any concerns at all, please get in touch — we're always happy to talk."),
    ("threads", "official",
     "The applicant who cried in our admissions office yesterday because she missed the deadline — tissues "
     "aren't a UCAS extension, love. Grow up.",
     "Missed the deadline? Don't panic. Some courses still accept applications through Clearing. Our "
     "admissions team are on the phones 9–5 today and we're genuinely here to help."),
    ("x", "official",
     "Lol at the lad from @RivalCityUni telling us our campus is ugly. Mate, have you seen your own prospectus "
     "photos? Or your own mirror?",
     "Okay @RivalCityUni, your campus looks prettier than ours in the snow. We'll give you that one. Our "
     "coffee's better though ☕"),
]


@pytest.mark.parametrize(("network", "account", "risky", "clean"), OFFICIAL)
def test_official_account_put_down_is_abuse(network: str, account: str, risky: str, clean: str) -> None:
    assert "abuse" in flagged(risky, account, network)


@pytest.mark.parametrize(("network", "account", "risky", "clean"), OFFICIAL)
def test_civil_reply_in_the_same_voice_stays_clean(network: str, account: str, risky: str, clean: str) -> None:
    assert not flagged(clean, account, network) & RISK_AND_PERSONAL


def test_twins_join_the_pool_as_training_posts() -> None:
    """Each twin pair gives a risky post of its family and a clean post; the ids carry ':' so they
    train the heads without bounding a threshold as dev clean posts do (round 26 lost 22 posts so)."""
    twins = build.read_twins()
    assert twins and len(twins) % 2 == 0
    networks, accounts = set(build.NETWORKS.values()), set(build.ACCOUNTS.values())
    for risky, clean in zip(twins[0::2], twins[1::2], strict=True):
        assert ":" in risky["id"] and ":" in clean["id"]
        assert risky["expect"] and not risky["clean"] and set(risky["expect"]) <= set(build.FAMILIES)
        assert clean["clean"] and clean["expect"] == []
        assert {risky["network"], clean["network"]} <= networks
        assert {risky["account"], clean["account"]} <= accounts
    texts = {c["text"] for c in twins}
    assert "Our rejection came from a reviewer who clearly read it closely; fair points" in texts


def test_pool_with_twins_adds_posts_without_repeating_a_text() -> None:
    plain, full = build.read_pool(), build.read_pool(with_twins=True)
    assert len(full) > len(plain)
    assert [c["id"] for c in full[: len(plain)]] == [c["id"] for c in plain]
    keys = [" ".join(c["text"].lower().split()) for c in full]
    assert len(keys) == len(set(keys))  # one text twice would leak across the cross-validation folds


def _two_head_model(tmp_path: Path) -> learned.FamilyModel:
    columns = [*build.FAMILIES, "abuse/2"]
    path = tmp_path / "m.npz"
    np.savez(
        path,
        feature_version=np.int64(learned.FEATURE_VERSION),
        vocab=np.frombuffer(b"w:a\nw:b", dtype=np.uint8),
        families=np.frombuffer("\n".join(columns).encode(), dtype=np.uint8),
        W=np.zeros((2, len(columns)), np.float32),
        b=np.zeros(len(columns), np.float32),
        thresholds=np.ones(len(columns), np.float32),
        scale=np.frombuffer(b"log", dtype=np.uint8),
    )
    return learned.FamilyModel(path)


def test_a_family_with_two_heads_is_flagged_when_either_is_over(tmp_path: Path) -> None:
    model = _two_head_model(tmp_path)
    assert model.families == build.FAMILIES  # one name per family, whatever its heads
    first, second = model.heads["abuse"]
    assert model.columns[first] == "abuse" and model.columns[second] == "abuse/2"
    for over, expected in (((), False), ((first,), True), ((second,), True), ((first, second), True)):
        margin = np.full(len(model.columns), -1.0, np.float32)
        margin[list(over)] = 0.5
        res = learned.Result(model, margin, np.array([], np.intp), None, [])
        assert res.flagged("abuse") is expected
        assert not res.flagged("privacy") and not res.flagged("abuse/2")  # a head's column name is no family
        assert res.span("abuse", "some text") == (0, len("some text"))


def test_the_shipped_model_keeps_its_earlier_heads_beside_the_refits() -> None:
    """Round 33's abuse refit joins round 27's and round 18's heads (abuse, abuse/2, abuse/3); round 38's
    contentious refit joins round 18's head (contentious, contentious/2)."""
    model = learned.load()
    assert model is not None, learned.status()
    assert [model.columns[c] for c in model.heads["abuse"]] == ["abuse", "abuse/2", "abuse/3"]
    assert [model.columns[c] for c in model.heads["contentious"]] == ["contentious", "contentious/2"]
    assert all(len(model.heads[f]) == 1 for f in model.families if f not in ("abuse", "contentious"))


def test_a_second_head_needs_a_refitted_family(tmp_path: Path) -> None:
    """``--second-heads`` adds the earlier file's head of a family this build refitted; a kept family
    already has that head, and an unknown name is refused rather than written."""
    old = tmp_path / "old.npz"
    model = learned.load()
    assert model is not None
    with np.load(learned.MODEL_PATH) as z:
        np.savez(old, **{k: z[k] for k in z.files})
    vocab, W = ["w:a"], np.zeros((1, len(build.FAMILIES)), np.float32)
    b, th = np.zeros(len(build.FAMILIES), np.float32), np.zeros(len(build.FAMILIES), np.float32)
    for bad in (["abuse"], ["nonsense"]):
        keep = ["abuse"] if bad == ["abuse"] else []
        with pytest.raises(SystemExit):
            build.keep_heads(vocab, W, b, th, old, keep, bad)


def test_keeping_every_family_keeps_every_head(tmp_path: Path) -> None:
    """A later build that keeps every family keeps every head (abuse's three, contentious's two), in the
    shipped file's column order, not only each family's first."""
    with np.load(learned.MODEL_PATH) as z:
        vocab = bytes(z["vocab"]).decode("utf-8").split("\n")
        old_W, old_th = z["W"], z["thresholds"]
    n = len(build.FAMILIES)
    union, W, _b, th, columns = build.keep_heads(
        vocab, np.zeros((len(vocab), n), np.float32), np.zeros(n, np.float32), np.zeros(n, np.float32),
        learned.MODEL_PATH, list(build.FAMILIES),
    )
    assert union == vocab and columns == list(learned.load().columns)
    assert columns[: len(build.FAMILIES)] == list(build.FAMILIES)
    assert np.array_equal(W, old_W) and np.array_equal(th, old_th)
