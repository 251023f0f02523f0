"""The abuse student: a small convolutional network distilled from a fine-tuned transformer.

Why: linear models over n-grams stop near 0.75 macro-F1 on TweetEval offensive because they know
only the words of their training data.  A transformer knows far more, but costs ~10 ms a post on
a laptop core.  ``distill.py`` (run once, on a GPU) fine-tunes MiniLM on the offensive training
split, has it label ~400k texts (the training corpora and perturbed copies of them), and trains
this network to reproduce its scores.  The network starts from MiniLM's own WordPiece embedding
table (projected to a few dimensions, which is what is shipped), so words unseen in training are
still near their meaning.  At run time it is numpy only and costs tens of microseconds a window.

Shape: WordPiece ids ``[CLS] … [SEP]`` -> embeddings -> for each width k a
convolution (k tokens -> F filters) + ReLU, max-pooled over positions -> concatenated -> one logit.
Every width is evaluated at every position, over the sequence followed by [PAD]s (zero vectors).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np

from townhall.policy.ml.wordpiece import WordPiece, normalize, pre_tokenize

RUNTIME_MAX_PIECES = 1024
# Words read as another word.  The British honours' post-nominals are read as "honour": as a
# whole word, "obe" is the WordPiece that opens "obese", and the student scored "awarded an OBE
# for services to nursing" as abusive (0.74); "mbe" and the rest were already read as harmless.
# None of these words occurs in the offensive training or validation texts.
ALIASES = {w: "honour" for w in ("obe", "mbe", "cbe", "kbe", "dbe", "gbe")}


class Student:
    """One-logit CNN over WordPiece ids; ``logit(text)`` is the stack member's output.

    Shipped as lookup tables, not as embeddings and filters: a convolution is linear before its
    bias, so filter offset j of width k applied to token t is a fixed vector, ``emb[t] @ W_k[j]``,
    precomputed per token at export.  A window's pre-activation is then a sum of k table rows, and
    a post costs one gather and a few additions instead of ~400 µs of matrix products.  Columns
    are grouped by offset (offset 0 of every width, then offset 1 of widths > 1, ...), so each
    offset is one slice-add for all widths at once.  Tables ship as int8 with one scale per column
    and are held as float16; tokens that never occurred in the distillation corpus (0.3 % of
    validation tokens) share the [UNK] row.  Every width is evaluated at each of the n positions
    of ``[CLS] … [SEP]``, over the sequence followed by (widest - 1) [PAD]s whose rows are zero.
    """

    def __init__(self, vocab: list[str], rows: np.ndarray, table: np.ndarray, scale: np.ndarray,
                 conv_b: np.ndarray, out_w: np.ndarray, out_b: float, meta: dict) -> None:
        self.tok = WordPiece(vocab)
        self.cls, self.sep, self.pad = (self.tok.vocab[t] for t in ("[CLS]", "[SEP]", "[PAD]"))
        self.widths: list[int] = sorted(int(k) for k in meta["widths"])
        self.filters = f = int(meta["filters"])
        # Trained on texts cut at meta["max_len"] pieces; at run time the whole window is read (a
        # convolution with max-pooling has no fixed length, and an insult after the 62nd piece
        # must still count).  The cap only bounds the cost of a pathological window.
        self.max_len = max(int(meta["max_len"]), RUNTIME_MAX_PIECES)
        self.meta = meta
        if table.shape[1] != sum(self.widths) * f or scale.shape[0] != table.shape[1]:
            raise ValueError("student tables do not match their widths and filters; re-export")
        # Shipped as int8 (12 MB instead of 47 MB as float32), widened once at load to float32,
        # scaled, with the bias added to the offset-0 columns: a post then costs one gather instead
        # of a gather, a multiply and an add, with the very same float32 values (the same two
        # roundings per element, done once per row instead of once per post). Measured on the
        # bench's distinct posts, where the rows a post needs are mostly out of the CPU caches, the
        # float32 gather is still the cheaper one; filling rows on first use instead cost more in
        # per-post checks than this one-off fill (tens of milliseconds).
        self.table = np.ascontiguousarray(table, dtype=np.int8)
        self.scale = np.asarray(scale, dtype=np.float32)
        self.bias = np.asarray(conv_b, dtype=np.float32).reshape(-1)  # (len(widths) * F,)
        self.rows32 = np.multiply(self.table, self.scale)
        self.rows32[:, : self.bias.shape[0]] += self.bias
        self.out_w = np.asarray(out_w, dtype=np.float32)
        self.out_b = float(out_b)
        # (offset j, first acc column it adds to, its table columns) for j >= 1.
        self.offsets: list[tuple[int, int, int, int]] = []
        col = f * len(self.widths)
        for j in range(1, max(self.widths)):
            n_w = sum(1 for k in self.widths if k > j)
            self.offsets.append((j, f * (len(self.widths) - n_w), col, col + f * n_w))
            col += f * n_w
        self.n_pad = max(self.widths) - 1
        row_of = np.asarray(rows).tolist()
        self._cls_row, self._sep_row, self._pad_row = row_of[self.cls], row_of[self.sep], row_of[self.pad]
        self._row_of = row_of
        # word -> its pieces' table rows; a plain dict (emptied when full), not an LRU: a hit is
        # then one lookup, without the LRU's relinking, which touches two more cache entries
        self._word_rows_cache: dict[str, list[int]] = {}
        self._pads = [self._pad_row] * self.n_pad

    def ids(self, text: str) -> list[int]:
        """``[CLS] wordpieces [SEP]`` (at most ``max_len``) and the trailing [PAD]s."""
        return [self.cls, *self.tok.encode(text, self.max_len - 2), self.sep] + [self.pad] * self.n_pad

    def _word_rows(self, w: str) -> list[int]:
        """The table rows of a word's pieces (cached)."""
        r = self._word_rows_cache.get(w)
        if r is None:
            r = [self._row_of[i] for i in self.tok.word_ids(ALIASES.get(w, w))]
            if len(self._word_rows_cache) >= 1 << 16:
                self._word_rows_cache.clear()
            self._word_rows_cache[w] = r
        return r

    def _table_rows(self, text: str) -> list[int]:
        """``ids(text)`` mapped to table rows, word by word through a cache: ``tok.encode`` with
        the lookup inlined (pieces cut at ``max_len - 2``, as it cuts them)."""
        rows = [self._cls_row]
        cache = self._word_rows_cache
        limit = self.max_len - 1  # [CLS] + max_len - 2 pieces
        for word in pre_tokenize(normalize(text)):
            r = cache.get(word)
            rows += self._word_rows(word) if r is None else r
            if len(rows) >= limit:
                del rows[limit:]
                break
        rows.append(self._sep_row)
        rows += self._pads
        return rows

    def _table_rows_reference(self, text: str) -> list[int]:
        """``_table_rows`` through ``WordPiece.encode`` (for the tests)."""
        pieces = self.tok.encode(text, self.max_len - 2, self._word_rows)
        return [self._cls_row, *pieces, self._sep_row] + [self._pad_row] * self.n_pad

    def logit(self, text: str) -> float:
        g = self.rows32.take(self._table_rows(text), axis=0)  # (n + n_pad, sum(widths) * F), bias in
        n = g.shape[0] - self.n_pad
        # float32 (n, len(widths) * F); a copy, not a view, so the in-place adds below do not read
        # and write one array (numpy would check, and buffer, the overlap)
        acc = g[0:n, 0 : self.bias.shape[0]].copy()
        for j, start, c0, c1 in self.offsets:
            acc[:, start:] += g[j : n + j, c0:c1]
        # max over positions, then ReLU: the same as ReLU then max, on one vector instead of n.
        return float(np.maximum(acc.max(axis=0), 0.0) @ self.out_w + self.out_b)

    def logit_reference(self, text: str) -> float:
        """``logit`` scaling the int8 rows per post, as first written (the tests check that the
        two agree bit for bit)."""
        g = np.multiply(self.table.take(self._table_rows(text), axis=0), self.scale)
        n = g.shape[0] - self.n_pad
        acc = g[0:n, 0 : self.bias.shape[0]] + self.bias
        for j, start, c0, c1 in self.offsets:
            acc[:, start:] += g[j : n + j, c0:c1]
        return float(np.maximum(acc.max(axis=0), 0.0) @ self.out_w + self.out_b)

    @classmethod
    def load(cls, path: Path) -> Student:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(z["meta"].tobytes().decode())
            vocab = z["vocab"].tobytes().decode().split("\n")
            return cls(vocab, z["rows"], z["table"], z["scale"], z["conv_b"], z["out_w"], float(z["out_b"][0]), meta)

    @staticmethod
    def save(path: Path, vocab: list[str], rows: np.ndarray, table: np.ndarray, scale: np.ndarray,
             conv_b: np.ndarray, out_w: np.ndarray, out_b: float, meta: dict, **extra: np.ndarray) -> None:
        # Uncompressed: int8 tables barely compress (9.8 vs 12.1 MB) and inflating them cost
        # 65 ms of every process start.
        np.savez(
            path, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
            vocab=np.frombuffer("\n".join(vocab).encode(), dtype=np.uint8), rows=rows.astype(np.int32),
            table=table.astype(np.int8), scale=scale.astype(np.float32), conv_b=conv_b.astype(np.float32),
            out_w=out_w.astype(np.float32), out_b=np.array([out_b], dtype=np.float32), **extra)


def quantize_tables(emb: np.ndarray, conv_w: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Per-token tables ``emb @ W_k[j]``, grouped by offset j then width k (ascending), as int8
    with one scale per column.  ``conv_w`` holds each width's weight as torch's Conv1d lays it
    out, (filters, dims, k), in ascending order of k."""
    widths = [w.shape[2] for w in conv_w]
    if widths != sorted(widths):
        raise ValueError("convolutions must be in ascending order of width")
    cols = [emb @ w[:, :, j].T for j in range(max(widths)) for w in conv_w if w.shape[2] > j]
    full = np.concatenate(cols, axis=1).astype(np.float32)
    scale = np.maximum(np.abs(full).max(axis=0), 1e-12) / 127.0
    return np.clip(np.rint(full / scale), -127, 127).astype(np.int8), scale.astype(np.float32)


STUDENT_PATH = Path(__file__).parent / "models" / "abuse_student.npz"
_lock = threading.Lock()
_loaded: list[Student] = []


def student() -> Student:
    """The shipped abuse student, loaded once per process (thread-safe)."""
    if not _loaded:
        with _lock:
            if not _loaded:
                _loaded.append(Student.load(STUDENT_PATH))
    return _loaded[0]
