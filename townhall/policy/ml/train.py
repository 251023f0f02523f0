"""Rebuild every classifier from the labelled data, deterministically.

    python -m townhall.policy.ml.train --data /work/shared/data

Needs the ``train`` extra (scikit-learn, scipy).  Test splits are never read here.
Writes ``models/{abuse,stance,sentiment}.npz`` and parity fixtures for the tests.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, recall_score

from townhall.policy.ml import data as D
from townhall.policy.ml.features import Block, analyze
from townhall.policy.ml.model import LinearTextModel

MODELS_DIR = Path(__file__).parent / "models"
FIXTURE_DIR = Path(__file__).resolve().parents[3] / "tests" / "policy_ml" / "fixtures"
SEED = 1234

Docs = list[tuple[list[str], list[str]]]


def featurize(texts: list[str]) -> Docs:
    return [analyze(t) for t in texts]


@dataclass
class Config:
    """One candidate: vocabulary cut-offs, block weights and regularisation."""

    name: str
    c: float = 4.0
    min_df: tuple[int, int] = (2, 3)
    max_features: tuple[int | None, int | None] = (None, 300_000)
    block_weights: tuple[float, float] = (1.0, 1.0)
    class_weight: str | dict | None = None
    extra: dict = field(default_factory=dict)


def fit_blocks(docs: Docs, cfg: Config) -> list[Block]:
    word = Block.fit((d[0] for d in docs), cfg.min_df[0], 0, cfg.max_features[0])
    char = Block.fit((d[1] for d in docs), cfg.min_df[1], word.size, cfg.max_features[1])
    return [word, char]


def design(docs: Docs, blocks: list[Block], bw: tuple[float, ...]) -> sp.csr_matrix:
    """Sparse design matrix built with the very same code path as inference."""
    indptr = [0]
    idx_parts: list[np.ndarray] = []
    val_parts: list[np.ndarray] = []
    for doc in docs:
        n = 0
        for block, w, grams in zip(blocks, bw, doc, strict=True):
            idx, vals = block.transform_one(grams)
            idx_parts.append(idx)
            val_parts.append(vals * w)
            n += idx.size
        indptr.append(indptr[-1] + n)
    n_feat = sum(b.size for b in blocks)
    return sp.csr_matrix(
        (np.concatenate(val_parts), np.concatenate(idx_parts), np.array(indptr)), shape=(len(docs), n_feat)
    )


def fit_linear(
    x: sp.csr_matrix, y: np.ndarray, cfg: Config, sample_weight: np.ndarray | None = None
) -> LogisticRegression:
    clf = LogisticRegression(
        C=cfg.c, class_weight=cfg.class_weight, max_iter=3000, solver="liblinear" if len(set(y)) == 2 else "lbfgs",
        random_state=SEED,
    )
    clf.fit(x, y, sample_weight=sample_weight)
    return clf


def export(
    clf: LogisticRegression, blocks: list[Block], cfg: Config, labels: list[str], extra_meta: dict
) -> LinearTextModel:
    coef = clf.coef_.T.astype(np.float32)  # (n_features, 1 or n_classes)
    bias = clf.intercept_.astype(np.float64)
    meta = {"labels": labels, "config": cfg.name, "c": cfg.c, **extra_meta}
    return LinearTextModel(blocks, list(cfg.block_weights), coef, bias, meta)


def best_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    """Threshold maximising macro-F1 on validation (scanned on a 0.01 grid for stability)."""
    best = (0.5, -1.0)
    for t in np.arange(0.1, 0.91, 0.01):
        f = f1_score(y, (p >= t).astype(int), average="macro")
        if f > best[1] + 1e-9:
            best = (float(round(t, 2)), float(f))
    return best


def write_fixture(task: str, model: LinearTextModel, clf: LogisticRegression, x: sp.csr_matrix,
                  texts: list[str]) -> None:
    """A few val texts with scikit-learn's probabilities: the tests check numpy parity."""
    FIXTURE_DIR.mkdir(parents=True, exist_ok=True)
    proba = clf.predict_proba(x)
    rec = {"texts": texts, "proba": proba.tolist()}
    (FIXTURE_DIR / f"{task}_parity.json").write_text(json.dumps(rec, ensure_ascii=False))
