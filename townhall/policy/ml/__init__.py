"""Small trained text classifiers for the policy engine and social listening.

Pure numpy + stdlib at run time (scikit-learn is only needed by ``train.py``).  Models are
loaded lazily on first use from ``models/*.npz`` so importing this package is free.

* ``abuse_probability``: offensive / insulting / harassing language.  A stack (``stack.py``): our
  logistic regression and NB-weighted logistic regression over the shared features (TweetEval
  offensive + Davidson), the exported ``alt-profanity-check`` model (``profanity.py``, MIT) and
  insult/profanity/targeting counts (``abuse_lexicon.py``), combined by a logistic regression.
* ``stance_probability``: the text takes a side (against/favor) on a divisive topic.
* ``sentiment``: negative / neutral / positive.  A stack of our linear members, VADER (vendored in
  ``vader.py``, MIT) and lexicon counts.
"""

from __future__ import annotations

import json
import math
import threading
from pathlib import Path

import numpy as np

from townhall.policy.ml.model import Featurizer, LinearHead, split_windows
from townhall.policy.ml.profanity import ProfanityModel
from townhall.policy.ml.stack import StackModel

__all__ = [
    "ABUSE_THRESHOLD",
    "SENTIMENT_LABELS",
    "STANCE_THRESHOLD",
    "abuse_probability",
    "abuse_probability_batch",
    "abuse_probability_screened",
    "abuse_probability_screened_batch",
    "load_all",
    "sentiment",
    "sentiment_batch",
    "stance_probability",
    "stance_probability_batch",
]

MODELS_DIR = Path(__file__).parent / "models"
SENTIMENT_LABELS = ("negative", "neutral", "positive")

_lock = threading.Lock()
_models: dict[str, LinearHead | StackModel] = {}
_featurizer: list[Featurizer] = []
_profanity: list[ProfanityModel] = []


def _read_threshold(name: str, default: float) -> float:
    """Thresholds are tuned on val at training time and stored inside the model file; read only the
    small ``meta`` member so that importing this package stays cheap."""
    try:
        with np.load(MODELS_DIR / f"{name}.npz", allow_pickle=False) as z:
            return float(json.loads(z["meta"].tobytes().decode())["threshold"])
    except (OSError, KeyError, ValueError):
        return default


def _load(name: str) -> LinearHead | StackModel:
    if not _featurizer:
        _featurizer.append(Featurizer.load(MODELS_DIR / "features.npz"))
    path = MODELS_DIR / f"{name}.npz"
    with np.load(path, allow_pickle=False) as z:
        meta = json.loads(z["meta"].tobytes().decode())
    if "stack" not in meta:
        return LinearHead.load(path, _featurizer[0])
    if "profanity" in meta.get("dense", []) and not _profanity:
        _profanity.append(ProfanityModel.load(MODELS_DIR / "profanity.npz"))
    return StackModel.load(path, _featurizer[0], _profanity[0] if _profanity else None)


def _model(name: str) -> LinearHead | StackModel:
    """Model ``name``, loading it (and, once, the shared featuriser) on first use; thread-safe."""
    m = _models.get(name)
    if m is None:
        with _lock:
            m = _models.get(name)
            if m is None:
                m = _load(name)
                _models[name] = m
    return m


def has_stance3() -> bool:
    """Whether the optional 3-way (none/against/favor) stance model was trained and shipped."""
    return (MODELS_DIR / "stance3.npz").exists()


def stance3(text: str) -> tuple[str, dict[str, float]]:
    """3-way stance (none/against/favor), TweetEval-style; the policy engine uses stance_probability."""
    m = _model("stance3")
    proba = m.predict_proba(text)
    labels = m.labels
    return labels[int(np.argmax(proba))], {lab: float(p) for lab, p in zip(labels, proba, strict=True)}


def load_all() -> None:
    """Eagerly load every model (e.g. at worker start-up, to keep first-request latency flat)."""
    for name in ("abuse", "stance", "sentiment", *(("stance3",) if has_stance3() else ())):
        _model(name)


ABUSE_THRESHOLD: float = _read_threshold("abuse", 0.5)
STANCE_THRESHOLD: float = _read_threshold("stance", 0.5)


