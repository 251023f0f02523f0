"""Personal-use recall and clean false alarms on the blind sets (issue 12, rounds 15-17).

Each file in ``tests/policy/blind/`` was written by a helper who had seen neither the rules nor our
cases, and was measured before any change made for it. These sets are yardsticks: nothing is trained
or tuned on them (``data/build_family_model.py`` reads only the corpus and the dev cases), so the
figures say how far the engine reaches posts written by other people. Sections: ``# risky`` lines
must get a block/warn personal-use finding; ``# clean`` lines must get no risk finding (any risk
family or personal-use). A section may instead be named by a family (``# privacy``, ``# brand`` ...):
its lines must get a block/warn finding of that family (round 18's sets by new writers cover every
family, not only personal-use). Line format as in the corpus: ``NET ACCT | text``.

    python bench/blind_sets.py [-v] [FILE ...]     (no FILE: every set in tests/policy/blind/)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from townhall.policy.data.build_family_model import ACCOUNTS, NETWORKS  # noqa: E402
from townhall.policy.engine import check  # noqa: E402
from townhall.policy.evaluate import CLEAN_FAMILIES  # noqa: E402
from townhall.policy.types import Context  # noqa: E402

BLIND = ROOT / "tests" / "policy" / "blind"


def read_blind(path: Path) -> list[tuple[str, str, str, str]]:
    """(section, network, account, text) for each post of one blind file; the section is the family
    its posts must get ("# risky" means personal-use) or "clean"."""
    out = []
    section = "clean"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            # "# privacy", "# risky", "# clean: L1 (round 16) ...": the first word names the section
            name = (line.lstrip("#").split() or [""])[0].rstrip(":").lower()
            section = name if name in CLEAN_FAMILIES else "personal-use" if name == "risky" else "clean"
            continue
        try:
            head, text = line.split(" | ", 1)
            net, acct = head.split()
            out.append((section, NETWORKS[net.lower()], ACCOUNTS[acct.lower()], text.strip()))
        except (ValueError, KeyError):
            raise SystemExit(f"{path.name}:{n}: not 'NET ACCT | text': {line[:80]!r}") from None
    return out


def _tally(got: dict[str, list[int]]) -> str:
    """"family caught/total" for each family with posts, personal-use first (the older sets' figure)."""
    fams = sorted(got, key=lambda f: (f != "personal-use", f))
    return "  ".join(f"{f} {h}/{t}" for f, (h, t) in ((f, got[f]) for f in fams))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list the misses and false alarms")
    ap.add_argument("files", nargs="*", type=Path, help="blind files (default: tests/policy/blind/*.txt)")
    a = ap.parse_args(argv)
    total: dict[str, list[int]] = {}
    tot_fa = tot_clean = 0
    for path in a.files or sorted(BLIND.glob("*.txt")):
        caught: dict[str, list[int]] = {}
        fa = clean = 0
        for section, net, acct, text in read_blind(path):
            got = {f.family for f in check(text, Context(net, acct)) if f.severity in ("block", "warn")}
            if section != "clean":
                c = caught.setdefault(section, [0, 0])
                c[0] += section in got
                c[1] += 1
                if a.verbose and section not in got:
                    print(f"    miss {path.stem} {section}: {text[:150]}")
            else:
                clean += 1
                bad = got & CLEAN_FAMILIES
                fa += bool(bad)
                if a.verbose and bad:
                    print(f"    false alarm {path.stem} {sorted(bad)}: {text[:150]}")
        for fam, (h, t) in caught.items():
            tt = total.setdefault(fam, [0, 0])
            tt[0], tt[1] = tt[0] + h, tt[1] + t
        print(f"  {path.stem:<6}{_tally(caught) or 'personal-use -':<22} clean with a risk finding {fa}/{clean}")
        tot_fa, tot_clean = tot_fa + fa, tot_clean + clean
    pu = total.get("personal-use", [0, 0])
    others = {f: v for f, v in total.items() if f != "personal-use"}
    print(
        f"  all   personal-use {pu[0]}/{pu[1]} ({pu[0] / max(1, pu[1]):.3f})  "
        f"clean with a risk finding {tot_fa}/{tot_clean}"
    )
    if others:
        print(f"  other families: {_tally(others)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
