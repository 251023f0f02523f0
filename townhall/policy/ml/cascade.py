"""Measure the margin of the abuse cascade (``ABUSE_CASCADE_MARGIN`` in ``__init__.py``).

The abuse stack's logit is ``dense part + linear part``: the dense part (the distilled student,
the profanity model) is cheap and carries most of the weight; the linear part (two TF-IDF
members) needs the featuriser, the most expensive step of a post.  ``abuse_probability_screened``
computes the dense part first and skips the featuriser when ``dense part + margin`` is already
below the threshold's logit.  A decision can only change where the linear part exceeds the margin
*and* the post sits within that margin of the threshold, so the margin is set at a high quantile
of the linear part over the training corpora (never a test split):

    python -m townhall.policy.ml.cascade --data /work/shared/data

prints the quantiles, and for each candidate margin the share of posts it decides without the
featuriser and the decisions it changes on those corpora.  Training/analysis only.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from townhall.policy.ml import data as D


def corpus(data: Path) -> list[str]:
    """Distinct train/val texts of every corpus the classifiers were built from."""
    texts: list[str] = []
    for task, splits in (("offensive", ("train", "val")), ("hate", ("train", "val")), ("sentiment", ("val",))):
        for split in splits:
            texts += D.tweeteval(data, task, split)[0]
    for split in ("train", "val"):
        texts += D.stance(data, split)[0]
        texts += D.davidson(data, split)[0]
    return list(dict.fromkeys(t for t in texts if t.strip()))


def parts(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(dense part, linear part) of the abuse stacker's logit, per text (first window)."""
    import townhall.policy.ml as ml
    from townhall.policy.ml.model import split_windows
    from townhall.policy.ml.stack import StackModel, dense_features

    m = ml._model("abuse")
    assert isinstance(m, StackModel)
    k = m.weights.shape[1]
    dense, linear = [], []
    for t in texts:
        w = split_windows(t)[0]
        dense.append(float(dense_features(m.dense, w, m.profanity) @ m.s_coef[k:, 0]) + float(m.s_bias[0]))
        linear.append(float(m.linear_members(w) @ m.s_coef[:k, 0]))
    return np.array(dense), np.array(linear)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="the shared data folder's data/ directory")
    ap.add_argument("--threshold", type=float, default=None)
    args = ap.parse_args(argv)
    import townhall.policy.ml as ml

    thr = args.threshold if args.threshold is not None else ml.ABUSE_THRESHOLD
    floor = float(np.log(thr / (1.0 - thr)))
    texts = corpus(Path(args.data))
    dense, linear = parts(texts)
    qs = (0.5, 0.9, 0.99, 0.995, 0.999, 0.9999, 1.0)
    print(
        f"{len(texts)} texts; linear part quantiles: "
        + "  ".join(f"{q:g}: {v:.3f}" for q, v in zip(qs, np.quantile(linear, qs), strict=True))
    )
    full = dense + linear >= floor
    for margin in (1.0, 1.5, 2.0, 2.5, float(linear.max())):
        skip = dense + margin < floor
        print(
            f"margin {margin:.2f}: decided without the featuriser {skip.mean():.1%}, "
            f"decisions changed {int((skip & full).sum())}; current ABUSE_CASCADE_MARGIN "
            f"{ml.ABUSE_CASCADE_MARGIN}"
        )


if __name__ == "__main__":
    main()
