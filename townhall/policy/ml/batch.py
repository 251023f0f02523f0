"""Score many posts at once: the same numbers as the one-post functions, in far fewer numpy calls.

Why: on one post, most of the classifiers' cost is numpy's per-call overhead (a post has a few
hundred features and a few dozen word pieces), not arithmetic.  Here the expensive steps run once
for a whole batch of windows: the student's table gather and offset adds over every window laid
end to end, the featuriser's id counting (one sort of (window, id) keys) and its table gather.
Only the final reductions whose rounding depends on how they are summed (the student's output
dot product, the TF-IDF norms and each head's dot product) stay per window, on the very same
arrays the one-post code builds, so the results are bit for bit those of ``Student.logit``,
``Featurizer.dot`` and ``StackModel.screened_logit`` (``tests/policy_ml/test_batch_ml.py``).
"""

from __future__ import annotations

import math
from itertools import chain

import numpy as np

from townhall.policy.ml.features import normalize
from townhall.policy.ml.model import Featurizer
from townhall.policy.ml.profanity import _TOKEN_RE as _PROF_TOKEN_RE
from townhall.policy.ml.profanity import ProfanityModel
from townhall.policy.ml.stack import _P_EPS
from townhall.policy.ml.student import Student

# Rows of the student's table gathered at once (a sub-batch of windows): about 5 MB of float32
# (larger runs fall out of the CPU caches between the gather and the adds).
_STUDENT_ROWS = 2048


def student_logits(st: Student, windows: list[str]) -> list[float]:
    """``[st.logit(w) for w in windows]``.

    The windows' table rows (each ``[CLS] … [SEP]`` plus its [PAD]s) are laid end to end and
    gathered in one ``take``; each offset is one slice-add over the whole run. A window's valid
    positions read only its own rows (its [PAD]s are the widest offset's reach), so its sums are
    the same additions in the same order as in ``logit``; the positions in between are never read."""
    out: list[float] = []
    rows = [st._table_rows(w) for w in windows]
    nb = st.bias.shape[0]
    out_w, out_b = st.out_w, st.out_b
    i = 0
    while i < len(rows):
        j, total = i, 0
        while j < len(rows) and (j == i or total + len(rows[j]) <= _STUDENT_ROWS):
            total += len(rows[j])
            j += 1
        part = rows[i:j]
        g = st.rows32.take(list(chain.from_iterable(part)), axis=0)
        n_all = g.shape[0]
        acc = g[:, :nb].copy()
        for off, start, c0, c1 in st.offsets:
            acc[: n_all - off, start:] += g[off:, c0:c1]
        pos = 0
        for r in part:
            n = len(r) - st.n_pad
            # max over positions, then ReLU, then the output layer: ``logit``'s very calls
            out.append(float(np.maximum(acc[pos : pos + n].max(axis=0), 0.0) @ out_w + out_b))
            pos += len(r)
        i = j
    return out


