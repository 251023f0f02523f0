"""Numpy-only linear text models: one shared featuriser, several small linear heads.

The featuriser (``models/features.npz``) turns a post into a sparse L2-normalised TF-IDF vector
(word 1-2grams block + char 2-5grams block).  It is shared by every task, so a post is featurised
once however many classifiers score it; each head (``models/<task>.npz``) is then a single sparse
dot product.  Training (``train.py``) writes the files; nothing here needs scikit-learn.
"""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from pathlib import Path

import numpy as np

from townhall.policy.ml.features import (
    WINDOW_CHARS,
    Block,
    normalized_tokens,
    pairwise_bigrams,
    word_char_ngrams,
)
from townhall.policy.ml.lexicon import N_LEXICON_FEATURES, lexicon_features


def lexicon_block(text: str, scale: float) -> np.ndarray:
    """Dense lexicon features of one text, scaled as in training."""
    return lexicon_features(list(normalized_tokens(text)[1])) * scale


# Texts longer than WINDOW_CHARS are scored in windows; a 100k-char paste is cut at this many.
MAX_WINDOWS = 100
_WORD_CACHE_MAX = 200_000
_FEATURE_CACHE_MAX = 256

Features = tuple[np.ndarray, np.ndarray]


def pack_strings(strings: list[str]) -> np.ndarray:
    """Vocabulary as one NUL-separated UTF-8 byte array (loads much faster than JSON)."""
    return np.frombuffer("\x00".join(strings).encode("utf-8"), dtype=np.uint8)


def unpack_strings(arr: np.ndarray) -> list[str]:
    if arr.size == 0:
        return []
    return arr.tobytes().decode("utf-8").split("\x00")


