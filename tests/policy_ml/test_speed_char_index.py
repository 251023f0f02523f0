"""The featuriser's whole-text char n-gram lookup (``CharIndex``) finds exactly the ids that
looking each chunk's n-grams up in the vocabulary dict finds (issue 12, speed work).

Why these texts: the index reads code points (so astral emoji, combining marks, lone surrogates
and characters the vocabulary never saw must each count as one character, and unseen ones must
match nothing), joins chunks with single spaces (so a window across two chunks must never match),
and builds keys of 2 to 5 characters (so one- to four-character chunks and the empty text are the
edges). Random texts drawn from the vocabulary's own alphabet make matches frequent, which is
where a wrong key would show.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from townhall.policy import ml
from townhall.policy.ml.features import normalize, word_char_ngrams
from townhall.policy.ml.model import CharIndex, Featurizer

AWKWARD = [
    "",
    "a",
    "ab",
    "a b c d",
    "abc abcd abcde abcdef",
    "i'm can't #hashtag @user http 0 0.5",
    "😀 😀😀 👍🏽 🇬🇧🇬🇧",
    "e\u0301 \u0301 \u0345\u0307x",
    "\ud800 lone \udfff surrogates \ud83d",
    "中文 日本語 한국어 ελληνικά русский עברית العربية",
    "\x00 nul \ufffd \u200b \ufeff",
    "\U000feb9f private \U0010ffff use",
    "x" * 300,
    " ".join("ab" for _ in range(200)),
]


def _featurizer() -> Featurizer:
    ml.abuse_probability("warm up")
    return ml._model("abuse").featurizer


def _want(fz: Featurizer, norm: str) -> np.ndarray:
    """Every chunk's char n-gram ids looked up one by one (the reference)."""
    get, off = fz.char.vocab.get, fz.word.size
    ids = [j + off for c in norm.split(" ") for j in map(get, word_char_ngrams(c)) if j is not None]
    return np.sort(np.array(ids, dtype=np.int64))


def _random_texts(fz: Featurizer, n: int) -> list[str]:
    rng = random.Random(7)
    alphabet = sorted({ch for g in fz.char.vocab for ch in g} - {" "})
    grams = list(fz.char.vocab)
    extra = ["😀", "\u0301", "é", "ß", "İ", "\ud800", "中", "\x00", "\t", "\n"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 30)):
            r = rng.random()
            if r < 0.4:
                parts.append(rng.choice(grams).strip() + rng.choice(grams).strip())
            elif r < 0.8:
                parts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7))))
            else:
                parts.append("".join(rng.choice(alphabet + extra) for _ in range(rng.randint(1, 4))))
        out.append(" ".join(parts))
    return out


def test_the_shipped_vocabulary_is_indexed() -> None:
    """Else the fast path silently is not the one running."""
    assert _featurizer()._char_index is not None


@pytest.mark.parametrize("text", AWKWARD)
def test_char_index_matches_per_chunk_lookup(text: str) -> None:
    fz = _featurizer()
    index = fz._char_index
    assert index is not None
    for norm in (normalize(text), " ".join(text.split())):
        assert np.array_equal(np.sort(index.ids(norm)), _want(fz, norm)), norm


def test_char_index_matches_per_chunk_lookup_on_random_texts() -> None:
    fz = _featurizer()
    index = fz._char_index
    assert index is not None
    matched = 0
    for text in _random_texts(fz, 1500):
        norm = " ".join(text.split())
        got = np.sort(index.ids(norm))
        want = _want(fz, norm)
        assert np.array_equal(got, want), norm
        matched += want.size
    assert matched > 10_000  # the texts do hit the vocabulary


def test_featurizer_with_and_without_the_index_agree_bit_for_bit() -> None:
    """Every way ``_gather`` reads char ids (the whole text through the index when many chunks are
    new, new chunks one by one when few are, cached chunks when none is) gives the reference's
    ids and values, bit for bit."""
    fz = _featurizer()
    texts = AWKWARD + _random_texts(fz, 300)
    fresh = Featurizer(fz.word, fz.char)  # empty chunk cache: most texts go through the index
    plain = Featurizer(fz.word, fz.char)
    plain._char_index = None  # one chunk at a time, always
    for text in texts:
        want = fz._compute_reference(text)
        for f in (fresh, plain, fresh):  # fresh twice: the second time every chunk is cached
            got = f._compute(text)
            assert got[0].tobytes() == want[0].tobytes() and got[1].tobytes() == want[1].tobytes(), text
    # a known text with one or two new words: those chunks looked up one by one
    rng = random.Random(3)
    for text in texts[:100]:
        words = text.split(" ")
        words.insert(rng.randint(0, len(words)), f"zq{rng.randint(0, 10**6)}x")
        if rng.random() < 0.5:
            words.insert(rng.randint(0, len(words)), "é" + text[:3])
        changed = " ".join(words)
        want = fz._compute_reference(changed)
        got = fresh._compute(changed)
        assert got[0].tobytes() == want[0].tobytes() and got[1].tobytes() == want[1].tobytes(), changed


def test_unindexable_vocabularies_fall_back() -> None:
    """An entry with an inner space, or of a length outside 2-5, could be matched across chunks
    or never be looked up: no index then."""
    assert CharIndex.build({"ab": 0, "a b": 1}, 0) is None
    assert CharIndex.build({"ab": 0, "abcdef": 1}, 0) is None
    assert CharIndex.build({"ab": 0, "a": 1}, 0) is None
    assert CharIndex.build({}, 0) is None
    # spaces at the ends are fine: they are the padding of a chunk
    ix = CharIndex.build({" a": 0, "a ": 1, " a ": 2, "ab": 3, "  ": 4}, 10)
    assert ix is not None
    assert sorted(ix.ids("a ab").tolist()) == [10, 10, 11, 12, 13]
    assert sorted(ix.ids("").tolist()) == [14]


def test_a_huge_alphabet_falls_back() -> None:
    """Keys of five digits in base (alphabet + 2) must fit in 63 bits."""
    vocab = {chr(0x4E00 + i) + chr(0x4E00 + i + 1): i for i in range(7000)}
    assert CharIndex.build(vocab, 0) is None
