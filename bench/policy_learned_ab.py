"""The learned family detector against an older copy of ``learned.py``: identical output, and CPU.

Why: a speed change to ``townhall/policy/learned.py`` must change no finding, and the whole-engine
diff (``policy_findings_diff.py``) also moves whenever anyone edits a rule. This loads the older
module beside the current one in one process and compares, token by token, over the bench's
20,000 TweetEval texts plus ``tests/policy/cases/dev.jsonl`` and the corpus: tokens, features (in
order), margins, rows and sentences (byte for byte), then each family's flag and span through
``analyse()`` for official, personal and research accounts; then times ``analyse()`` on fresh docs,
the two modules interleaved in 500-post chunks.

    git show HEAD~3:townhall/policy/learned.py > /tmp/learned_old.py
    python bench/policy_learned_ab.py --ref /tmp/learned_old.py [--n 20000] [--data ../shared]
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from policy_bench import load_texts  # noqa: E402

from townhall.policy import learned  # noqa: E402
from townhall.policy.doc import Doc  # noqa: E402
from townhall.policy.pack import default_pack  # noqa: E402
from townhall.policy.types import Context  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", required=True, help="an older learned.py to compare with")
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--data", default=str(HERE.parent / "shared"))
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("learned_ref", args.ref)
    assert spec and spec.loader
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    ref.MODEL_PATH = learned.MODEL_PATH
    cp = default_pack().compiled()
    bench = load_texts(Path(args.data), args.n)
    texts = list(bench)
    for line in (HERE / "tests/policy/cases/dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line).get("text", ""))
    for p in sorted((HERE / "townhall/policy/data/corpus").glob("*.txt")):
        texts.extend(t for t in p.read_text(encoding="utf-8").splitlines() if t.strip())
    new, old = learned.load(), ref.load()
    if new is None or old is None:
        print("model not loadable", file=sys.stderr)
        return 2
    bad = cases = 0
    for c in (cp, None):
        fn, fr = learned.Featuriser(c), ref.Featuriser(c)
        for t in texts:
            for acc in ("official", "personal"):
                a, b = fn.features(t, acc), fr.features(t, acc)
                cases += 1
                same = list(a[0].items()) == list(b[0].items()) and a[1] == b[1]
                if same:
                    x, y = new.score_features(a[0], acc), old.score_features(b[0], acc)
                    same = all(u.dtype == v.dtype and u.tobytes() == v.tobytes() for u, v in zip(x, y, strict=True))
                if not same:
                    bad += 1
                    if bad <= 5:
                        print("differs:", acc, repr(t[:100]))
    print(f"features and scores: {len(texts)} texts, {cases} (text, account, pack) cases, {bad} differ")
    bad2 = flags = 0
    for acc in ("official", "personal", "research"):
        ctx = Context("x", acc)
        for t in texts:
            ra, rb = learned.analyse(Doc(t, ctx), cp), ref.analyse(Doc(t, ctx), cp)
            if ra is None or rb is None:
                bad2 += (ra is None) != (rb is None)
                continue
            for fam in ra.model.families:
                fa = ra.flagged(fam)
                flags += fa
                bad2 += fa != rb.flagged(fam) or (fa and ra.span(fam, t) != rb.span(fam, t))
    print(f"analyse(): {len(texts)} texts x 3 accounts, {flags} family flags, {bad2} differ in flag or span")
    ctx = Context("x", "official")
    mods = {"ref": ref, "this": learned}
    tot = dict.fromkeys(mods, 0.0)
    gc.disable()
    for i in range(0, len(bench), 500):
        part = bench[i : i + 500]
        order = list(mods.items()) if (i // 500) % 2 == 0 else list(mods.items())[::-1]
        for name, mod in order:
            t0 = time.process_time()
            for t in part:
                mod.analyse(Doc(t, ctx), cp)
            tot[name] += time.process_time() - t0
    gc.enable()
    print(
        f"analyse() CPU per post over {len(bench)} texts (official, interleaved): "
        f"ref {tot['ref'] / len(bench) * 1e6:.1f} us, this {tot['this'] / len(bench) * 1e6:.1f} us"
    )
    return 1 if bad or bad2 else 0


if __name__ == "__main__":
    raise SystemExit(main())