def abuse_probability(text: str) -> float:
    """Probability that the text is offensive/insulting/harassing; compare with ABUSE_THRESHOLD."""
    return float(_model("abuse").predict_proba(text)[1])


def abuse_probability_batch(texts: list[str]) -> np.ndarray:
    m = _model("abuse")
    return np.array([m.predict_proba(t)[1] for t in texts], dtype=np.float64)


# Upper bound of the abuse stack's TF-IDF members' share of the logit, for the cascade in
# ``abuse_probability_screened``: their 99.9th percentile over the training corpora is 2.10, the
# maximum 3.07 (``python -m townhall.policy.ml.cascade``); at 2.1 no decision changed there.
ABUSE_CASCADE_MARGIN = 2.1


def _logit(p: float) -> float:
    p = min(max(p, 1e-12), 1.0 - 1e-12)
    return math.log(p / (1.0 - p))


def _sigmoid(s: float) -> float:
    return 1.0 / (1.0 + math.exp(-min(max(s, -500.0), 500.0)))


def abuse_probability_screened(text: str, floor: float = ABUSE_THRESHOLD) -> tuple[float, bool]:
    """(probability, exact): ``abuse_probability`` where it can reach ``floor``, else a bound.

    Why: the policy engine needs only "is it at least the threshold?" and, when it is, the exact
    score for its message.  The cheap members are scored first; where they put the post more than
    ``ABUSE_CASCADE_MARGIN`` below ``floor``, the TF-IDF members are skipped and an upper bound
    (below ``floor``) is returned with ``exact=False``.  Otherwise the probability is exact.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    m = _model("abuse")
    if not isinstance(m, StackModel) or not m.binary:
        return abuse_probability(text), True
    lo = _logit(floor)
    best, exact = -math.inf, True
    for w in split_windows(text):
        s, ex = m.screened_logit(w, lo, ABUSE_CASCADE_MARGIN)
        if s > best:
            best, exact = s, ex
    # windows left inexact are below floor, so they cannot be the maximum of an exact score >= floor
    return _sigmoid(best), exact


def abuse_probability_screened_batch(texts: list[str], floor: float = ABUSE_THRESHOLD) -> list[tuple[float, bool]]:
    """``abuse_probability_screened`` for many texts."""
    return [abuse_probability_screened(t, floor) for t in texts]


def stance_probability(text: str) -> float:
    """Probability that the text takes a stance (for or against) on a divisive topic."""
    return float(_model("stance").predict_proba(text)[1])


def stance_probability_batch(texts: list[str]) -> np.ndarray:
    m = _model("stance")
    return np.array([m.predict_proba(t)[1] for t in texts], dtype=np.float64)


def _sentiment_from_proba(m: LinearHead | StackModel, proba: np.ndarray) -> tuple[str, dict[str, float]]:
    # Decision uses the val-tuned log-prior offsets (macro-recall); reported probs are the model's.
    off = np.asarray(m.meta.get("log_prior_offsets", [0.0, 0.0, 0.0]), dtype=np.float64)
    k = int(np.argmax(np.log(np.maximum(proba, 1e-12)) + off))
    return SENTIMENT_LABELS[k], {lab: float(p) for lab, p in zip(SENTIMENT_LABELS, proba, strict=True)}


def sentiment(text: str) -> tuple[str, dict[str, float]]:
    """(label, {label: probability}) with label in negative/neutral/positive."""
    m = _model("sentiment")
    return _sentiment_from_proba(m, m.predict_proba(text))


def sentiment_batch(texts: list[str]) -> list[tuple[str, dict[str, float]]]:
    m = _model("sentiment")
    return [_sentiment_from_proba(m, m.predict_proba(t)) for t in texts]


def abuse_and_sentiment_batch(texts: list[str]) -> list[tuple[float, tuple[str, dict[str, float]]]]:
    """Both scores per text, one text at a time: the two models share the featuriser, so the
    second model finds the text's features in its memo (scoring model by model over a large
    batch would evict them first and compute everything twice)."""
    from townhall.policy.fold import fold  # a disguised slur scores as the word a reader sees

    abuse, senti = _model("abuse"), _model("sentiment")
    plain = [fold(t)[0] for t in texts]
    return [(float(abuse.predict_proba(t)[1]), _sentiment_from_proba(senti, senti.predict_proba(t))) for t in plain]
