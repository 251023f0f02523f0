"""Turn the hand-written posts in ``written/*.txt`` into ``dev.jsonl`` and ``heldout.jsonl``.

Run ONCE (seed 12, half of every family held back); the rules are tuned on ``dev.jsonl`` only,
and ``heldout.jsonl`` is only ever measured (``townhall eval``). Line format of the sources:
``NETWORK ACCOUNT [+family ...] [?family ...] | text`` where the file name is the family the
post must get (``clean`` = no risk finding), ``+family`` another family it must also get and
``?family`` one that may or may not be flagged (neither a hit nor a false alarm).

    python tests/policy/cases/split.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
NETWORKS = {"x": "x", "b": "bluesky", "m": "mastodon", "l": "linkedin", "t": "threads", "f": "facebook",
            "i": "instagram"}
ACCOUNTS = {"o": "official", "p": "personal"}
SEED = 12


def read_written() -> list[dict]:
    cases = []
    for path in sorted((HERE / "written").glob("*.txt")):
        fam = path.stem
        n = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            head, text = line.split(" | ", 1)
            net, acct, *marks = head.split()
            n += 1
            expect = [] if fam == "clean" else [fam]
            expect += [m[1:] for m in marks if m.startswith("+")]
            cases.append({
                "id": f"{fam}-{n:03d}",
                "network": NETWORKS[net],
                "account": ACCOUNTS[acct],
                "text": text.strip(),
                "expect": expect,
                "optional": [m[1:] for m in marks if m.startswith("?")],
                "clean": fam == "clean",
                "images": [],
            })
    return cases


def main() -> None:
    rng = random.Random(SEED)
    dev, held = [], []
    by_fam: dict[str, list[dict]] = {}
    for c in read_written():
        by_fam.setdefault(c["id"].rsplit("-", 1)[0], []).append(c)
    for fam in sorted(by_fam):
        group = by_fam[fam][:]
        rng.shuffle(group)
        k = len(group) // 2
        held += sorted(group[:k], key=lambda c: c["id"])
        dev += sorted(group[k:], key=lambda c: c["id"])
    for name, part in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        (HERE / name).write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in part), encoding="utf-8")
        print(name, len(part))


if __name__ == "__main__":
    main()
