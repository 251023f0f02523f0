"""Tests for the numpy-only classifiers in townhall.policy.ml (no Django, no scikit-learn)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import townhall.policy.ml as ml
from townhall.policy.ml.features import WINDOW_CHARS, char_ngrams, normalize
from townhall.policy.ml.model import MAX_WINDOWS, split_windows

FIXTURES = Path(__file__).parent / "fixtures"
TASKS = ("abuse", "stance", "stance3", "sentiment")


@pytest.mark.parametrize("task", TASKS)
def test_parity_with_sklearn(task: str) -> None:
    """The exported numpy model reproduces scikit-learn's predict_proba on val texts (train.py
    stored them); guards against any drift between training and runtime featurisation."""
    fx = json.loads((FIXTURES / f"{task}_parity.json").read_text())
    model = ml._model(task)
    got = np.array([model.predict_proba(t) for t in fx["texts"]])
    want = np.array(fx["proba"])
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, atol=1e-5)


def _varied_texts(n: int = 300) -> list[str]:
    """Seeded mixes of fixture tweets, lexicon words, case, punctuation and emoji."""
    from townhall.policy.ml.abuse_lexicon import INSULTS, PROFANITY

    base = []
    for task in TASKS:
        base += json.loads((FIXTURES / f"{task}_parity.json").read_text())["texts"]
    extra = ["you", "are", "the", "not", "very", "GREAT", "love", "hate", "!!", ":)", "😂", "😡", "never",
             "good", "but", "café", "ÜBER", "don't", "kinda"]
    words = [*sorted(PROFANITY | INSULTS), *extra]
    rng = np.random.default_rng(7)
    out = list(base)
    while len(out) < n:
        k = int(rng.integers(1, 15))
        toks = [words[int(i)] for i in rng.integers(0, len(words), size=k)]
        if rng.random() < 0.5:
            toks = [*base[int(rng.integers(0, len(base)))].split()[:8], *toks]
        out.append(" ".join(toks))
    return [*out[:n], "", " ", "a" * 5000]


def test_profanity_member_matches_package() -> None:
    """The numpy export reproduces alt-profanity-check's predict_prob (skipped without the package)."""
    pc = pytest.importorskip("profanity_check")
    from townhall.policy.ml.profanity import ProfanityModel

    texts = _varied_texts()
    model = ProfanityModel.load(ml.MODELS_DIR / "profanity.npz")
    want = pc.predict_prob(texts)
    got = np.array([model.predict_proba(t) for t in texts])
    np.testing.assert_allclose(got, want, atol=1e-6)
    assert want.max() > 0.9 and want.min() < 0.1  # the texts exercise both ends


def test_vader_member_matches_package() -> None:
    """The vendored VADER gives the package's scores (skipped without vaderSentiment)."""
    vs = pytest.importorskip("vaderSentiment.vaderSentiment")
    from townhall.policy.ml.vader import analyzer

    ref = vs.SentimentIntensityAnalyzer()
    for t in _varied_texts():
        assert analyzer().polarity_scores(t) == ref.polarity_scores(t), t


def test_third_party_licences_ship_with_models() -> None:
    for name in ("profanity_check.LICENSE", "vader.LICENSE"):
        assert "MIT" in (ml.MODELS_DIR / name).read_text() or "Permission is hereby granted" in (
            ml.MODELS_DIR / name).read_text()


def test_model_files_are_small() -> None:
    for f in ml.MODELS_DIR.iterdir():
        assert f.stat().st_size < 20e6, f


def test_thresholds_are_probabilities() -> None:
    assert 0.0 < ml.ABUSE_THRESHOLD < 1.0
    assert 0.0 < ml.STANCE_THRESHOLD < 1.0


def test_obvious_abuse() -> None:
    assert ml.abuse_probability("you are a pathetic idiot") > ml.ABUSE_THRESHOLD
    assert ml.abuse_probability("shut up you stupid bitch") > ml.ABUSE_THRESHOLD
    assert ml.abuse_probability("@user ur such a dumb loser lmao") > ml.ABUSE_THRESHOLD
    assert ml.abuse_probability("Our researchers published a new study on coral reefs.") < ml.ABUSE_THRESHOLD
    assert ml.abuse_probability("the library opens at 9") < ml.ABUSE_THRESHOLD
    assert ml.abuse_probability("Congratulations to our graduating class of 2025!") < ml.ABUSE_THRESHOLD


def test_obvious_stance() -> None:
    assert ml.stance_probability("Abortion is murder. Every life matters #prolife") > ml.STANCE_THRESHOLD
    assert ml.stance_probability("the library opens at 9") < ml.STANCE_THRESHOLD


def test_obvious_sentiment() -> None:
    assert ml.sentiment("I love this, what a wonderful day!")[0] == "positive"
    assert ml.sentiment("This is awful, I hate it. Worst service ever.")[0] == "negative"
    assert ml.sentiment("The library opens at 9 on Monday.")[0] == "neutral"
    assert ml.sentiment("So proud of our students 😍🎉")[0] == "positive"


