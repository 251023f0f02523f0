"""Per-family recall on the fresh corpus and false alarms on every clean post (issue 12).

Recall: each line of ``townhall/policy/data/corpus/<family>.txt`` must get a block/warn finding
of its family (and of any ``+family`` mark). False alarms: clean posts (every ``clean-*.txt`` line
plus the clean posts of tests/policy/cases/dev.jsonl and dev_extra.jsonl) that get a block/warn
finding of a risk family or personal-use (``?family`` marks excepted). ``--half even|odd`` keeps
only the even/odd-numbered data lines of every corpus file, so rules can be developed on one half
and checked on the other. ``--tweeteval N`` also runs N ordinary tweets as an official and as a
personal post and counts how many get a finding of the chosen families (ordinary text should
mostly be fine). Numbers only, no thresholds; the held-back set is never read.

    python bench/family_recall.py [--family brand,personal-use] [--half even|odd|all]
        [--tweeteval 2000] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from townhall.policy.data.build_family_model import read_corpus_file  # noqa: E402
from townhall.policy.engine import check  # noqa: E402
from townhall.policy.evaluate import CLEAN_FAMILIES, find_data_dir  # noqa: E402
from townhall.policy.types import Context  # noqa: E402

CORPUS = ROOT / "townhall" / "policy" / "data" / "corpus"
CASES = ROOT / "tests" / "policy" / "cases"


def corpus_posts(path: Path, half: str) -> list[dict]:
    """The posts of one corpus file (read as the model's build script reads them), keeping the
    even- or odd-numbered data lines when asked."""
    posts = read_corpus_file(path)
    if half == "all":
        return posts
    return posts[0 if half == "even" else 1 :: 2]


def case_posts(name: str) -> list[dict]:
    """Clean posts of one of our own dev case files (never the held-back one)."""
    path = CASES / name
    if not path.exists():
        return []
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if r.get("clean")]


def risk(post: dict) -> dict[str, list[str]]:
    """Family -> codes of the block/warn findings for one post."""
    out: dict[str, list[str]] = {}
    for f in check(post["text"], Context(post["network"], post["account"])):
        if f.severity in ("block", "warn"):
            out.setdefault(f.family, []).append(f.code)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--family", default="all", help="comma-separated families, or 'all'")
    ap.add_argument("--half", choices=("even", "odd", "all"), default="all")
    ap.add_argument("--tweeteval", type=int, default=0, metavar="N", help="also run N TweetEval tweets")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    ap.add_argument("--data", help="the shared data folder, for --tweeteval (default: ../shared)")
    a = ap.parse_args(argv)
    fams = sorted(p.stem for p in CORPUS.glob("*.txt") if not p.stem.startswith("clean"))
    if a.family != "all":
        fams = [f.strip() for f in a.family.split(",")]
    watch = set(fams) if a.family != "all" else set(CLEAN_FAMILIES)

    print(f"recall on the corpus ({a.half} lines), block/warn of the family")
    for fam in fams:
        posts = corpus_posts(CORPUS / f"{fam}.txt", a.half)
        hit = 0
        for p in posts:
            got = risk(p)
            if fam in got:
                hit += 1
            elif a.verbose:
                print(f"    miss {p['id']} [{p['account']}] {p['text'][:150]}")
        print(f"  {fam:<16}{hit:>4}/{len(posts):<4} {hit / max(1, len(posts)):.3f}")

    clean = [p for f in sorted(CORPUS.glob("clean-*.txt")) for p in corpus_posts(f, a.half)]
    clean += case_posts("dev.jsonl") + case_posts("dev_extra.jsonl")
    dirty_any = 0
    by_fam: dict[str, int] = {}
    for p in clean:
        got = {k: v for k, v in risk(p).items() if k in CLEAN_FAMILIES and k not in p.get("optional", [])}
        if got:
            dirty_any += 1
        for k, codes in got.items():
            if k in watch:
                by_fam[k] = by_fam.get(k, 0) + 1
                if a.verbose:
                    print(f"    false alarm {k} {codes} {p.get('id')} [{p['account']}] {p['text'][:150]}")
    print(f"clean posts with any risk finding: {dirty_any}/{len(clean)} ({a.half} corpus lines + dev clean)")
    for k in sorted(watch):
        print(f"  false alarms {k:<16}{by_fam.get(k, 0):>4}")

    if a.tweeteval:
        data = find_data_dir(a.data)
        if data is None:
            print("--tweeteval needs the shared data folder; pass --data", file=sys.stderr)
            return 2
        tweets = (data / "data" / "tweeteval" / "offensive" / "val_text.txt").read_text(encoding="utf-8").splitlines()
        tweets = tweets[: a.tweeteval]
        for acct in ("official", "personal"):
            counts: dict[str, int] = {}
            codes: dict[str, int] = {}
            for t in tweets:
                got = risk({"text": t, "network": "x", "account": acct})
                for k, cs in got.items():
                    if k in watch:
                        counts[k] = counts.get(k, 0) + 1
                        for c in set(cs):
                            codes[c] = codes.get(c, 0) + 1
            detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"
            top = ", ".join(f"{c}:{n}" for c, n in sorted(codes.items()))
            print(f"tweeteval {len(tweets)} as {acct}: {detail}  [{top}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
