"""``townhall eval``: how well the engine does, on the policy cases and on TweetEval.

* Policy cases (``examples/policy_cases.jsonl``): per family, precision and recall of
  "the family has a block or warn finding" against ``expect``.
* Our own hand-written cases (``tests/policy/cases/dev.jsonl`` and ``heldout.jsonl``): the same
  per family, plus how many clean near-misses got any risk finding. Rules are tuned on dev only.
* Presidio's synthetic PII sentences (``data/pii``): privacy/credentials sentence recall
  (``bench/pii_recall.py`` prints it per entity type).
* TweetEval offensive -> abuse family flagged (macro-F1; also the lexicon rules alone, to
  show they add few false positives).
* TweetEval stance topics -> contentious family flagged on an official account, against
  "takes a stance" (against or favour) vs none: macro-F1 of the two classes, per topic.
* TweetEval sentiment -> ``ml.sentiment`` (macro-recall).

``--split val`` by default; the test split is for the final report only.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from townhall.policy import learned, mlbridge
from townhall.policy.engine import check
from townhall.policy.pack import Pack, default_pack, load_pack
from townhall.policy.types import FAMILIES, RISK_FAMILIES, Context, ImageRef


def find_data_dir(explicit: str | None) -> Path | None:
    """--data, else ../shared relative to the repository, else relative to the cwd.

    A folder named with --data is the only candidate: quietly reading another folder instead of
    the one asked for would report figures for data the person did not choose."""
    if explicit:
        c = Path(explicit)
        return c if (c / "examples").is_dir() or (c / "data").is_dir() else None
    candidates: list[Path] = []
    repo = Path(__file__).resolve().parents[2]
    candidates += [repo.parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for c in candidates:
        if (c / "examples").is_dir() or (c / "data").is_dir():
            return c
    return None


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def binary_macro_f1(gold: Iterable[bool], pred: Iterable[bool]) -> tuple[float, float, float]:
    """(macro-F1, precision of positive, recall of positive)."""
    tp = fp = fn = tn = 0
    for g, p in zip(gold, pred, strict=True):
        if g and p:
            tp += 1
        elif p:
            fp += 1
        elif g:
            fn += 1
        else:
            tn += 1
    macro = (_f1(tp, fp, fn) + _f1(tn, fn, fp)) / 2
    return macro, tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0


def _flagged(findings: list, family: str, codes: set[str] | None = None) -> bool:
    return any(
        f.family == family and f.severity in ("block", "warn") and (codes is None or f.code in codes)
        for f in findings
    )


def read_cases(path: Path) -> list[dict]:
    """The cases of a JSON-lines case file (``policy_cases.jsonl``, ``dev.jsonl`` ...), blank lines skipped."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def flagged_families(case: dict, pack: Pack | None = None) -> set[str]:
    """The families a case's post gets at block or warn, checked where the case says it is
    published (network, account, the images' alt text)."""
    images = tuple(ImageRef(i.get("alt") or "") for i in case.get("images") or [])
    found = check(case["text"], Context(case["network"], case["account"], images), pack)
    return {f.family for f in found if f.severity in ("block", "warn")}


def policy_case_scores(path: Path, pack: Pack) -> dict[str, tuple[int, int, int]]:
    """Per family (tp, fp, fn) of block/warn findings against each case's ``expect``."""
    counts = {f: [0, 0, 0] for f in FAMILIES}
    for c in read_cases(path):
        got = flagged_families(c, pack)
        want = set(c.get("expect", []))
        for fam in FAMILIES:
            if fam in got and fam in want:
                counts[fam][0] += 1
            elif fam in got:
                counts[fam][1] += 1
            elif fam in want:
                counts[fam][2] += 1
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


OWN_CASES = Path(__file__).resolve().parents[2] / "tests" / "policy" / "cases"
# Findings that count as a "risk finding" on a clean post: the risk families and personal-use.
CLEAN_FAMILIES = frozenset(RISK_FAMILIES | {"personal-use"})


