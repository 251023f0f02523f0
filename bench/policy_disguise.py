"""Does a risky post stay caught when its letters are disguised? (`townhall/policy/fold.py`)

Each risky post of the public examples and the dev parts (`dev.jsonl`, `dev_extra.jsonl`; never
the held-back part) is rewritten eleven ways a reader still reads as the same words: zero-width
spaces inside words, soft hyphens, Cyrillic lookalike letters, full-width forms, mathematical
bold, combining strike-through, zero-width plus lookalikes together, small capitals,
mathematical script, underlining with word joiners, letters spelled out one by one, and digits
for letters in the words the plain post's findings point at (and the word before each). Digits
for letters in every word is printed for reference and left out of the totals: `fold` undoes
digits only in the words people disguise. A disguised post is
*kept* when it still gets every risk family the plain post gets (block or warn). The clean posts
are disguised the same way and must get no risk finding. Prints one line per disguise and the
totals, and the time per disguised post.

    python bench/policy_disguise.py --data ../shared
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from townhall.policy import Context, ImageRef, check  # noqa: E402
from townhall.policy.evaluate import CLEAN_FAMILIES, flagged_families, read_cases  # noqa: E402

WORD_RE = re.compile(r"[A-Za-z]{4,}")
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "s": "ѕ"}


def _in_words(text: str, change: Callable[[str], str]) -> str:
    return WORD_RE.sub(lambda m: change(m.group(0)), text)


def zero_width(text: str, rng: random.Random) -> str:
    return _in_words(text, lambda w: w[:2] + "\u200b" + w[2:])


def soft_hyphen(text: str, rng: random.Random) -> str:
    return _in_words(text, lambda w: w[: len(w) // 2] + "\u00ad" + w[len(w) // 2 :])


def lookalikes(text: str, rng: random.Random) -> str:
    return _in_words(text, lambda w: "".join(CYRILLIC[c] if c in CYRILLIC and rng.random() < 0.5 else c for c in w))


def full_width(text: str, rng: random.Random) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


def math_bold(text: str, rng: random.Random) -> str:
    def bold(c: str) -> str:
        if "a" <= c <= "z":
            return chr(0x1D41A + ord(c) - ord("a"))
        if "A" <= c <= "Z":
            return chr(0x1D400 + ord(c) - ord("A"))
        return c

    return "".join(bold(c) for c in text)


def strike(text: str, rng: random.Random) -> str:
    return _in_words(text, lambda w: "".join(c + "\u0336" for c in w))


def zero_width_and_lookalikes(text: str, rng: random.Random) -> str:
    return zero_width(lookalikes(text, rng), rng)


SMALL_CAPS = dict(zip("abcdefghijklmnopqrstuvwxyz", "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ", strict=True))


def small_caps(text: str, rng: random.Random) -> str:
    return _in_words(text, lambda w: "".join(SMALL_CAPS.get(c, c) for c in w))


def script(text: str, rng: random.Random) -> str:
    """Mathematical script small letters, with the three that Unicode keeps among the letterlike
    symbols (e, g, o), as fancy-text generators write them."""
    gaps = {"e": "\u212f", "g": "\u210a", "o": "\u2134"}

    def letter(c: str) -> str:
        return gaps.get(c) or chr(0x1D4B6 + ord(c) - 97) if "a" <= c <= "z" else c

    return _in_words(text, lambda w: "".join(letter(c) for c in w))


def underline_and_joiner(text: str, rng: random.Random) -> str:
    return _in_words(text, lambda w: "\u2060".join(c + "\u0332" for c in w))


# Digits for letters in every word is printed for reference only: `fold` undoes them only in the
# words people disguise to slip past a filter (swear words, insults, slurs, the names of a
# password), since elsewhere a digit in a word is a code, a model or a handle.
LEET = str.maketrans({"a": "4", "e": "3", "o": "0", "i": "1", "s": "5"})


def leetspeak(text: str, rng: random.Random) -> str:
    return _in_words(text, lambda w: w.translate(LEET))


def leet_flagged_words(text: str, spans: list[tuple[int, int]]) -> str:
    """Digits for letters in the words the plain post's risk findings point at (what a writer
    who wants past a filter disguises), and in the word just before each (the cue: "password",
    "you"); a clean post, which has no such words, gets digits in every word instead."""
    if not spans:
        return _in_words(text, lambda w: w.translate(LEET))
    words = list(WORD_RE.finditer(text))
    pick = set()
    for k, m in enumerate(words):
        if any(m.start() < e and s < m.end() for s, e in spans):
            pick.update({k, k - 1} if k else {k})
    out, last = [], 0
    for k, m in enumerate(words):
        if k in pick:
            out += [text[last : m.start()], m.group(0).translate(LEET)]
            last = m.end()
    return "".join([*out, text[last:]])


def spaced(text: str, rng: random.Random) -> str:
    return _in_words(text, lambda w: " ".join(w))


DISGUISES = {
    "zero-width space": zero_width,
    "soft hyphen": soft_hyphen,
    "Cyrillic lookalikes": lookalikes,
    "full-width": full_width,
    "mathematical bold": math_bold,
    "strike-through": strike,
    "zero-width + lookalikes": zero_width_and_lookalikes,
    "small capitals": small_caps,
    "script letters": script,
    "underline + word joiner": underline_and_joiner,
    "spelled-out letters": spaced,
}
REFERENCE = {"digits for letters, every word": leetspeak}
FLAGGED = "digits for letters, flagged words"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared", help="the shared folder")
    a = ap.parse_args(argv)
    cases = read_cases(a.data / "examples" / "policy_cases.jsonl")
    for name in ("dev.jsonl", "dev_extra.jsonl"):
        cases += read_cases(ROOT / "tests" / "policy" / "cases" / name)
    risky, clean = [], []
    for case in cases:
        plain = flagged_families(case) & CLEAN_FAMILIES
        (risky if plain else clean).append((case, plain))
    clean = [(c, p) for c, p in clean if not c.get("expect")]
    print(f"{len(risky)} risky posts caught when plain, {len(clean)} clean posts with no risk finding")
    kept_all = total_all = fa_all = n_clean_all = 0
    seconds = 0.0
    def risk_spans(case: dict) -> list[tuple[int, int]]:
        images = tuple(ImageRef(i.get("alt") or "") for i in case.get("images") or [])
        found = check(case["text"], Context(case["network"], case["account"], images))
        return [f.span for f in found if f.severity in ("block", "warn") and f.family in CLEAN_FAMILIES]

    spans = {id(case): risk_spans(case) for case, _ in risky}
    flagged = {FLAGGED: lambda text, rng, case=None: leet_flagged_words(text, spans.get(id(case), []))}
    for label, disguise in {**DISGUISES, **flagged, **REFERENCE}.items():
        kept = fa = 0
        for k, (case, plain) in enumerate(risky):
            if label == FLAGGED:
                changed = {**case, "text": disguise(case["text"], None, case)}
            else:
                changed = {**case, "text": disguise(case["text"], random.Random(k))}
            start = time.perf_counter()
            got = flagged_families(changed)
            seconds += time.perf_counter() - start
            kept += plain <= got
        for k, (case, _) in enumerate(clean):
            changed = {**case, "text": disguise(case["text"], random.Random(k))}
            start = time.perf_counter()
            fa += bool(flagged_families(changed) & CLEAN_FAMILIES)
            seconds += time.perf_counter() - start
        print(f"  {label:<32} kept {kept}/{len(risky)}   clean with a risk finding {fa}/{len(clean)}")
        if label in REFERENCE:
            continue
        kept_all, total_all = kept_all + kept, total_all + len(risky)
        fa_all, n_clean_all = fa_all + fa, n_clean_all + len(clean)
    n = total_all + n_clean_all
    print(
        f"  all folded disguises             kept {kept_all}/{total_all} ({kept_all / max(1, total_all):.3f})   "
        f"clean with a risk finding {fa_all}/{n_clean_all}   {1000 * seconds / max(1, n):.2f} ms per disguised post"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
