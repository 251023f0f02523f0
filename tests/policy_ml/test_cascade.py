"""The abuse cascade and the speed-ups of the featuriser give the classifier's answers."""

from __future__ import annotations

import math

import numpy as np
import pytest

import townhall.policy.ml as ml
from townhall.policy import mlbridge
from townhall.policy.ml.model import _counts

from .test_ml import _varied_texts


@pytest.mark.parametrize("floor", [0.2, ml.ABUSE_THRESHOLD, 0.8])
def test_screened_is_exact_wherever_it_can_reach_the_floor(floor: float) -> None:
    """Exact where the probability is at least the floor; elsewhere an upper bound below it,
    so a threshold rule decides exactly as with the full stack."""
    skipped = 0
    for text in _varied_texts(400):
        p = ml.abuse_probability(text)
        q, exact = ml.abuse_probability_screened(text, floor)
        if exact:
            assert q == pytest.approx(p, abs=1e-9)
        else:
            skipped += 1
            assert p <= q < floor
        assert (q >= floor) == (p >= floor)
    assert skipped > 0  # the cascade does skip the TF-IDF members on some posts


def test_screened_batch_matches_single() -> None:
    texts = _varied_texts(60)
    assert ml.abuse_probability_screened_batch(texts, 0.5) == [ml.abuse_probability_screened(t, 0.5) for t in texts]


def test_bridge_reuses_a_bound_only_below_the_floor_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached bound answers a later question only when it is below that question's floor;
    otherwise the exact probability is computed (a pack may set a lower threshold)."""
    text = "Our researchers published a new study on coral reefs in the journal this week."
    mlbridge._ABUSE_CACHE.pop(text, None)
    exact = ml.abuse_probability(text)
    bound = mlbridge.abuse(text, 0.9)
    assert bound is not None and exact <= bound < 0.9
    calls: list[str] = []
    real = ml.abuse_probability
    monkeypatch.setattr(ml, "abuse_probability", lambda t: calls.append(t) or real(t))
    assert mlbridge.abuse(text, 0.95) == bound and not calls
    assert mlbridge.abuse(text) == pytest.approx(exact) and calls == [text]
    mlbridge._ABUSE_CACHE.pop(text, None)


def test_counts_is_unique_with_counts() -> None:
    rng = np.random.default_rng(3)
    for n in (0, 1, 2, 50, 400):
        ids = rng.integers(0, 60, size=n)
        want = np.unique(ids, return_counts=True)
        got = _counts(ids)
        assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])


def test_honours_are_not_insults() -> None:
    """'OBE' as a whole word was read as the opening of 'obese' (a dev false alarm at 0.74)."""
    for text in (
        "Congratulations to Professor Karen Obi, awarded an OBE for services to nursing education.",
        "Professor Jane Doe OBE will give the keynote.",
    ):
        assert ml.abuse_probability(text) < ml.ABUSE_THRESHOLD
    assert ml.abuse_probability("you obese pig") > ml.ABUSE_THRESHOLD


def test_margin_is_a_logit_offset() -> None:
    assert 0.0 < ml.ABUSE_CASCADE_MARGIN < 10.0 and math.isfinite(ml.ABUSE_CASCADE_MARGIN)
