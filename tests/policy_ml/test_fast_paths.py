"""The classifiers' cached fast paths give exactly (bit for bit) what the direct computation gives.

Why: the featuriser caches its work per space-separated chunk of the normalised text and shares
the gathered weight rows between heads, and the student keeps its rows as scaled float32; each is
only correct because of a property (no token spans a space; a contiguous float64 copy of the rows
takes the BLAS path the float32 weights are cast to; the same two roundings per element), which
these tests pin on awkward text.
"""

from __future__ import annotations

import math
import re
import sys

import numpy as np
import pytest

from townhall.policy import ml
from townhall.policy.ml.features import normalize
from townhall.policy.ml.student import student

TEXTS = [
    "",
    " ",
    "hello",
    "  leading and trailing  ",
    "@user you absolute MORON!!! read the paper #SoTired #HillaryForPrison2016",
    "soooo goooood 1,234.5 and 12:30 &amp; &lt;3 \\u2019quoted\\u2019",
    '"quoted whole post"',
    'a ""double"" quote',
    "http://example.com/x?y=1 www.example.org visit",
    "tabs\tand\nnewlines\r\nand\x0bvertical\x0cfeed\x1cfile\x1dgroup\x85next\xa0nbsp\u2028line\u3000ideo",
    "ΑΣ ΟΔΥΣΣΕΥΣ σ Σ final sigma ΣΑΣ",
    "İstanbul ß ﬁ ǅ e\u0301 \u0301lone combining \u0345\u0307",
    "中文字符 and 日本語 mixed with english",
    "😀😀😀 🇬🇧 emoji 👍🏽 only",
    "obe OBE MBE awarded an OBE for services",
    "x" * 150 + " " + "word " * 300,
    "😀" * 1100,
    "can't won't it's don’t ‘single’ quotes",
    "#tag#tag2 #123 # #_ #a_b_C",
    "\x00nul\ufffdreplacement\u200bzero\ufeffbom",
]


def test_whitespace_split_equals_the_regex_collapse() -> None:
    """normalize() collapses whitespace with str.split(): the same set as re's \\s."""
    pattern = re.compile(r"\s+")
    differ = [
        c for c in map(chr, range(sys.maxunicode + 1))
        if pattern.sub(" ", "a" + c + "b").strip() != " ".join(("a" + c + "b").split())
    ]
    assert differ == []
    assert normalize("  a \u3000 b\n") == "a b"


@pytest.mark.parametrize("text", TEXTS)
def test_featurizer_chunk_cache_matches_direct_counting(text: str) -> None:
    ml.abuse_probability("warm up")
    fz = ml._model("abuse").featurizer
    idx, vals = fz._compute(text[:1200])
    ref_idx, ref_vals = fz._compute_reference(text[:1200])
    assert idx.tobytes() == ref_idx.tobytes()
    assert vals.tobytes() == ref_vals.tobytes()


@pytest.mark.parametrize("text", TEXTS)
def test_heads_read_the_shared_rows_bit_for_bit(text: str) -> None:
    """Each head's dot product from the shared gathered table equals the one over its own weights."""
    ml.abuse_probability("warm up")
    for name in ("abuse", "stance"):
        m = ml._model(name)
        idx, vals = m.featurizer._compute_reference(text[:1200])
        want = m.bias.copy() if idx.size == 0 else vals @ m.weights.take(idx, axis=0) + m.bias
        got = m.featurizer.dot(text[:1200], m._cols, m.bias)
        assert np.asarray(got).tobytes() == np.asarray(want).tobytes()


@pytest.mark.parametrize("text", TEXTS)
def test_student_float_table_matches_scaling_per_post(text: str) -> None:
    s = student()
    assert s._table_rows(text) == s._table_rows_reference(text)
    assert s.logit(text) == s.logit_reference(text)


@pytest.mark.parametrize("text", TEXTS)
def test_profanity_decision_matches_the_plain_loop(text: str) -> None:
    """The profanity member's decision values equal the loop as first written (counts by word,
    then every fold in turn), bit for bit."""
    ml.abuse_probability("warm up")
    p = ml._model("abuse").profanity
    counts: dict[str, int] = {}
    for t in re.findall(r"(?u)\b\w\w+\b", text.lower()):
        if t in p._rows:
            counts[t] = counts.get(t, 0) + 1
    k = len(p._intercept)
    want = list(p._intercept)
    if counts:
        acc, norm2 = [0.0] * k, 0.0
        for t, c in counts.items():
            row = p._rows[t]
            v = c * row[0]
            norm2 += v * v
            for i in range(k):
                acc[i] += v * row[i + 1]
        inv = 1.0 / math.sqrt(norm2)
        want = [acc[i] * inv + p._intercept[i] for i in range(k)]
    assert p.decision(text) == want


@pytest.mark.parametrize("text", TEXTS)
def test_wordpiece_translate_tables_match_the_loops(text: str) -> None:
    from townhall.policy.ml import wordpiece

    norm = wordpiece.normalize(text)
    assert norm == wordpiece.normalize_reference(text)
    assert wordpiece.pre_tokenize(norm) == wordpiece.pre_tokenize_reference(norm)