def linear_many(
    fz: Featurizer, windows: list[str], heads: list[tuple[tuple[int, int], np.ndarray]]
) -> list[list[np.ndarray]]:
    """``[[fz.dot(w, cols, bias) for cols, bias in heads] for w in windows]``, the features of
    every window counted in one sort and gathered in one ``take``.

    Each window's (ids, counts) are those of ``Featurizer._gather`` (the same multiset of ids,
    counted in order), so its TF-IDF values, norms and dot products are computed on the same
    values in the same order."""
    get = fz.word.vocab.get
    chunks = fz._chunks
    parts: list[np.ndarray | None] = []
    part_of: list[int] = []
    pending: list[tuple[int, str]] = []
    for k, text in enumerate(windows):
        norm = normalize(text)
        wids: list[int] = []
        last = None
        for c in norm.split(" "):
            hit = chunks.get(c)
            cids, ids, first, end = fz._chunk(c) if hit is None else hit
            if cids is None:
                pending.append((len(parts), c))
            parts.append(cids)
            part_of.append(k)
            wids += ids
            if first is not None:
                if last is not None:
                    j = get(f"{last} {first}")
                    if j is not None:
                        wids.append(j)
                last = end
        parts.append(np.array(wids, dtype=np.int64))
        part_of.append(k)
    new = list(dict.fromkeys(c for _i, c in pending))
    done = dict(zip(new, fz.chunks_char_ids(new), strict=True))
    for i, c in pending:
        parts[i] = done[c]
    lens = np.fromiter((p.size for p in parts), dtype=np.int64, count=len(parts))  # type: ignore[union-attr]
    ids = np.concatenate(parts)  # type: ignore[arg-type]
    size = fz.size
    keys = np.repeat(np.asarray(part_of, dtype=np.int64) * size, lens) + ids
    keys.sort()
    n = keys.size
    if n:
        flag = np.empty(n + 1, dtype=bool)
        flag[0] = flag[n] = True
        np.not_equal(keys[1:], keys[:-1], out=flag[1:n])
        at = np.flatnonzero(flag)
        ukeys = keys.take(at[:-1])
        tf = at[1:] - at[:-1]
    else:
        ukeys = keys
        tf = keys
    owner = ukeys // size
    idx = ukeys - owner * size
    seg = owner.searchsorted(np.arange(len(windows) + 1))
    # the word block's end inside each window's ids
    wend = (ukeys - owner * size < fz.word.size).astype(np.int64)
    csum = np.concatenate([[0], np.cumsum(wend)])
    table = fz._table
    rows_all = table.take(idx, axis=0)
    vals_all = (1.0 + np.log(tf)) * rows_all[:, 0]
    segl = seg.tolist()
    csl = csum[seg].tolist()
    out: list[list[np.ndarray]] = []
    for k in range(len(windows)):
        a, b = segl[k], segl[k + 1]
        if a == b:
            out.append([bias.copy() for _cols, bias in heads])
            continue
        vals = vals_all[a:b].copy()
        rows = rows_all[a:b]
        nw = csl[k + 1] - csl[k]
        for part in (vals[:nw], vals[nw:]):
            if part.size:
                part /= math.sqrt(float(part @ part))
        out.append([vals @ np.ascontiguousarray(rows[:, c0:c1]) + bias for (c0, c1), bias in heads])
    return out


def screened_and_stance(
    texts: list[str], floor: float, stance_for: list[bool] | None = None
) -> tuple[list[tuple[float, bool]], list[float | None]]:
    """``[abuse_probability_screened(t, floor) for t in texts]`` and ``stance_probability(t)`` for
    the texts where ``stance_for`` is true (None elsewhere), scored window by window in batches.

    A window is featurised once for both heads (the stance model reads the same TF-IDF features
    as the abuse stack's linear members), and only where one of them needs it: the abuse cascade
    cannot decide it without them, or its post's stance is asked for.  A window the cascade
    decides still reports the cascade's bound, as ``screened_logit`` does."""
    import townhall.policy.ml as ml
    from townhall.policy.ml.model import split_windows
    from townhall.policy.ml.student import student

    m = ml._model("abuse")
    want = stance_for if stance_for is not None else [False] * len(texts)
    sm = ml._model("stance") if any(want) else None
    if not hasattr(m, "screened_logit") or not m.binary or sorted(m.dense) != ["profanity", "student"]:
        raise ValueError("the abuse model is not the binary profanity + student stack")
    if sm is not None and (getattr(sm, "lex_scale", 1.0) or not sm.binary or not hasattr(sm, "_cols")):
        raise ValueError("the stance model is not a plain binary linear head")
    windows: list[str] = []
    owner: list[int] = []
    for k, t in enumerate(texts):
        ws = split_windows(t)
        windows += ws
        owner += [k] * len(ws)
    logits = student_logits(student(), windows)
    lo = ml._logit(floor)
    margin = ml.ABUSE_CASCADE_MARGIN
    coef, bias0 = m._dense_coef, m._bias0
    prof_first = m.dense[0] == "profanity"
    parts: list[float] = []
    need: list[int] = []
    if m.profanity is None:
        raise ValueError("profanity member requested but models/profanity.npz is missing")
    prof = profanity_logits(m.profanity, windows)
    for i in range(len(windows)):
        pl = prof[i]
        dense = np.array([pl, logits[i]] if prof_first else [logits[i], pl], dtype=np.float64)
        part = float(dense @ coef) + bias0
        parts.append(part)
        if want[owner[i]] or part + margin >= lo:
            need.append(i)
    heads = [(m._cols, m.bias)] + ([(sm._cols, sm.bias)] if sm is not None else [])
    lin = dict(zip(need, linear_many(m.featurizer, [windows[i] for i in need], heads), strict=True))
    best = [(-math.inf, True)] * len(texts)
    stance: list[float | None] = [None] * len(texts)
    for i, k in enumerate(owner):
        part = parts[i]
        if part + margin < lo:
            s, ex = part + margin, False
        else:
            s, ex = part + float(lin[i][0] @ m._linear_coef), True
        if s > best[k][0]:
            best[k] = (s, ex)
        if want[k]:
            z = float(lin[i][1][0])
            p1 = 1.0 / (1.0 + math.exp(-min(max(z, -500.0), 500.0)))
            old = stance[k]
            if old is None or p1 > old:
                stance[k] = p1
    abuse = [(ml._sigmoid(s), ex) for s, ex in best]
    return abuse, stance