def own_case_scores(path: Path, pack: Pack) -> tuple[dict[str, tuple[int, int, int]], int, int, list[str]]:
    """Per family (tp, fp, fn) on one of our case files, with ``optional`` families neither
    hits nor false alarms; also (clean posts with a risk finding, clean posts, their ids)."""
    counts = {f: [0, 0, 0] for f in FAMILIES}
    dirty: list[str] = []
    n_clean = 0
    for c in read_cases(path):
        got = flagged_families(c, pack)
        want = set(c.get("expect", []))
        optional = set(c.get("optional", []))
        for fam in FAMILIES:
            if fam in got and fam in want:
                counts[fam][0] += 1
            elif fam in got and fam not in optional and fam in CLEAN_FAMILIES:
                counts[fam][1] += 1
            elif fam in want:
                counts[fam][2] += 1
        if c.get("clean"):
            n_clean += 1
            if got & CLEAN_FAMILIES:
                dirty.append(c["id"])
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}, len(dirty), n_clean, dirty


def _write_family_table(
    out: TextIO, scores: dict[str, tuple[int, int, int]], only: frozenset[str] | None = None
) -> None:
    out.write(f"  {'family':<16}{'P':>6}{'R':>6}   tp  fp  fn\n")
    for fam, (tp, fp, fn) in scores.items():
        if only is not None and fam not in only:
            continue
        p = tp / (tp + fp) if tp + fp else float("nan")
        r = tp / (tp + fn) if tp + fn else float("nan")
        out.write(f"  {fam:<16}{p:>6.2f}{r:>6.2f}   {tp:>3} {fp:>3} {fn:>3}\n")


