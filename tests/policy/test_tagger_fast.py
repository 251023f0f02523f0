"""The address tagger's per-post probabilities equal the one-list-per-token reference, bit for bit.

Why: ``tagger._probs`` lays every token's feature hashes end to end with each token's context
hashes looked up once for all offsets; the float32 sums must not move, or an address found today
could be lost tomorrow at the 0.5 threshold.
"""

from __future__ import annotations

import random

from townhall.policy import tagger


def test_probabilities_match_the_reference() -> None:
    wb = tagger._weights()
    assert wb is not None
    w, b = wb
    rnd = random.Random(5)
    words = ["12", "Acacia", "Avenue", ",", "Leeds", "LS1", "4AB", "flat", "3", "\n", "PSC", "0413", "Box",
             "8144", "Calle", "de", "Atocha", "27", "at", "the", "7", "PM", "we", "met", "Koskikatu", "25", "Apt", "."]
    for _ in range(2000):
        toks = [rnd.choice(words) for _ in range(rnd.randint(1, 30))]
        n = len(toks)
        near: set[int] = set()
        for i, t in enumerate(toks):
            if t[:1].isdigit():
                near.update(range(max(0, i - 6), min(n, i + 7)))
        if near:
            order = sorted(near)
            assert tagger._probs(toks, order, w, b) == tagger._probs_reference(toks, order)


def test_spans_on_an_address() -> None:
    spans = tagger.address_spans("Drop round to 12 Acacia Avenue, Leeds LS1 4AB after 6")
    assert spans and spans[0][0] == len("Drop round to ")