def split_windows(text: str) -> list[str]:
    """Cut long text at whitespace into <= WINDOW_CHARS pieces so cost stays linear and bounded."""
    if len(text) <= WINDOW_CHARS:
        return [text]
    out: list[str] = []
    start = 0
    n = len(text)
    while start < n and len(out) < MAX_WINDOWS:
        end = min(start + WINDOW_CHARS, n)
        if end < n:
            cut = text.rfind(" ", start + WINDOW_CHARS // 2, end)
            if cut > start:
                end = cut
        out.append(text[start:end])
        start = end
    return out


def _counts(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(ids, return_counts=True)`` without its generality (a third faster on the few
    hundred ids of one post)."""
    if ids.size == 0:
        return ids, ids
    ids = np.sort(ids)
    pos = np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1], [True])))
    return ids.take(pos[:-1]), np.diff(pos)


def rows_of(matrix: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """``matrix[idx]`` for a 1-d index array: ``take`` is several times faster than fancy
    indexing for a few hundred rows of a narrow matrix (the linear heads' weights)."""
    return matrix.take(idx, axis=0)


class Featurizer:
    """Word + char TF-IDF featuriser with per-word caching of char n-gram ids.

    Why the per-word cache: char n-grams are ~80 % of the cost and words repeat across posts, so
    caching word -> ids makes the char block roughly one dict lookup per word."""

    def __init__(self, word: Block, char: Block) -> None:
        self.word = word
        self.char = char
        self.size = word.size + char.size
        self._idf = np.concatenate([word.idf, char.idf])
        self._word_ids: dict[str, np.ndarray] = {}
        self._cache: OrderedDict[str, Features] = OrderedDict()

    def _char_ids(self, w: str) -> np.ndarray:
        ids = self._word_ids.get(w)
        if ids is None:
            get = self.char.vocab.get
            off = self.word.size
            ids = np.array([j + off for j in map(get, word_char_ngrams(w)) if j is not None], dtype=np.int64)
            if len(self._word_ids) >= _WORD_CACHE_MAX:
                self._word_ids.clear()
            self._word_ids[w] = ids
        return ids

    def _compute(self, text: str) -> Features:
        norm, toks = normalized_tokens(text)
        get = self.word.vocab.get
        wids = [j for j in map(get, toks) if j is not None]
        wids += [j for j in map(get, pairwise_bigrams(toks)) if j is not None]
        # Word and char ids (cached per word) counted in one sort: word ids come first in the
        # vocabulary, so the word block is the sorted prefix below ``word.size``.
        parts = [self._char_ids(w) for w in norm.split(" ")]
        parts.append(np.array(wids, dtype=np.int64))
        idx, tf = _counts(np.concatenate(parts))
        if idx.size == 0:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
        nw = int(np.searchsorted(idx, self.word.size))
        vals = (1.0 + np.log(tf)) * self._idf.take(idx)
        # Each block is L2-normalised on its own (as two TfidfVectorizers in a FeatureUnion).
        for part in (vals[:nw], vals[nw:]):
            if part.size:
                part /= math.sqrt(float(part @ part))
        return idx, vals

    def features(self, text: str) -> Features:
        """Sparse (indices, values) of one text (<= WINDOW_CHARS), memoised for repeat scoring."""
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        feats = self._compute(text)
        self._cache[text] = feats
        if len(self._cache) > _FEATURE_CACHE_MAX:
            self._cache.popitem(last=False)
        return feats

    def save(self, path: Path) -> None:
        arrays = {}
        for name, b in (("word", self.word), ("char", self.char)):
            arrays[f"vocab_{name}"] = pack_strings(sorted(b.vocab, key=b.vocab.__getitem__))
            arrays[f"idf_{name}"] = b.idf.astype(np.float64)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path) -> Featurizer:
        with np.load(path, allow_pickle=False) as z:
            blocks = []
            offset = 0
            for name in ("word", "char"):
                strs = unpack_strings(z[f"vocab_{name}"])
                blocks.append(Block(dict(zip(strs, range(len(strs)), strict=True)), z[f"idf_{name}"], offset))
                offset += len(strs)
        return cls(*blocks)


def save_linear(path: Path, meta: dict, weights: np.ndarray, bias: np.ndarray) -> None:
    """One model file: JSON metadata (sorted, so rebuilds are byte-identical), float32 weights
    and the bias; plain .npz so loading never unpickles anything."""
    np.savez_compressed(
        path,
        meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode(), dtype=np.uint8),
        weights=weights.astype(np.float32),
        bias=bias,
    )


def load_linear(path: Path) -> tuple[dict, np.ndarray, np.ndarray]:
    with np.load(path, allow_pickle=False) as z:
        return json.loads(z["meta"].tobytes().decode()), z["weights"], z["bias"]


class LinearHead:
    """One task: linear layer over the shared features (sigmoid if binary, else softmax)."""

    def __init__(self, featurizer: Featurizer, weights: np.ndarray, bias: np.ndarray, meta: dict) -> None:
        # Optional dense lexicon block (sentiment): its weights are the last rows.
        self.lex_scale = float(meta.get("lexicon_scale", 0.0))
        n_extra = N_LEXICON_FEATURES if self.lex_scale else 0
        if weights.shape[0] != featurizer.size + n_extra:
            raise ValueError("model file does not match the featuriser vocabulary; retrain")
        self.featurizer = featurizer
        self.weights = weights  # (n_features, n_out) float32
        self.bias = np.asarray(bias, dtype=np.float64)
        self.meta = meta
        self.labels: list[str] = meta["labels"]
        self.binary = weights.shape[1] == 1

    def decision(self, text: str) -> np.ndarray:
        idx, vals = self.featurizer.features(text)
        z = self.bias.copy() if idx.size == 0 else vals @ rows_of(self.weights, idx) + self.bias
        if self.lex_scale:
            z += lexicon_block(text, self.lex_scale) @ self.weights[self.featurizer.size :].astype(np.float64)
        return z

    def _proba_window(self, text: str) -> np.ndarray:
        z = self.decision(text)
        if self.binary:
            p1 = 1.0 / (1.0 + math.exp(-min(max(float(z[0]), -500.0), 500.0)))
            return np.array([1.0 - p1, p1])
        e = np.exp(z - z.max())
        return e / e.sum()

    def predict_proba(self, text: str) -> np.ndarray:
        """Class probabilities.  Long texts: binary tasks take the most positive window (one
        abusive paragraph makes the post abusive); multi-class tasks average windows."""
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        windows = split_windows(text)
        if len(windows) == 1:
            return self._proba_window(windows[0])
        probs = np.array([self._proba_window(w) for w in windows])
        if self.binary:
            return probs[int(np.argmax(probs[:, 1]))]
        return probs.mean(axis=0)

    def save(self, path: Path) -> None:
        save_linear(path, self.meta, self.weights, self.bias)

    @classmethod
    def load(cls, path: Path, featurizer: Featurizer) -> LinearHead:
        meta, weights, bias = load_linear(path)
        return cls(featurizer, weights, bias, meta)