@pytest.mark.parametrize("text", ["", " ", "\n\t", "🙂", "@user", "http://x.y/z", "\\u00", "a" * 100_000,
                                  "word " * 20_000, "\x00\ud800"])
def test_edge_inputs(text: str) -> None:
    for p in (ml.abuse_probability(text), ml.stance_probability(text)):
        assert 0.0 <= p <= 1.0
    label, probs = ml.sentiment(text)
    assert label in ml.SENTIMENT_LABELS
    assert abs(sum(probs.values()) - 1.0) < 1e-6


def _count_windows(monkeypatch: pytest.MonkeyPatch, model: object) -> list[int]:
    """Record the length of every window the model scores (a deterministic stand-in for a
    timing bound: cost is linear in what is scored, so capping that caps the time)."""
    seen: list[int] = []
    cls = type(model)
    orig = cls._proba_window

    def counting(self: object, window: str) -> np.ndarray:
        seen.append(len(window))
        return orig(self, window)

    monkeypatch.setattr(cls, "_proba_window", counting)
    return seen


def test_long_text_is_bounded_and_sees_the_tail(monkeypatch: pytest.MonkeyPatch) -> None:
    filler = "The committee met today to discuss the budget. " * 2000
    seen = _count_windows(monkeypatch, ml._model("abuse"))
    p = ml.abuse_probability(filler + " you are a pathetic idiot, shut up you stupid moron")
    assert 1 < len(seen) <= MAX_WINDOWS and max(seen) <= WINDOW_CHARS
    assert p > ml.abuse_probability(filler) + 0.1
    assert sum(len(w) for w in split_windows("ab " * 100)) == 300


def test_batches_match_single() -> None:
    texts = ["you are a pathetic idiot", "the library opens at 9", "", "Climate change is a hoax"]
    np.testing.assert_allclose(ml.abuse_probability_batch(texts), [ml.abuse_probability(t) for t in texts])
    np.testing.assert_allclose(ml.stance_probability_batch(texts), [ml.stance_probability(t) for t in texts])
    assert ml.sentiment_batch(texts) == [ml.sentiment(t) for t in texts]


def test_normalisation() -> None:
    assert normalize("@Someone Sooooo #HappyDay http://t.co/abc") == "@user soo # happy day # http"
    assert normalize("I\\u2019m fine &amp; you") == "i'm fine & you"
    assert " a " in char_ngrams("a b")


def test_stance3_labels() -> None:
    label, probs = ml.stance3("Abortion is murder. Every life matters #prolife")
    assert label in ("none", "against", "favor")
    assert set(probs) == {"none", "against", "favor"}


def test_no_django_or_sklearn_imports() -> None:
    import subprocess
    import sys

    code = (
        "import sys, townhall.policy.ml as m; m.load_all(); m.abuse_probability('x'); m.sentiment('x');"
        "bad=[k for k in sys.modules if k.split('.')[0] in ('django','sklearn','scipy')]; print(bad);"
        "sys.exit(1 if bad else 0)"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stdout + res.stderr


def test_emoji_flood_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """VADER expands each emoji into words; a 100k-emoji paste must still score in bounded work:
    the sentiment model averages at most MAX_AVERAGED_WINDOWS windows of <= WINDOW_CHARS, VADER
    runs once per window, and lower-cases each window's words once (not once per lexicon word,
    which was quadratic)."""
    from townhall.policy.ml import vader
    from townhall.policy.ml.stack import MAX_AVERAGED_WINDOWS

    text = "".join(chr(0x1F600 + i % 80) for i in range(100_000))
    ml._model("sentiment")
    analyzer = vader.analyzer()
    vader_inputs: list[int] = []
    lowered: list[int] = []
    orig_scores, orig_lower = analyzer.polarity_scores, vader._lower_list

    def scores(t: str) -> dict[str, float]:
        vader_inputs.append(len(t))
        return orig_scores(t)

    def lower(words: list[str]) -> list[str]:
        c = vader._LOWER_CACHE[0]
        if c is None or c[0] is not words:
            lowered.append(len(words))
        return orig_lower(words)

    monkeypatch.setattr(analyzer, "polarity_scores", scores)
    monkeypatch.setattr(vader, "_lower_list", lower)
    sent_windows = _count_windows(monkeypatch, ml._model("sentiment"))
    label, _ = ml.sentiment(text)
    assert len(sent_windows) == MAX_AVERAGED_WINDOWS and max(sent_windows) <= WINDOW_CHARS
    assert 1 <= len(vader_inputs) <= MAX_AVERAGED_WINDOWS and max(vader_inputs) <= WINDOW_CHARS
    assert len(lowered) <= len(vader_inputs)
    abuse_windows = _count_windows(monkeypatch, ml._model("abuse"))
    ml.abuse_probability(text)
    assert len(abuse_windows) <= MAX_WINDOWS and max(abuse_windows) <= WINDOW_CHARS
    assert label in ml.SENTIMENT_LABELS