def pii_sentence_recall(path: Path, pack: Pack) -> tuple[int, int]:
    """(caught, total) Presidio sentences holding contact/ID data with a privacy or credentials
    block/warn finding, as an official LinkedIn post (see bench/pii_recall.py)."""
    types = {"EMAIL_ADDRESS", "PHONE_NUMBER", "STREET_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "US_SSN"}
    ctx = Context("linkedin", "official")
    hit = total = 0
    for r in json.loads(path.read_text(encoding="utf-8")):
        if not {s["entity_type"] for s in r["spans"]} & types:
            continue
        total += 1
        hit += any(
            f.family in ("privacy", "credentials") and f.severity in ("block", "warn")
            for f in check(r["full_text"], ctx, pack)
        )
    return hit, total


def _read(folder: Path, split: str, limit: int) -> tuple[list[str], list[int]]:
    texts = (folder / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
    labels = [int(x) for x in (folder / f"{split}_labels.txt").read_text(encoding="utf-8").split()]
    if limit:
        texts, labels = texts[:limit], labels[:limit]
    return texts, labels


def run_eval(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    data = find_data_dir(args.data)
    if data is None and args.data:
        err.write(
            f"townhall eval: {args.data} holds no evaluation data (expected examples/policy_cases.jsonl or "
            "data/tweeteval/ inside it).\n"
        )
        return 2
    if data is None:
        err.write(
            "townhall eval: cannot find the evaluation data. It comes from the shared data folder (a folder named "
            "'shared' beside the repository or the current folder, holding examples/policy_cases.jsonl and the "
            "TweetEval files under data/); pass --data DIR to point at it.\n"
        )
        return 2
    pack = load_pack(args.policy) if args.policy else default_pack()
    out.write(f"data: {data}   split: {args.split}   {mlbridge.status()}; {learned.status()}\n\n")
    cases = data / "examples" / "policy_cases.jsonl"
    if cases.exists():
        out.write(f"policy cases ({cases.name}): family flagged as block/warn\n")
        out.write(f"  {'family':<16}{'P':>6}{'R':>6}   tp fp fn\n")
        for fam, (tp, fp, fn) in policy_case_scores(cases, pack).items():
            p = tp / (tp + fp) if tp + fp else float("nan")
            r = tp / (tp + fn) if tp + fn else float("nan")
            out.write(f"  {fam:<16}{p:>6.2f}{r:>6.2f}   {tp:>2} {fp:>2} {fn:>2}\n")
        out.write("\n")
    own = CLEAN_FAMILIES
    # dev_extra: posts written after the rules were tuned on dev (a second, open measure of how far
    # the rules generalise; it is a dev part, so its misses may be read and tuned on)
    parts = ("dev", "dev_extra") if getattr(args, "dev_only", False) else ("dev", "dev_extra", "heldout")
    for name in parts:
        path = OWN_CASES / f"{name}.jsonl"
        if not path.exists():
            continue
        scores, n_dirty, n_clean, dirty = own_case_scores(path, pack)
        out.write(f"own cases, {name} part (tests/policy/cases/{path.name}): family flagged as block/warn\n")
        _write_family_table(out, scores, own)
        out.write(f"  clean near-misses with a risk finding: {n_dirty}/{n_clean}"
                  # ids for dev only: the held-back part is measured, never looked into
                  + (f"  ({', '.join(dirty[:12])})" if dirty and name != "heldout" else "") + "\n\n")
    pii = data / "data" / "pii" / "synth_dataset_v2.json"
    if pii.exists():
        hit, total = pii_sentence_recall(pii, pack)
        out.write(f"Presidio synthetic PII sentences: privacy/credentials recall {hit / total:.3f} ({hit}/{total}); "
                  "per entity type: python bench/pii_recall.py\n\n")
    tw = data / "data" / "tweeteval"
    if not tw.is_dir():
        err.write(f"townhall eval: no TweetEval data under {tw}\n")
        return 0
    ctx_personal = Context("x", "personal")
    ctx_official = Context("x", "official")
    texts, labels = _read(tw / "offensive", args.split, args.limit)
    results = [check(t, ctx_personal, pack) for t in texts]
    gold = [y == 1 for y in labels]
    f1, p, r = binary_macro_f1(gold, [_flagged(fs, "abuse") for fs in results])
    out.write(f"TweetEval offensive/{args.split} (n={len(texts)}): abuse family macro-F1 {f1:.3f} "
              f"(offensive P {p:.3f} R {r:.3f})\n")
    lex = [_flagged(fs, "abuse", {"ABU001", "ABU002"}) for fs in results]
    fpr = sum(1 for g, x in zip(gold, lex, strict=True) if x and not g) / max(1, gold.count(False))
    f1l, pl, rl = binary_macro_f1(gold, lex)
    out.write(f"  lexicon rules only (ABU001+ABU002): macro-F1 {f1l:.3f}, P {pl:.3f} R {rl:.3f}, "
              f"false-positive rate on not-offensive {fpr:.3%}\n")
    stance_root = tw / "stance"
    if stance_root.is_dir():
        all_gold: list[bool] = []
        all_pred: list[bool] = []
        out.write(f"TweetEval stance/{args.split} -> contentious flagged (official account), stance vs none:\n")
        for topic in sorted(p.name for p in stance_root.iterdir() if p.is_dir()):
            texts, labels = _read(stance_root / topic, args.split, args.limit)
            g = [y != 0 for y in labels]
            pr = [_flagged(check(t, ctx_official, pack), "contentious") for t in texts]
            all_gold += g
            all_pred += pr
            f1, p, r = binary_macro_f1(g, pr)
            out.write(f"  {topic:<10} n={len(texts):<4} macro-F1 {f1:.3f}  stance P {p:.3f} R {r:.3f}\n")
        f1, p, r = binary_macro_f1(all_gold, all_pred)
        out.write(f"  {'all':<10} n={len(all_gold):<4} macro-F1 {f1:.3f}  stance P {p:.3f} R {r:.3f}\n")
    sent = tw / "sentiment"
    if sent.is_dir():
        if mlbridge.available() and mlbridge.sentiment("good") is not None:
            texts, labels = _read(sent, args.split, args.limit)
            names = ["negative", "neutral", "positive"]
            pred = [mlbridge.sentiment(t) for t in texts]
            recalls = []
            for k, name in enumerate(names):
                idx = [i for i, y in enumerate(labels) if y == k]
                recalls.append(sum(pred[i] == name for i in idx) / max(1, len(idx)))
            out.write(f"TweetEval sentiment/{args.split} (n={len(texts)}): macro-recall {sum(recalls) / 3:.3f} "
                      f"(neg {recalls[0]:.3f} neu {recalls[1]:.3f} pos {recalls[2]:.3f})\n")
        else:
            out.write("TweetEval sentiment: skipped (ml.sentiment unavailable)\n")
    return 0
