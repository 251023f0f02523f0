"""ABU003's gates against TweetEval offensive (train/val only) and the clean corpus (issue 12).

Why: nearly every TweetEval val tweet starts with '@user', which ABU003 reads as an addressee,
so val alone hides what a gate costs on posts that address nobody (most staff posts, most test
tweets). Each setting is scored on val as it is, on val and on the first N train tweets with the
'@user' mentions stripped ("-noat"), and by its abuse false alarms on every clean-*.txt corpus
post. Settings are CLASSIFIER_ALONE,IMPERSONAL_ALONE pairs; 0 switches a gate off.

    python bench/abuse_gate_sweep.py [--data ../shared] [--train 2500] 0.8,0.97 0,0.97 0,0
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from townhall.policy import Context, check  # noqa: E402
from townhall.policy.data.build_family_model import read_corpus_file  # noqa: E402
from townhall.policy.evaluate import binary_macro_f1, find_data_dir  # noqa: E402
from townhall.policy.rules import abuse  # noqa: E402


def _load(tw: Path, split: str, n: int, strip: bool) -> tuple[list[str], list[bool]]:
    texts = (tw / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()[:n]
    if strip:
        texts = [re.sub(r"(?:@user\s*)+", "", t).strip() or t for t in texts]
    gold = [x.strip() == "1" for x in (tw / f"{split}_labels.txt").read_text(encoding="utf-8").splitlines()[:n]]
    return texts, gold


def _flags(findings: list) -> bool:
    return any(f.family == "abuse" and f.severity in ("block", "warn") for f in findings)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data")
    ap.add_argument("--train", type=int, default=2500)
    ap.add_argument("settings", nargs="*", default=[f"{abuse.CLASSIFIER_ALONE},{abuse.IMPERSONAL_ALONE}"])
    args = ap.parse_args()
    data = find_data_dir(args.data)
    if data is None:
        print("no shared data folder; pass --data", file=sys.stderr)
        return 2
    tw = data / "data" / "tweeteval" / "offensive"
    sets = {"val": _load(tw, "val", 10**6, False), "val-noat": _load(tw, "val", 10**6, True),
            "train-noat": _load(tw, "train", args.train, True)}
    clean = [c for p in sorted((ROOT / "townhall/policy/data/corpus").glob("clean-*.txt")) for c in read_corpus_file(p)]
    ctx = Context("x", "personal")
    for setting in args.settings:
        ca, ia = (float(x) for x in setting.split(","))
        abuse.CLASSIFIER_ALONE, abuse.IMPERSONAL_ALONE = ca, ia
        parts = []
        for name, (texts, gold) in sets.items():
            f1, _, r = binary_macro_f1(gold, [_flags(check(t, ctx)) for t in texts])
            parts.append(f"{name} macro-F1 {f1:.3f} (R {r:.2f})")
        fa = sum(_flags(check(c["text"], Context(c["network"], c["account"]))) for c in clean)
        print(f"gates {ca},{ia}: " + "  ".join(parts) + f"  clean abuse false alarms {fa}/{len(clean)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
