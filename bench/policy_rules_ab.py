"""CPU time per rule, this checkout against another one, in ONE process and interleaved.

Why: on the shared 2-core machine two runs of ``policy_bench.py`` a minute apart differ by 10 % or
more, which hides a 5-15 % change.  Here both engines are loaded side by side (the ``townhall``
modules are imported twice under the two roots), each 250-post chunk is checked by one and then
the other, twice, and the second pass is kept (word caches warm, per-text caches cleared), with
the garbage collector off so its pauses are not charged to whichever rule is running, and the
engine that goes first alternating from chunk to chunk.

    python bench/policy_rules_ab.py --other /path/to/older/checkout [--n 3000] [--data ../shared]
        [--network x] [--account official|personal]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from policy_bench import load_texts  # noqa: E402


def _engine(root: Path, network: str = "x", account: str = "official") -> dict[str, Any]:
    for k in [m for m in sys.modules if m == "townhall" or m.startswith("townhall.")]:
        del sys.modules[k]
    sys.path.insert(0, str(root))
    try:
        import townhall.policy as policy
        from townhall.policy.doc import Doc
        from townhall.policy.ml import features
        from townhall.policy.pack import default_pack
        from townhall.policy.rules import common
    finally:
        sys.path.pop(0)
    ctx = policy.Context(network, account)
    cp = default_pack().compiled()
    policy.mlbridge.abuse("warm up")

    def clear() -> None:
        policy.mlbridge._ABUSE_CACHE.clear()
        policy.mlbridge.stance.cache_clear()
        features.normalized_tokens.cache_clear()
        for f in (common.tokens, common.token_set, common.token_index):
            f.cache_clear()
        m = policy.ml._models.get("abuse")
        if m is not None:
            m.featurizer._cache.clear()

    return {"Doc": Doc, "cp": cp, "ctx": ctx, "plan": cp.plan(ctx.account, ctx.network), "clear": clear}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--other", required=True, help="root of the checkout to compare with")
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--network", default="x")
    ap.add_argument("--account", default="official",
                    help="personal: time the rules that run only there (personal-use)")
    ap.add_argument("--data", default=str(HERE.parent / "shared"))
    args = ap.parse_args()
    texts = load_texts(Path(args.data), 5000 + args.n)[5000:]
    engines = {"other": _engine(Path(args.other).resolve(), args.network, args.account),
               "this": _engine(HERE, args.network, args.account)}
    per_rule: dict[str, dict[str, float]] = {k: {} for k in engines}
    whole = dict.fromkeys(engines, 0.0)
    gc.disable()
    for i in range(0, len(texts), 250):
        part = texts[i : i + 250]
        # alternate which engine goes first: the second one finds the chunk's texts in the caches
        order = list(engines.items()) if (i // 250) % 2 == 0 else list(engines.items())[::-1]
        for rep in range(2):
            for name, e in order:
                e["clear"]()
                cur: dict[str, float] = {}
                t0 = time.process_time()
                for t in part:
                    doc = e["Doc"](t, e["ctx"])
                    for rule, _sev in e["plan"]:
                        c = time.process_time()
                        list(rule.detector(doc, e["cp"]))
                        cur[rule.code] = cur.get(rule.code, 0.0) + time.process_time() - c
                if rep == 1:
                    whole[name] += time.process_time() - t0
                    for code, v in cur.items():
                        per_rule[name][code] = per_rule[name].get(code, 0.0) + v
    gc.enable()
    n = len(texts)
    codes = sorted(set(per_rule["this"]) | set(per_rule["other"]), key=lambda c: -per_rule["other"].get(c, 0.0))
    print(f"{n} distinct texts, us of CPU per post (load average {' '.join(f'{x:.2f}' for x in os.getloadavg())})")
    for c in codes:
        a, b = per_rule["other"].get(c, 0.0) / n * 1e6, per_rule["this"].get(c, 0.0) / n * 1e6
        print(f"  {c:8s} other {a:7.1f}  this {b:7.1f}")
    print(f"all rules: other {whole['other'] / n * 1e6:.1f}  this {whole['this'] / n * 1e6:.1f} us/post")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