def profanity_logits(pm: ProfanityModel, windows: list[str]) -> list[float]:
    """``[stack._profanity_logit(w) for w in windows]`` (the profanity model's clipped logit).

    Each window's known words are found in order of first occurrence and counted (one sort of
    (window, word) keys for all windows), and their sums are ``bincount``s, which add each
    window's terms one after another in that order: the very additions of
    ``ProfanityModel.decision``'s loop. The calibrators' ``exp`` stays ``math.exp``."""
    vocab = pm.vocab
    get = vocab.get
    ids_all: list[int] = []
    lens: list[int] = []
    for w in windows:
        found = [j for j in map(get, _PROF_TOKEN_RE.findall(w.lower())) if j is not None]
        ids_all += found
        lens.append(len(found))
    n = len(windows)
    k = len(pm._intercept)
    if not ids_all:
        z = np.tile(np.asarray(pm._intercept, dtype=np.float64), (n, 1))
    else:
        ids = np.asarray(ids_all, dtype=np.int64)
        owner = np.repeat(np.arange(n, dtype=np.int64), lens)
        keys = owner * len(vocab) + ids
        _u, first, counts = np.unique(keys, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")  # first occurrences, window after window
        uids = ids.take(first[order])
        uowner = owner.take(first[order])
        c = counts[order].astype(np.float64)
        table = _prof_table(pm)
        rows = table.take(uids, axis=0)  # (m, 1 + k): idf, fold coefs
        v = c * rows[:, 0]
        norm2 = np.bincount(uowner, weights=v * v, minlength=n)
        acc = np.stack([np.bincount(uowner, weights=v * rows[:, 1 + i], minlength=n) for i in range(k)], axis=1)
        has = np.bincount(uowner, minlength=n) > 0
        with np.errstate(divide="ignore", invalid="ignore"):  # windows without a known word: fixed below
            invn = 1.0 / np.sqrt(norm2)
            z = acc * invn[:, None] + np.asarray(pm._intercept, dtype=np.float64)
        z[~has] = np.asarray(pm._intercept, dtype=np.float64)
    out: list[float] = []
    a_s, b_s = pm._a, pm._b
    exp = math.exp
    for row in z.tolist():
        tot = 0.0
        for zi, a, b in zip(row, a_s, b_s, strict=True):
            tot += 1.0 / (1.0 + exp(min(max(a * zi + b, -500.0), 500.0)))
        p = min(max(tot / len(row), _P_EPS), 1.0 - _P_EPS)
        out.append(math.log(p / (1.0 - p)))
    return out


def _prof_table(pm: ProfanityModel) -> np.ndarray:
    """(vocabulary, 1 + folds) float64: idf then each fold's coef, per word id (built once)."""
    t = getattr(pm, "_batch_table", None)
    if t is None:
        t = np.concatenate(
            [np.asarray(pm.idf, dtype=np.float64)[:, None], np.asarray(pm.coef, dtype=np.float64)], axis=1
        )
        pm._batch_table = t  # type: ignore[attr-defined]
    return t
