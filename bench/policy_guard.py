"""The guard every detection change of issue 12 is held to: which posts change family, before and after.

Why: each round's rule says "no risky post loses its family and no clean post gains a risk finding" over
every hand-written post we hold (the corpus, the dev cases, the shared public examples, every blind set);
rounds 18-22 checked it with throwaway scripts. This one is kept: ``--write`` records, for each post, the
risk families (``evaluate.CLEAN_FAMILIES``) it gets at block or warn; ``--compare`` checks the tree as it
is against such a record and prints, per group of sets, risky posts caught, lost and gained and clean posts
flagged, newly flagged and cleared.

Blind sets are yardsticks: for them only counts are printed, never a post, unless ``--show-blind`` is
given (a set once shown is no longer blind; say so in the round's notes). The corpus, the dev cases and
the public examples are training or public data, so their changed posts are listed with their text.
The held-back cases are never read here.

    python bench/policy_guard.py --write /tmp/before.json      (on the tree before the change)
    python bench/policy_guard.py --compare /tmp/before.json    (after; exit 1 if a guard post got worse)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing
sys.path.insert(0, str(ROOT / "bench"))

from blind_sets import BLIND, read_blind  # noqa: E402

from townhall.policy.data.build_family_model import CORPUS, read_corpus  # noqa: E402
from townhall.policy.evaluate import CLEAN_FAMILIES, flagged_families, read_cases  # noqa: E402

CASES = ROOT / "tests" / "policy" / "cases"


def guard_posts(data: Path) -> Iterator[tuple[str, str, dict]]:
    """(group, set name, case) for every guard post; a case has id, text, network, account, images,
    expect (risk families it must get), clean."""
    for c in read_corpus(CORPUS):
        yield "training", "corpus", c | {"expect": [f for f in c["expect"] if f not in c.get("optional", [])]}
    for name in ("dev", "dev_extra"):
        for c in read_cases(CASES / f"{name}.jsonl"):
            exp = [f for f in c.get("expect", []) if f in CLEAN_FAMILIES and f not in c.get("optional", [])]
            yield "training", name, c | {"expect": exp, "clean": not c.get("expect")}
    public = data / "examples" / "policy_cases.jsonl"
    if public.exists():
        for c in read_cases(public):
            yield "public", "public", c | {"expect": [f for f in c["expect"] if f in CLEAN_FAMILIES]}
    for path in sorted(BLIND.glob("*.txt")):
        for i, (section, net, acct, text) in enumerate(read_blind(path), 1):
            clean = section == "clean"
            case = {"id": f"{path.stem}:{i}", "text": text, "network": net, "account": acct}
            yield "blind", path.stem, case | {"expect": [] if clean else [section], "clean": clean}


def families(case: dict) -> list[str]:
    return sorted(flagged_families(case) & CLEAN_FAMILIES)


def record(data: Path) -> list[dict]:
    out = []
    for group, name, c in guard_posts(data):
        out.append(
            {
                "group": group,
                "set": name,
                "id": str(c["id"]),
                "text": c["text"],
                "expect": c["expect"],
                "clean": bool(c.get("clean")),
                "got": families(c),
            }
        )
    return out


def digest(rows: list[dict]) -> str:
    h = hashlib.sha256()
    for r in rows:
        h.update(json.dumps([r["set"], r["id"], r["got"]]).encode())
    return h.hexdigest()[:16]


def compare(before: list[dict], after: list[dict], show_blind: bool) -> int:
    """Print the per-group tally; returns how many guard posts got worse (a risky family lost or a
    clean post newly flagged)."""
    old = {(r["set"], r["id"]): r for r in before}
    tally: dict[str, dict[str, int]] = {}
    worse = 0
    for r in after:
        b = old.get((r["set"], r["id"]))
        if b is None or b["text"] != r["text"]:
            continue  # a post added or edited since the record: nothing to compare with
        key = r["set"] if r["group"] == "blind" else r["group"]
        t = tally.setdefault(key, dict.fromkeys(_COUNTS, 0))
        lines = []
        if r["clean"] and _tick(t, "clean", bool(b["got"]), bool(r["got"])) == "+":
            lines.append(f"    newly flagged {r['set']}:{r['id']} {r['got']}")
        for fam in r["expect"]:
            if _tick(t, "risky", fam in b["got"], fam in r["got"]) == "-":
                lines.append(f"    lost {fam} {r['set']}:{r['id']}")
        if lines:
            worse += 1
            if r["group"] != "blind" or show_blind:
                for ln in lines:
                    print(f"{ln}: {r['text'][:160]}")
    blind = {k: t for k, t in tally.items() if k not in ("training", "public")}
    total = {c: sum(t[c] for t in blind.values()) for c in _COUNTS}
    shown = [(k, tally[k]) for k in ("training", "public") if k in tally]
    for key, t in [*shown, (f"blind ({len(blind)} sets)", total)]:
        _print_tally(key, t)
    for key, t in blind.items():  # a blind set's line only where something changed
        if any(t[k + x] for k in ("risky", "clean") for x in "+-"):
            _print_tally("  " + key, t)
    return worse


_COUNTS = tuple(k + x for k in ("risky", "clean") for x in ("", "0", "1", "+", "-"))


def _tick(t: dict[str, int], kind: str, was: bool, now: bool) -> str:
    """Count one post of ``kind`` (risky: its family caught; clean: flagged) before and after;
    returns "+" if it went from no to yes, "-" from yes to no, "" otherwise."""
    t[kind] += 1
    t[kind + "0"] += was
    t[kind + "1"] += now
    change = "+" if now and not was else "-" if was and not now else ""
    if change:
        t[kind + change] += 1
    return change


def _print_tally(key: str, t: dict[str, int]) -> None:
    print(
        f"  {key:<16} risky caught {t['risky0']} -> {t['risky1']}/{t['risky']} (lost {t['risky-']}, "
        f"gained {t['risky+']})  clean flagged {t['clean0']} -> {t['clean1']}/{t['clean']} "
        f"(new {t['clean+']}, cleared {t['clean-']})"
    )


def _read_record(path: Path) -> list[dict]:
    """A record written by ``--write``, or a clear error (exit 2)."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SystemExit(f"policy_guard: cannot read the record {path}: {exc}") from None
    keys = {"group", "set", "id", "text", "expect", "clean", "got"}
    if not isinstance(rows, list) or not all(isinstance(r, dict) and keys <= r.keys() for r in rows):
        raise SystemExit(f"policy_guard: {path} is not a record written by --write")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared", help="the shared folder (public examples)")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--write", type=Path, help="record the tree's findings on every guard post")
    g.add_argument("--compare", type=Path, help="compare the tree with a record written by --write")
    ap.add_argument("--show-blind", action="store_true", help="also print changed blind-set posts (spends them)")
    a = ap.parse_args(argv)
    before = _read_record(a.compare) if a.compare else []  # a bad record fails now, not after the run
    rows = record(a.data)
    print(f"{len(rows)} guard posts, digest {digest(rows)}")
    if a.write:
        a.write.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        return 0
    worse = compare(before, rows, a.show_blind)
    print(f"guard posts that got worse: {worse}")
    return 1 if worse else 0


if __name__ == "__main__":
    raise SystemExit(main())
