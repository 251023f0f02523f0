"""Evaluate the exported (numpy) models on a split.

    python -m townhall.policy.ml.evaluate --split val --data /work/shared/data
    python -m townhall.policy.ml.evaluate --split test --data /work/shared/data   # once, at the end

Scores come from the runtime code path (``townhall.policy.ml``), not from scikit-learn, so these
are the figures a deployment gets.  Metrics are computed with numpy only.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

import townhall.policy.ml as ml
from townhall.policy.ml import data as D


def macro_f1(y: np.ndarray, pred: np.ndarray, labels: list[int]) -> float:
    f = []
    for c in labels:
        tp = np.sum((pred == c) & (y == c))
        fp = np.sum((pred == c) & (y != c))
        fn = np.sum((pred != c) & (y == c))
        f.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f))


def best_threshold(y: np.ndarray, score: np.ndarray, grid: np.ndarray | None = None) -> tuple[float, float]:
    """(threshold, binary macro-F1) for the first best threshold in ``grid``.  The default grid is
    the score's 30th..95th percentiles, for unbounded scores such as logits (``distill.py``);
    ``train.py`` passes a fixed grid of probabilities."""
    if grid is None:
        grid = np.unique(np.quantile(score, np.linspace(0.3, 0.95, 131)))
    best = (0.5, -1.0)
    for thr in grid:
        f1 = macro_f1(y, (score >= thr).astype(int), [0, 1])
        if f1 > best[1] + 1e-9:
            best = (float(thr), f1)
    return best


def macro_recall(y: np.ndarray, pred: np.ndarray, labels: list[int]) -> float:
    return float(np.mean([np.mean(pred[y == c] == c) for c in labels if np.any(y == c)]))


BASELINES = False


def eval_abuse(data: Path, split: str) -> None:
    texts, y = D.tweeteval(data, "offensive", split)
    p = ml.abuse_probability_batch(texts)
    pred = (p >= ml.ABUSE_THRESHOLD).astype(int)
    y = np.array(y)
    print(f"abuse    TweetEval offensive {split}: macro-F1 {macro_f1(y, pred, [0, 1]):.4f} "
          f"(threshold {ml.ABUSE_THRESHOLD}, n={len(y)})")
    if BASELINES:
        from townhall.policy.ml.profanity import ProfanityModel

        pm = ProfanityModel.load(ml.MODELS_DIR / "profanity.npz")
        pp = np.array([pm.predict_proba(t) for t in texts])
        f1 = macro_f1(y, (pp >= 0.5).astype(int), [0, 1])
        print(f"abuse    baseline alt-profanity-check alone @0.5: macro-F1 {f1:.4f}")
    if split == "val":
        dt, dy = D.davidson(data, "heldout")
        dp = (ml.abuse_probability_batch(dt) >= ml.ABUSE_THRESHOLD).astype(int)
        print(f"abuse    Davidson held-out (own seeded split): macro-F1 {macro_f1(np.array(dy), dp, [0, 1]):.4f}")


def eval_stance(data: Path, split: str) -> None:
    texts, y, topics = D.stance(data, split)
    y = np.array(y)
    top = np.array(topics)
    p = ml.stance_probability_batch(texts)
    pred = (p >= ml.STANCE_THRESHOLD).astype(int)
    yb = (y > 0).astype(int)
    print(f"stance   TweetEval stance {split} (all topics, stance-vs-none): macro-F1 {macro_f1(yb, pred, [0, 1]):.4f}"
          f" (threshold {ml.STANCE_THRESHOLD}, n={len(y)})")
    for t in D.STANCE_TOPICS:
        m = top == t
        print(f"stance     {t:9s} stance-vs-none macro-F1 {macro_f1(yb[m], pred[m], [0, 1]):.4f} (n={m.sum()})")
    if ml.has_stance3():
        lab = np.array([ml.stance3(t)[0] for t in texts])
        pred3 = np.array([{"none": 0, "against": 1, "favor": 2}[x] for x in lab])
        per = []
        for t in D.STANCE_TOPICS:
            m = top == t
            f = macro_f1(y[m], pred3[m], [1, 2])
            per.append(f)
            print(f"stance3    {t:9s} TweetEval metric (macro-F1 of against/favor) {f:.4f}")
        print(f"stance3  average over topics {np.mean(per):.4f}; pooled {macro_f1(y, pred3, [1, 2]):.4f}")


def eval_sentiment(data: Path, split: str) -> None:
    texts, y = D.tweeteval(data, "sentiment", split)
    lab = [x[0] for x in ml.sentiment_batch(texts)]
    pred = np.array([ml.SENTIMENT_LABELS.index(x) for x in lab])
    y = np.array(y)
    note = " (NB: val tweets are training data; see train.py for cross-validated figures)" if split == "val" else ""
    print(f"sentiment TweetEval sentiment {split}: macro-recall {macro_recall(y, pred, [0, 1, 2]):.4f} "
          f"macro-F1 {macro_f1(y, pred, [0, 1, 2]):.4f} (n={len(y)}){note}")
    if BASELINES:
        from townhall.policy.ml.vader import analyzer

        comp = np.array([analyzer().polarity_scores(t)["compound"] for t in texts])
        vp = np.where(comp >= 0.05, 2, np.where(comp <= -0.05, 0, 1))
        print(f"sentiment baseline VADER alone (compound +-0.05): macro-recall {macro_recall(y, vp, [0, 1, 2]):.4f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--split", choices=["val", "test"], default="val")
    ap.add_argument("--only", choices=["abuse", "stance", "sentiment"], action="append")
    ap.add_argument("--baselines", action="store_true",
                    help="also print alt-profanity-check alone and VADER alone on the same split")
    args = ap.parse_args(argv)
    global BASELINES
    BASELINES = args.baselines
    for task in args.only or ["abuse", "stance", "sentiment"]:
        {"abuse": eval_abuse, "stance": eval_stance, "sentiment": eval_sentiment}[task](args.data, args.split)


if __name__ == "__main__":
    main()
