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
from typing import cast

import numpy as np

from townhall.policy.ml.features import (
    CHAR_HI,
    CHAR_LO,
    WINDOW_CHARS,
    Block,
    normalize,
    normalized_tokens,
    pairwise_bigrams,
    tokens,
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
# A post with more chunks than this that are new to the chunk cache has its char n-gram ids read
# for the whole text by ``CharIndex``; with fewer, the new chunks are looked up one by one.
_FEW_NEW_CHUNKS = 2


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
    n = ids.size
    if n == 0:
        return ids, ids
    ids = np.sort(ids)
    # run starts (and the end), written into one preallocated flag array
    flag = np.empty(n + 1, dtype=bool)
    flag[0] = flag[n] = True
    np.not_equal(ids[1:], ids[:-1], out=flag[1:n])
    pos = np.flatnonzero(flag)
    return ids.take(pos[:-1]), pos[1:] - pos[:-1]


def rows_of(matrix: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """``matrix[idx]`` for a 1-d index array: ``take`` is several times faster than fancy
    indexing for a few hundred rows of a narrow matrix (the linear heads' weights)."""
    return matrix.take(idx, axis=0)


class CharIndex:
    """The char block's n-gram -> feature id lookup for a whole normalised text in a few numpy
    calls, giving exactly the ids that ``vocab.get`` gives n-gram by n-gram.

    Why: a chunk has ~4 char n-grams per character, and looking each one up in the vocabulary
    dict (slicing it out first) made a post with several chunks new to the chunk cache the
    featuriser's dearest case (most posts, early in a process's life). Here each n-gram becomes an
    integer key:
    its characters' digits (1..A, their rank in the vocabulary's alphabet; any other character is
    A + 1) read in base A + 2. Digits are never 0, so the key is injective over strings of every
    length, with no hashing and so no collision to rule out; a key matches a vocabulary key only
    if the n-gram is that vocabulary entry. The vocabulary's keys are sorted once at load and a
    post's keys are found with one ``searchsorted``.

    Why the n-grams of `` norm `` at once equal every chunk's ``word_char_ngrams``: the chunks
    of normalised text are separated by single spaces and contain none, so a window of
    `` norm `` with no space strictly inside it lies in exactly one padded chunk `` chunk ``,
    and each window of a padded chunk is such a window; a window with a space inside matches
    nothing, since ``build`` accepts a vocabulary only when none of its entries has an inner
    space. The same multiset of matched ids, so the same counts and values.
    """

    __slots__ = ("_base", "_ids", "_keys", "_lut")

    def __init__(self, lut: np.ndarray, base: int, keys: np.ndarray, ids: np.ndarray) -> None:
        self._lut = lut
        self._base = base
        self._keys = keys
        self._ids = ids

    @classmethod
    def build(cls, vocab: dict[str, int], offset: int) -> CharIndex | None:
        """The index of a char vocabulary (ids shifted by ``offset``), or None when the keys would
        not be exact (an entry outside CHAR_LO..CHAR_HI characters or with an inner space, or an
        alphabet too large for CHAR_HI digits in 63 bits): the caller then looks n-grams up one
        by one."""
        if not vocab:
            return None
        strs = list(vocab)
        n = len(strs)
        lens = np.array(list(map(len, strs)), dtype=np.int64)
        if CHAR_LO < 2 or int(lens.min()) < CHAR_LO or int(lens.max()) > CHAR_HI:
            return None
        cps = np.frombuffer("".join(strs).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
        owner = np.repeat(np.arange(n, dtype=np.int64), lens)  # the entry of each character
        starts = np.zeros(n, dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        pos = np.arange(cps.size, dtype=np.int64) - starts[owner]  # its place in the entry
        # an inner space (neither the first nor the last character of its entry)
        if bool((cps[(pos >= 1) & (pos <= lens[owner] - 2)] == ord(" ")).any()):
            return None
        present = np.zeros(int(cps.max()) + 1, dtype=bool)
        present[cps] = True
        alphabet = np.flatnonzero(present)
        base = alphabet.size + 2  # digits 1..A for the alphabet, A + 1 for any other character
        if base**CHAR_HI >= 2**63:
            return None
        # any code point above the alphabet's last reads the final entry ("other") via take(mode="clip")
        lut = np.full(int(alphabet[-1]) + 2, base - 1, dtype=np.int64)
        lut[alphabet] = np.arange(1, alphabet.size + 1, dtype=np.int64)
        # each entry's digits right-aligned in CHAR_HI columns (zeros in front add nothing), so a
        # key is the row's dot product with the powers of the base, as ``ids`` builds it
        digits = np.zeros(n * CHAR_HI, dtype=np.int64)
        digits[owner * CHAR_HI + (CHAR_HI - lens[owner]) + pos] = lut[cps]
        keys = digits.reshape(n, CHAR_HI) @ (base ** np.arange(CHAR_HI - 1, -1, -1, dtype=np.int64))
        ids = np.array(list(vocab.values()), dtype=np.int64) + offset
        order = keys.argsort()
        keys, ids = keys[order], ids[order]
        if bool((keys[1:] == keys[:-1]).any()):  # cannot happen (keys are injective): be safe
            return None
        # a sentinel above every key, so searchsorted's answer is always a valid position
        keys = np.append(keys, np.int64(2**63 - 1))
        ids = np.append(ids, np.int64(-1))
        return cls(lut, base, keys, ids)

    def ids(self, norm: str) -> np.ndarray:
        """The feature ids of every char n-gram of every chunk of normalised text ``norm``, in no
        particular order (the caller counts them)."""
        keys = np.concatenate(self._ngram_keys(" " + norm + " "))
        at = self._keys.searchsorted(keys)  # the method: np.searchsorted adds a Python wrapper
        return self._ids.take(at)[self._keys.take(at) == keys]

    def _ngram_keys(self, p: str) -> list[np.ndarray]:
        """The keys of padded text ``p``'s char n-grams, one array per n from CHAR_LO to CHAR_HI,
        each in order of the n-gram's start (``ids`` and ``ids_by_chunk`` share it)."""
        if p.isascii():
            cps = np.frombuffer(p.encode("ascii"), dtype=np.uint8)
        else:
            cps = np.frombuffer(p.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        d = self._lut.take(cps, mode="clip")
        b = self._base
        k = d
        parts = []
        for n in range(2, CHAR_HI + 1):  # the keys of the n-grams from those of the (n-1)-grams
            k = k[:-1] * b + d[n - 1 :]
            if n >= CHAR_LO:
                parts.append(k)
        return parts


    def ids_by_chunk(self, chunks: list[str]) -> list[np.ndarray]:
        """The ids of each chunk's char n-grams (``ids`` of that chunk alone), for many chunks in
        one pass: ``ids`` of the chunks joined by single spaces, each n-gram given to the chunk
        whose leading space or text it starts in (an n-gram with a space strictly inside matches
        nothing, see the class docstring, so every match lies in one padded chunk)."""
        if not chunks:
            return []
        parts = self._ngram_keys(" " + " ".join(chunks) + " ")
        keys = np.concatenate(parts)
        pos = np.concatenate([np.arange(k.size, dtype=np.int64) for k in parts])
        at = self._keys.searchsorted(keys)
        hit = self._keys.take(at) == keys
        ids = self._ids.take(at)[hit]
        pos = pos[hit]
        # the position of each chunk's leading space in p
        lead = np.cumsum([0] + [len(c) + 1 for c in chunks[:-1]])
        owner = lead.searchsorted(pos, side="right") - 1
        order = np.argsort(owner, kind="stable")
        counts = np.bincount(owner, minlength=len(chunks))
        return np.split(ids[order], np.cumsum(counts)[:-1])


class Featurizer:
    """Word + char TF-IDF featuriser with per-chunk caching of word n-gram ids.

    Why the per-chunk cache: normalised text is single-spaced, char n-grams are taken per
    space-separated chunk (``char_wb``) and no word token spans a space, so everything but the
    bigrams that join two chunks depends on the chunk alone; chunks repeat across posts, so a post
    costs about one dict lookup per chunk plus one vocabulary lookup per chunk boundary. A post
    with several new chunks has its char n-grams read by ``CharIndex`` instead (see ``_gather``)."""

    def __init__(self, word: Block, char: Block) -> None:
        self.word = word
        self.char = char
        self.size = word.size + char.size
        self._idf = np.concatenate([word.idf, char.idf])
        self._word_ids: dict[str, np.ndarray] = {}
        self._chunks: dict[str, tuple[np.ndarray | None, tuple[int, ...], str | None, str | None]] = {}
        self._cache: OrderedDict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = OrderedDict()
        # One float64 row per feature: [idf, the weights of every attached head...]. A post's
        # few hundred features are scattered over the vocabulary, so each gather from a separate
        # array (idf, each head's weights) misses the CPU caches once per feature; gathered from
        # one table, a feature's idf and all its weights arrive in one cache line.
        self._table = self._idf[:, None].copy()
        self._heads: list[np.ndarray] = []
        self._char_index = CharIndex.build(char.vocab, word.size)

    def attach(self, weights: np.ndarray) -> tuple[int, int]:
        """Add a head's (n_features, k) weights to the shared table; returns its columns."""
        for i, w in enumerate(self._heads):
            if w is weights:
                c0 = 1 + sum(h.shape[1] for h in self._heads[:i])
                return c0, c0 + w.shape[1]
        c0 = self._table.shape[1]
        # float32 weights widened to float64: exact, and what the float64 dot product casts them to
        self._table = np.concatenate([self._table, weights[: self.size].astype(np.float64)], axis=1)
        self._heads.append(weights)
        self._cache.clear()
        return c0, c0 + weights.shape[1]

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

    def _chunk(self, chunk: str) -> tuple[np.ndarray | None, tuple[int, ...], str | None, str | None]:
        """(ids of the chunk's char n-grams, ids of its word tokens and of the bigrams inside it,
        its first token, its last token), cached by chunk. The char ids are None until a post
        needs them (``_gather`` may read them for the whole text at once instead)."""
        toks = tokens(chunk)
        get = self.word.vocab.get
        wids = [j for j in map(get, toks) if j is not None]
        wids += [j for j in map(get, pairwise_bigrams(toks)) if j is not None]
        if len(self._chunks) >= _WORD_CACHE_MAX:
            self._chunks.clear()
        hit = self._chunks[chunk] = (None, tuple(wids), toks[0], toks[-1]) if toks else (None, (), None, None)
        return hit

    def _chunk_char_ids(self, chunk: str) -> np.ndarray:
        """The ids of one chunk's char n-grams, looked up one by one, and kept with the chunk."""
        get = self.char.vocab.get
        off = self.word.size
        cids = np.array([j + off for j in map(get, word_char_ngrams(chunk)) if j is not None], dtype=np.int64)
        hit = self._chunks.get(chunk)
        if hit is not None:
            self._chunks[chunk] = (cids, *hit[1:])
        return cids

    def chunks_char_ids(self, chunks: list[str]) -> list[np.ndarray]:
        """``[_chunk_char_ids(c) for c in chunks]`` (distinct chunks), through ``CharIndex`` in one
        pass when there are several: the same ids (in another order, which counting ignores)."""
        if len(chunks) <= _FEW_NEW_CHUNKS or self._char_index is None:
            return [self._chunk_char_ids(c) for c in chunks]
        got = self._char_index.ids_by_chunk(chunks)
        cache = self._chunks
        for c, cids in zip(chunks, got, strict=True):
            hit = cache.get(c)
            if hit is not None:
                cache[c] = (cids, *hit[1:])
        return got

    def _compute(self, text: str) -> Features:
        """Sparse (indices, values) of one text, uncached. The same ids as counting tokens(norm),
        their bigrams and every chunk's char n-grams at once: a post's token sequence is its
        chunks' token sequences one after the other."""
        return self._gather(text)[:2]  # type: ignore[return-value]

    def _values(self, idx: np.ndarray, tf: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(idx, TF-IDF values, the table's rows of idx) from the ids and their counts."""
        if idx.size == 0:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64), self._table[:0]
        rows = self._table.take(idx, axis=0)
        nw = int(idx.searchsorted(self.word.size))
        vals = (1.0 + np.log(tf)) * rows[:, 0]
        # Each block is L2-normalised on its own (as two TfidfVectorizers in a FeatureUnion).
        for part in (vals[:nw], vals[nw:]):
            if part.size:
                part /= math.sqrt(float(part @ part))
        return idx, vals, rows

    def _gather(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(indices, values, table rows) of one text. Char ids: a chunk's cached ids where every
        chunk has them (on distinct posts, most chunks have been seen before); up to
        ``_FEW_NEW_CHUNKS`` new chunks looked up one by one (and cached); for more, the whole
        text through ``CharIndex``, which costs a few numpy calls whatever the text (cheaper
        than looking up many new chunks, dearer than reusing cached ones)."""
        norm = normalize(text)
        parts: list[np.ndarray | None] = []
        new: list[int] = []  # positions in parts of chunks whose char ids are not known yet
        wids: list[int] = []
        get = self.word.vocab.get
        chunks = self._chunks
        last = None
        for c in norm.split(" "):
            hit = chunks.get(c)
            cids, ids, first, end = self._chunk(c) if hit is None else hit
            if cids is None:
                new.append(len(parts))
            parts.append(cids)
            wids += ids
            if first is not None:
                if last is not None:  # the bigram across the space
                    j = get(f"{last} {first}")
                    if j is not None:
                        wids.append(j)
                last = end
        if len(new) > _FEW_NEW_CHUNKS and self._char_index is not None:
            parts = [self._char_index.ids(norm)]
        elif new:
            pieces = norm.split(" ")
            done: dict[str, np.ndarray] = {}
            for i in new:
                c = pieces[i]
                got = done.get(c)
                if got is None:
                    got = done[c] = self._chunk_char_ids(c)
                parts[i] = got
        parts.append(np.array(wids, dtype=np.int64))
        idx, tf = _counts(np.concatenate(cast(list[np.ndarray], parts)))  # no None is left
        return self._values(idx, tf)

    def _compute_reference(self, text: str) -> Features:
        """``_compute`` written the direct way (tokens of the whole text); for the tests."""
        norm, toks = normalized_tokens(text)
        get = self.word.vocab.get
        wids = [j for j in map(get, toks) if j is not None]
        wids += [j for j in map(get, pairwise_bigrams(toks)) if j is not None]
        parts = [self._char_ids(w) for w in norm.split(" ")]
        parts.append(np.array(wids, dtype=np.int64))
        idx, tf = _counts(np.concatenate(parts))
        if idx.size == 0:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
        nw = int(np.searchsorted(idx, self.word.size))
        vals = (1.0 + np.log(tf)) * self._idf.take(idx)
        for part in (vals[:nw], vals[nw:]):
            if part.size:
                part /= math.sqrt(float(part @ part))
        return idx, vals

    def gathered(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(indices, values, table rows) of one text (<= WINDOW_CHARS), memoised for the other
        heads: every head scoring the post reads its weights from the rows gathered once."""
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        got = self._gather(text)
        self._cache[text] = got
        if len(self._cache) > _FEATURE_CACHE_MAX:
            self._cache.popitem(last=False)
        return got

    def features(self, text: str) -> Features:
        """Sparse (indices, values) of one text (<= WINDOW_CHARS), memoised for repeat scoring."""
        return self.gathered(text)[:2]  # type: ignore[return-value]

    def dot(self, text: str, cols: tuple[int, int], bias: np.ndarray) -> np.ndarray:
        """``vals @ weights[idx] + bias`` for the head whose weights sit at ``cols`` of the table.

        The rows are copied contiguous: the same float64 matrix the float32 weights are cast to,
        so the same BLAS call and the same bits (a strided view takes another BLAS path)."""
        idx, vals, rows = self.gathered(text)
        if idx.size == 0:
            return bias.copy()
        return vals @ np.ascontiguousarray(rows[:, cols[0] : cols[1]]) + bias

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
        self._cols = featurizer.attach(weights)

    def decision(self, text: str) -> np.ndarray:
        z = self.featurizer.dot(text, self._cols, self.bias)
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
