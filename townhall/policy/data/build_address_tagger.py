"""Rebuild ``address_tagger.npz`` (the street-address token tagger in ``townhall/policy/tagger.py``).

Positives: Faker's street addresses from many locales (the ``train`` extra installs Faker; it is
never needed at run time) embedded in varied sentences, in mixed case and line layouts.
Negatives: TweetEval offensive/hate *train* tweets and generated sentences full of numbers that
are not addresses (rooms, times, prices, dates, counts, course codes). Presidio's PII file is
never used (it is the yardstick), nor the held-back cases.

    python -m townhall.policy.data.build_address_tagger --data ../shared [--n 40000]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import numpy as np

from townhall.policy.tagger import DIM, TOKEN_RE, hashed, token_features

LOCALES = ["en_GB", "en_US", "en_IE", "en_AU", "en_CA", "en_NZ", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CH",
           "es_ES", "es_MX", "it_IT", "nl_NL", "nl_BE", "da_DK", "fi_FI", "sv_SE", "no_NO", "et_EE", "lv_LV",
           "lt_LT", "el_GR", "el_CY", "hu_HU", "cs_CZ", "sk_SK", "sl_SI", "hr_HR", "pl_PL", "pt_PT", "pt_BR",
           "ro_RO", "tr_TR", "is_IS", "en_IN", "ar_AA", "fr_CA", "es_AR", "es_CL", "uk_UA", "ru_RU", "bg_BG"]
BEFORE = ["{name} lives at", "My new address is", "Please send it to", "Send the parcel to", "The office is at",
          "We moved to", "Deliver to", "Meet me at", "Ship it to", "Her flat is at", "His house is",
          "address:", "Billing address:", "Return address:", "Drop it round to", "The party is at",
          "I'm staying at", "They live on", "You can find us at", "Our shop is located at", "Post it to",
          "The event is at", "Forward my mail to", "Update my address to", "The restaurant is at",
          "The bus stops at", "Come round to", "home address", "address is", "posted to", "find me at",
          "We're at", "the corner of", "just outside", "write to", "based at", "visit us at", ""]
AFTER = ["", "", ".", "!", " tonight.", " after work", " if you're around", ", thanks", " by Friday please",
         " - see you there", "?", " for the next month", " (ring the bell twice)", ". It's the blue door."]
NEGATIVE = [
    "The lecture is in room {n} at {h}pm on {d} March.", "We had {n} students at the open day and {m} parents.",
    "Tickets are £{n} each, or {m} for £{k}.", "Module {C}{n} starts in week {s}.", "Call the hub for help.",
    "Our {n} graduates celebrated on {d} July {y}.", "Flight {C}{C}{n} lands at {h}:{k}.",
    "Top {s} tips for exam season: sleep, eat, revise.", "Chapter {s}, pages {n}-{m}, by Friday.",
    "{n} days until graduation!", "The {y} cohort had {n} members from {s} countries.",
    "Level {s} of the library is open until {h}pm.", "Bus {n} is late again, {m} minutes and counting",
    "Score was {s}-{s} at half time, {n} fans there.", "I ran {s}k in {n} minutes this morning",
    "Version {s}.{s}.{n} of the app fixes {m} bugs.", "It's {n} degrees in here, {h} hours to go",
    "Room {C}{n} on floor {s} has the projector.", "Platform {s} for the {h}:{k} to London",
    "Grade {s} piano, {n} hours of practice", "Top {n} Songs of {y}", "We raised £{n} for {m} charities",
    "Ages {s} to {m} welcome, {n} places left", "The {n} bus to {City} leaves at {h}:{k}",
    "Week {s}: {n} words due by {h}pm", "Apollo {s} landed in {y}", "Section {s}.{s} of the handbook",
    "See slide {n} in lecture {s}", "{City} won {s}-{s} against {City2}", "{Name} scored {n} points in {y}",
]


def _sentences(n: int, seed: int) -> list[tuple[str, list[tuple[int, int]]]]:
    from faker import Faker

    rng = random.Random(seed)
    fakers = []
    for loc in LOCALES:
        try:
            f = Faker(loc)
            f.seed_instance(seed)
            fakers.append(f)
        except AttributeError:
            continue
    out = []
    for _ in range(n):
        f = rng.choice(fakers)
        kind = rng.random()
        try:
            if kind < 0.55:
                addr = f.address()
            elif kind < 0.8:
                addr = f.street_address()
            elif kind < 0.9:
                addr = f.street_address() + ", " + f.city()
            else:
                addr = f"the corner of {f.street_name()} and {f.street_name()}"
        except AttributeError:
            addr = f.address()
        if rng.random() < 0.5:
            addr = addr.replace("\n", rng.choice([", ", " ", "\n", ",\n "]))
        if rng.random() < 0.15:
            addr = addr.lower() if rng.random() < 0.6 else addr.upper()
        if rng.random() < 0.1:
            addr = f"{rng.randint(1, 99999)} {addr}"
        before = rng.choice(BEFORE).replace("{name}", f.first_name())
        text = (before + " " if before else "") + addr
        s = len(before) + 1 if before else 0
        e = len(text)
        text += rng.choice(AFTER)
        if rng.random() < 0.3:
            text = f"{f.name()}\n" + text
            s += len(text) - len(text.split("\n", 1)[1])
            e = s + len(addr)
        out.append((text, [(s, e)]))
    return out


def _negatives(data: Path, n: int, seed: int) -> list[tuple[str, list[tuple[int, int]]]]:
    rng = random.Random(seed)
    texts = []
    for rel in ("offensive/train_text.txt", "hate/train_text.txt"):
        p = data / "data" / "tweeteval" / rel
        if p.exists():
            texts += [t for t in p.read_text(encoding="utf-8").splitlines() if t.strip()]
    rng.shuffle(texts)
    # tweets with digits teach the most; keep all of those and some others
    picked = [t for t in texts if any(c.isdigit() for c in t)][: n // 2] + texts[: n // 2]
    from faker import Faker

    fk = Faker("en_GB")
    fk.seed_instance(seed)
    for _ in range(n // 2):
        tpl = rng.choice(NEGATIVE)
        picked.append(tpl.format(n=rng.randint(2, 9999), m=rng.randint(2, 500), k=rng.randint(10, 59),
                                 h=rng.randint(1, 12), d=rng.randint(1, 28), y=rng.randint(1950, 2030),
                                 s=rng.randint(1, 12), C=rng.choice("ABCDEFGHLMN"), City=fk.city(),
                                 City2=fk.city(), Name=fk.name()))
    return [(t, []) for t in picked]


def featurise(samples: list[tuple[str, list[tuple[int, int]]]]):
    from scipy.sparse import csr_matrix

    rows, cols, y = [], [], []
    r = 0
    for text, spans in samples:
        ms = list(TOKEN_RE.finditer(text))
        toks = [m.group(0) for m in ms]
        for i, m in enumerate(ms):
            inside = any(s <= m.start() < e for s, e in spans)
            idx = hashed(token_features(toks, i))
            rows += [r] * len(idx)
            cols += idx
            y.append(1 if inside and toks[i] != "\n" else 0)
            r += 1
    x = csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(r, DIM))
    x.sum_duplicates()
    x.data[:] = 1.0
    return x, np.array(y)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared")
    ap.add_argument("--n", type=int, default=40000)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--out", default=str(Path(__file__).with_name("address_tagger.npz")))
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression

    pos = _sentences(args.n, args.seed)
    neg = _negatives(Path(args.data), args.n, args.seed)
    samples = pos + neg
    random.Random(args.seed).shuffle(samples)
    cut = len(samples) * 9 // 10
    xtr, ytr = featurise(samples[:cut])
    xva, yva = featurise(samples[cut:])
    clf = LogisticRegression(C=0.5, max_iter=300, solver="liblinear")
    clf.fit(xtr, ytr)
    pred = clf.predict(xva)
    tp = int(((pred == 1) & (yva == 1)).sum())
    print(f"tokens train {xtr.shape[0]} val {xva.shape[0]}; val token P {tp / max(1, pred.sum()):.3f} "
          f"R {tp / max(1, yva.sum()):.3f}")
    np.savez_compressed(args.out, w=clf.coef_[0].astype(np.float16), b=np.float32(clf.intercept_[0]))
    print("wrote", args.out)


if __name__ == "__main__":
    main()
