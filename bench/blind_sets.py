"""Personal-use recall and clean false alarms on the blind sets (issue 12, rounds 15-17).

Each file in ``tests/policy/blind/`` was written by a helper who had seen neither the rules nor our
cases, and was measured before any change made for it. These sets are yardsticks: nothing is trained
or tuned on them (``data/build_family_model.py`` reads only the corpus and the dev cases), so the
figures say how far the engine reaches posts written by other people. Sections: ``# risky`` lines
must get a block/warn personal-use finding; ``# clean`` lines must get no risk finding (any risk
family or personal-use). Line format as in the corpus: ``NET ACCT | text``.

    python bench/blind_sets.py [-v]
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
    """(section, network, account, text) for each post of one blind file."""
    out = []
    section = "clean"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            section = "risky" if "risky" in line else "clean"
            continue
        try:
            head, text = line.split(" | ", 1)
            net, acct = head.split()
            out.append((section, NETWORKS[net.lower()], ACCOUNTS[acct.lower()], text.strip()))
        except (ValueError, KeyError):
            raise SystemExit(f"{path.name}:{n}: not 'NET ACCT | text': {line[:80]!r}") from None
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list the misses and false alarms")
    a = ap.parse_args(argv)
    tot_hit = tot_risky = tot_fa = tot_clean = 0
    for path in sorted(BLIND.glob("*.txt")):
        hit = risky = fa = clean = 0
        for section, net, acct, text in read_blind(path):
            got = {f.family for f in check(text, Context(net, acct)) if f.severity in ("block", "warn")}
            if section == "risky":
                risky += 1
                hit += "personal-use" in got
                if a.verbose and "personal-use" not in got:
                    print(f"    miss {path.stem}: {text[:150]}")
            else:
                clean += 1
                bad = got & CLEAN_FAMILIES
                fa += bool(bad)
                if a.verbose and bad:
                    print(f"    false alarm {path.stem} {sorted(bad)}: {text[:150]}")
        risky_part = f"personal-use {hit}/{risky}" if risky else "personal-use -"
        print(f"  {path.stem:<6}{risky_part:<22} clean with a risk finding {fa}/{clean}")
        tot_hit, tot_risky, tot_fa, tot_clean = tot_hit + hit, tot_risky + risky, tot_fa + fa, tot_clean + clean
    print(
        f"  all   personal-use {tot_hit}/{tot_risky} ({tot_hit / max(1, tot_risky):.3f})  "
        f"clean with a risk finding {tot_fa}/{tot_clean}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
