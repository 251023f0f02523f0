"""The learned detector's embedding part (``learned.PieceEmbedding``): what ships as per-piece
scalars must score exactly what the build fitted on the pooled piece vectors, and it must reach
words no training post used."""

from __future__ import annotations

import numpy as np
import pytest

from townhall.policy import learned
from townhall.policy.data.build_family_model import EmbeddingInput

PIECES = [
    "[PAD]",
    "[UNK]",
    "[CLS]",
    "[SEP]",
    "my",
    "boss",
    "is",
    "a",
    "jo",
    "##ke",
    "name",
    "number",
    "sack",
    "##ed",
    "email",
]


@pytest.fixture()
def table(tmp_path):
    rng = np.random.default_rng(3)
    path = tmp_path / "piece_table.npz"
    np.savez(
        path,
        pieces=np.frombuffer("\n".join(PIECES).encode(), dtype=np.uint8),
        table=rng.normal(size=(len(PIECES), 6)).astype(np.float32),
    )
    return path


def test_shipped_scalars_score_what_the_build_fitted(table):
    texts = ["My boss is a joke", "Jo sacked, my boss is a joke", "email 07700 900123 now", "zzz qqq"]
    emb = EmbeddingInput(table, texts[:2])  # the IDF from the first two, as from a training pool
    w = np.random.default_rng(5).normal(size=6)
    want = np.asarray(emb.matrix(texts) @ w).ravel()
    pe = learned.PieceEmbedding(
        emb.pieces, emb.idf.astype(np.float32), emb.piece_weights(w)[:, None], [0], {"personal"}
    )
    got = np.array([pe.score(t)[0] for t in texts])
    assert np.allclose(got, want, atol=1e-5)
    assert len(set(np.round(got, 6))) == len(texts)
    again = np.array([pe.score(t)[0] for t in texts])  # from the word cache
    assert np.array_equal(got, again)
    assert pe.score("")[0] == 0.0


def test_a_full_word_cache_starts_afresh_without_changing_scores(table):
    texts = ["My boss is a joke", "Jo sacked, my boss is a joke!!", "email now", "jo jo jo"]
    emb = EmbeddingInput(table, texts)
    w = np.random.default_rng(7).normal(size=6)
    want = np.asarray(emb.matrix(texts) @ w).ravel()
    pe = learned.PieceEmbedding(emb.pieces, emb.idf, emb.piece_weights(w)[:, None], [0], {"personal"})
    pe.MAX_WORDS = 6  # fewer than the words of two posts: the cache empties between posts
    for _ in range(3):
        got = np.array([pe.score(t)[0] for t in texts])
        assert np.allclose(got, want, atol=1e-5)
        assert len(pe._row) <= 6


def test_mismatched_weights_are_refused():
    with pytest.raises(ValueError):
        learned.PieceEmbedding(PIECES, np.ones(len(PIECES)), np.ones((3, 1)), [0], {"personal"})
