"""Stacked classifiers: several diverse members, combined by a small logistic regression.

A stack file (``models/abuse.npz``, ``models/sentiment.npz``) holds

* ``weights``/``bias``: k linear members over the shared TF-IDF features (e.g. a logistic
  regression, an NB-weighted logistic regression, a hate-speech model).  Their raw decision
  values are computed with one sparse dot product, since the featuriser is shared;
* ``meta["dense"]``: the names of the other members, computed here from the text: the exported
  ``alt-profanity-check`` model, hand-written lexicon counts, VADER's scores, the logit of the
  network distilled from a fine-tuned transformer (``student.py``) (see ``DENSE``);
* ``meta["stack"]``: the stacker, a logistic regression (binary or multinomial) over the
  standardised member outputs, fitted by ``train.py`` on out-of-fold member predictions.

Everything is numpy + stdlib; ``train.py`` checks parity against scikit-learn and writes fixtures.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import numpy as np

from townhall.policy.ml.abuse_lexicon import N_ABUSE_LEX_FEATURES, abuse_lexicon_features
from townhall.policy.ml.features import normalized_tokens
from townhall.policy.ml.lexicon import N_LEXICON_FEATURES, lexicon_features
from townhall.policy.ml.model import Featurizer, load_linear, save_linear, split_windows
from townhall.policy.ml.profanity import ProfanityModel
from townhall.policy.ml.student import student

_P_EPS = 1e-6
# Multi-class stacks (sentiment) average at most this many windows of a long text.
MAX_AVERAGED_WINDOWS = 8


class DenseContext:
    """Per-window lazily computed shared pieces (normalised tokens) for the dense members."""

    __slots__ = ("_toks", "profanity", "text")

    def __init__(self, text: str, profanity: ProfanityModel | None) -> None:
        self.text = text
        self.profanity = profanity
        self._toks: list[str] | None = None

    @property
    def toks(self) -> list[str]:
        if self._toks is None:
            self._toks = list(normalized_tokens(self.text)[1])
        return self._toks


def _profanity(ctx: DenseContext) -> np.ndarray:
    if ctx.profanity is None:
        raise RuntimeError("profanity member requested but models/profanity.npz is missing")
    p = min(max(ctx.profanity.predict_proba(ctx.text), _P_EPS), 1.0 - _P_EPS)
    return np.array([math.log(p / (1.0 - p))])


def _vader(ctx: DenseContext) -> np.ndarray:
    from townhall.policy.ml.vader import analyzer

    d = analyzer().polarity_scores(ctx.text)
    return np.array([d["neg"], d["neu"], d["pos"], d["compound"]])


def _student(ctx: DenseContext) -> np.ndarray:
    return np.array([student().logit(ctx.text)])


DENSE: dict[str, tuple[int, Callable[[DenseContext], np.ndarray]]] = {
    "profanity": (1, _profanity),
    "student": (1, _student),
    "abuse_lex": (N_ABUSE_LEX_FEATURES, lambda c: abuse_lexicon_features(c.toks)),
    "sent_lex": (N_LEXICON_FEATURES, lambda c: lexicon_features(c.toks)),
    "vader": (4, _vader),
}


def _profanity_logit(ctx: DenseContext) -> float:
    if ctx.profanity is None:
        raise RuntimeError("profanity member requested but models/profanity.npz is missing")
    p = min(max(ctx.profanity.predict_proba(ctx.text), _P_EPS), 1.0 - _P_EPS)
    return math.log(p / (1.0 - p))


# The one-number members as plain floats: a post's dense vector is then built by one np.array
# call (the same float64 values as concatenating one-element arrays).
_SCALAR: dict[str, Callable[[DenseContext], float]] = {
    "profanity": _profanity_logit,
    "student": lambda c: student().logit(c.text),
}


def dense_features(names: list[str], text: str, profanity: ProfanityModel | None) -> np.ndarray:
    ctx = DenseContext(text, profanity)
    if all(n in _SCALAR for n in names):
        return np.array([_SCALAR[n](ctx) for n in names], dtype=np.float64)
    parts = [DENSE[n][1](ctx) for n in names]
    return np.concatenate(parts) if parts else np.empty(0)


class StackModel:
    """Linear members over shared features + dense members -> standardised -> logistic stacker."""

    def __init__(self, featurizer: Featurizer, weights: np.ndarray, bias: np.ndarray, meta: dict,
                 profanity: ProfanityModel | None = None) -> None:
        if weights.shape[0] != featurizer.size:
            raise ValueError("model file does not match the featuriser vocabulary; retrain")
        self.featurizer = featurizer
        self.weights = weights  # (n_features, k) float32
        self._cols = featurizer.attach(weights)
        self.bias = np.asarray(bias, dtype=np.float64)
        self.meta = meta
        self.labels: list[str] = meta["labels"]
        self.dense: list[str] = list(meta.get("dense", []))
        st = meta["stack"]
        self.mean = np.asarray(st["mean"], dtype=np.float64)
        self.scale = np.asarray(st["scale"], dtype=np.float64)
        coef = np.asarray(st["coef"], dtype=np.float64)  # (n_out, n_stack) as scikit-learn's coef_
        # Fold the standardisation into the stacker: ((f - mean) / scale) @ W.T + b.
        self.s_coef = (coef / self.scale).T
        self.s_bias = np.asarray(st["intercept"], dtype=np.float64) - self.mean @ self.s_coef
        self.binary = coef.shape[0] == 1
        # the binary stacker's column, split at the members (contiguous copies of the same slices)
        k = weights.shape[1]
        self._linear_coef = np.ascontiguousarray(self.s_coef[:k, 0])
        self._dense_coef = np.ascontiguousarray(self.s_coef[k:, 0])
        self._bias0 = float(self.s_bias[0])
        self.profanity = profanity
        n_dense = sum(DENSE[n][0] for n in self.dense)
        if self.s_coef.shape[0] != weights.shape[1] + n_dense:
            raise ValueError("stacker size does not match its members; retrain")
        if "vader" in self.dense:  # parse VADER's lexicons now, not on the first post
            from townhall.policy.ml.vader import analyzer

            analyzer()
        if "student" in self.dense:  # likewise the student's tables
            student()

    def linear_members(self, text: str) -> np.ndarray:
        """The linear members' decision values for one window (one sparse dot product)."""
        return self.featurizer.dot(text, self._cols, self.bias)

    def screened_logit(self, text: str, floor_logit: float, margin: float) -> tuple[float, bool]:
        """(stacker logit, exact) for one window of a binary stack, skipping the TF-IDF members
        where they cannot matter.

        Why: the dense members (the student, the profanity model) carry most of the stacker's
        weight and are cheaper than the TF-IDF featuriser.  Their part of the logit is computed
        first; if even the linear members' part at its upper bound ``margin`` (measured on the
        training corpora, see ``cascade.py``) leaves it below ``floor_logit``, the post cannot
        reach the threshold and the bound is returned with ``exact=False``.  Otherwise the exact
        logit, the same as ``predict_proba``'s up to rounding.
        """
        dense = dense_features(self.dense, text, self.profanity)
        part = float(dense @ self._dense_coef) + self._bias0
        if part + margin < floor_logit:
            return part + margin, False
        return part + float(self.linear_members(text) @ self._linear_coef), True

    def members(self, text: str) -> np.ndarray:
        """Every member's output for one window (the stacker's input, before standardisation)."""
        z = self.linear_members(text)
        if self.dense:
            z = np.concatenate([z, dense_features(self.dense, text, self.profanity)])
        return z

    def _proba_window(self, text: str) -> np.ndarray:
        s = self.members(text) @ self.s_coef + self.s_bias
        if self.binary:
            p1 = 1.0 / (1.0 + math.exp(-min(max(float(s[0]), -500.0), 500.0)))
            return np.array([1.0 - p1, p1])
        e = np.exp(s - s.max())
        return e / e.sum()

    def predict_proba(self, text: str) -> np.ndarray:
        """Class probabilities.  Long texts: binary tasks take the most positive window (one
        abusive paragraph makes the post abusive); multi-class tasks average (up to
        MAX_AVERAGED_WINDOWS evenly spaced) windows."""
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        windows = split_windows(text)
        if len(windows) == 1:
            return self._proba_window(windows[0])
        if self.binary:
            probs = np.array([self._proba_window(w) for w in windows])
            return probs[int(np.argmax(probs[:, 1]))]
        if len(windows) > MAX_AVERAGED_WINDOWS:
            # Multi-class averages windows, so an evenly spaced sample estimates it; this bounds
            # VADER's cost on huge pastes (an all-emoji window expands to thousands of words).
            pick = np.linspace(0, len(windows) - 1, MAX_AVERAGED_WINDOWS).round().astype(int)
            windows = [windows[i] for i in pick]
        return np.array([self._proba_window(w) for w in windows]).mean(axis=0)

    def save(self, path: Path) -> None:
        save_linear(path, self.meta, self.weights, self.bias)

    @classmethod
    def load(cls, path: Path, featurizer: Featurizer, profanity: ProfanityModel | None = None) -> StackModel:
        meta, weights, bias = load_linear(path)
        return cls(featurizer, weights, bias, meta, profanity)
