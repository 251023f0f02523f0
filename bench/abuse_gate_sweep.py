"""ABU003's gates against TweetEval offensive (train/val only) and the clean corpus (issue 12).

Why: nearly every TweetEval val tweet starts with '@user', which ABU003 reads as an addressee,
so val alone hides what a gate costs on posts that address nobody (most staff posts, most test
tweets). Each setting is scored on val as it is, on val and on the first N train tweets with the
'@user' mentions stripped ("-noat"), and by its abuse false alarms on every clean-*.txt corpus
post. Settings are CLASSIFIER_ALONE,IMPERSONAL_ALONE pairs; 0 switches a gate off.

The classifier was fitted on TweetEval train, so its scores there are in-sample (train macro-F1
about 0.90 against 0.79 out of fold) and flatter every gate. ``--oof`` (needs the ``train`` extra,
scikit-learn; about two minutes) rebuilds the stack's members five times, each without one fold,
exactly as ``ml/train.py`` does, and scores the train tweets with the members that never saw them
(the distilled student's out-of-fold logits ship with it; for the '@user'-stripped text its
in-sample change from stripping is added). Those scores are put in the engine's cache, so the
gates see what they would see on unseen tweets.

    python bench/abuse_gate_sweep.py [--data ../shared] [--train 2500] [--oof] 0.8,0.97 0,0.97 0,0
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from townhall.policy import Context, check, mlbridge  # noqa: E402
from townhall.policy.data.build_family_model import read_corpus_file  # noqa: E402
from townhall.policy.evaluate import binary_macro_f1, find_data_dir  # noqa: E402
from townhall.policy.rules import abuse  # noqa: E402


def _load(tw: Path, split: str, n: int, strip: bool) -> tuple[list[str], list[bool]]:
    texts = (tw / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()[:n]
    if strip:
        texts = [_strip(t) for t in texts]
    gold = [x.strip() == "1" for x in (tw / f"{split}_labels.txt").read_text(encoding="utf-8").splitlines()[:n]]
    return texts, gold


def _oof_scores(data: Path, n: int) -> dict[str, float]:
    """Out-of-fold abuse probability of the first ``n`` TweetEval offensive train tweets, as they
    are and with '@user' stripped (text -> probability)."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.model_selection import StratifiedKFold

    from townhall.policy import ml
    from townhall.policy.ml import data as D
    from townhall.policy.ml import train as T
    from townhall.policy.ml.stack import dense_features
    from townhall.policy.ml.student import student

    m = ml._model("abuse")
    tr, ytr = D.tweeteval(data / "data", "offensive", "train")
    dav, ydav = D.davidson(data / "data", "train")
    y = np.array(ytr)
    raw = tr[:n]
    strip = [_strip(t) for t in raw]
    x, xd = T.design(m.featurizer, tr), T.design(m.featurizer, dav)
    xs = T.design(m.featurizer, strip)
    folds = list(StratifiedKFold(5, shuffle=True, random_state=T.SEED).split(np.zeros(len(y)), y))
    names = m.meta["members"]
    specs = {k: T.ABUSE_MEMBERS[k] for k in names}
    z = np.zeros((n, len(names)))
    zs = np.zeros((n, len(names)))
    for a, b in folds:
        b = b[b < n]
        members = T.fit_members(specs, sp.vstack([x[a], xd]).tocsr(), np.r_[y[a], ydav], np.ones(len(a) + len(ydav)))
        for j, k in enumerate(names):
            z[b, j] = members[k].z(x[b]).ravel()
            zs[b, j] = members[k].z(xs[b]).ravel()
        print(f"  out-of-fold members: {len(b)} tweets scored", file=sys.stderr, flush=True)
    stud = T.student_oof(len(y)).ravel()[:n]
    st = student()
    stud_s = stud + np.array([st.logit(t) for t in strip]) - np.array([st.logit(t) for t in raw])
    out: dict[str, float] = {}
    for texts, zz, sd in ((raw, z, stud), (strip, zs, stud_s)):
        prof = np.array([dense_features(["profanity"], t, m.profanity)[0] for t in texts])
        dense = {"student": sd, "profanity": prof}
        f = np.column_stack([zz] + [dense[k] for k in m.dense])
        p = 1.0 / (1.0 + np.exp(-(f @ m.s_coef[:, 0] + m.s_bias[0])))
        out.update(zip(texts, p.tolist(), strict=True))
    return out


def _strip(t: str) -> str:
    return re.sub(r"(?:@user\s*)+", "", t).strip() or t


def _flags(findings: list) -> bool:
    return any(f.family == "abuse" and f.severity in ("block", "warn") for f in findings)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data")
    ap.add_argument("--train", type=int, default=2500)
    ap.add_argument("--oof", action="store_true", help="score the train tweets out of fold (needs scikit-learn)")
    ap.add_argument("settings", nargs="*", default=[f"{abuse.CLASSIFIER_ALONE},{abuse.IMPERSONAL_ALONE}"])
    args = ap.parse_args()
    data = find_data_dir(args.data)
    if data is None:
        print("no shared data folder; pass --data", file=sys.stderr)
        return 2
    tw = data / "data" / "tweeteval" / "offensive"
    sets = {"val": _load(tw, "val", 10**6, False), "val-noat": _load(tw, "val", 10**6, True),
            "train": _load(tw, "train", args.train, False), "train-noat": _load(tw, "train", args.train, True)}
    clean = [c for p in sorted((ROOT / "townhall/policy/data/corpus").glob("clean-*.txt")) for c in read_corpus_file(p)]
    ctx = Context("x", "personal")
    oof = _oof_scores(data, args.train) if args.oof else {}
    for setting in args.settings:
        ca, ia = (float(x) for x in setting.split(","))
        abuse.CLASSIFIER_ALONE, abuse.IMPERSONAL_ALONE = ca, ia
        for t, p in oof.items():  # the engine reads these instead of the in-sample scores
            mlbridge._remember(t, p, True)
        parts = []
        for name, (texts, gold) in sets.items():
            f1, _, r = binary_macro_f1(gold, [_flags(check(t, ctx)) for t in texts])
            parts.append(f"{name}{'-oof' if oof and name.startswith('train') else ''} macro-F1 {f1:.3f} (R {r:.2f})")
        fa = sum(_flags(check(c["text"], Context(c["network"], c["account"]))) for c in clean)
        print(f"gates {ca},{ia}: " + "  ".join(parts) + f"  clean abuse false alarms {fa}/{len(clean)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
