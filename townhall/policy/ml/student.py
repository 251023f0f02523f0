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
from array import array
from functools import lru_cache
from pathlib import Path

import numpy as np

from townhall.policy.ml.wordpiece import WordPiece

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
        # Shipped as int8 (12 MB instead of 47 MB as float32). At run time a row is widened to
        # float32, scaled, and the bias added to its offset-0 columns once, when a chunk holding
        # its piece is first met (np.empty's pages cost nothing until written): a post then costs
        # one gather instead of a gather, a multiply and an add, with the very same float32 values
        # (the same two roundings per element, done once per row instead of once per post).
        self.table = np.ascontiguousarray(table, dtype=np.int8)
        self.scale = np.asarray(scale, dtype=np.float32)
        self.bias = np.asarray(conv_b, dtype=np.float32).reshape(-1)  # (len(widths) * F,)
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
        self._f32 = np.empty(self.table.shape, dtype=np.float32)
        self._filled: set[int] = set()
        row_of = np.asarray(rows).tolist()
        self._cls_row, self._sep_row, self._pad_row = row_of[self.cls], row_of[self.sep], row_of[self.pad]
        self._fill([self._cls_row, self._sep_row, self._pad_row])
        self._word_rows = lru_cache(maxsize=1 << 16)(
            lambda w: [row_of[i] for i in self.tok.word_ids(ALIASES.get(w, w))]
        )
        # chunk -> its pieces' rows as machine integers (copied into a post's row array by memcpy)
        self._chunk_rows: dict[str, array[int]] = {}
        self._pads = array("q", [self._pad_row] * self.n_pad)

    def ids(self, text: str) -> list[int]:
        """``[CLS] wordpieces [SEP]`` (at most ``max_len``) and the trailing [PAD]s."""
        return [self.cls, *self.tok.encode(text, self.max_len - 2), self.sep] + [self.pad] * self.n_pad

    def _chunk(self, chunk: str) -> array[int]:
        r = self.tok.encode(chunk, None, self._word_rows)
        self._fill(r)
        got = array("q", r)
        if len(self._chunk_rows) >= 1 << 17:
            self._chunk_rows.clear()
        self._chunk_rows[chunk] = got
        return got

    def _rows(self, text: str) -> array[int]:
        """``ids(text)`` mapped to table rows, through a cache of the text's space-separated chunks.

        Why by chunk: BERT normalisation (NFD, accents, controls, case) and pre-tokenisation act
        on each side of an ASCII space independently (a space is a starter for NFD, not
        case-ignorable for lower(), and always a word break), so the pieces of ``text`` are the
        pieces of its chunks one after the other; chunks repeat across posts."""
        rows = array("q", (self._cls_row,))
        cache = self._chunk_rows
        for chunk in text.split(" "):
            r = cache.get(chunk)
            rows += self._chunk(chunk) if r is None else r
        if len(rows) > self.max_len - 1:
            del rows[self.max_len - 1 :]
        rows.append(self._sep_row)
        rows += self._pads
        return rows

    def _table_rows(self, text: str) -> list[int]:
        return self._rows(text).tolist()

    def _table_rows_reference(self, text: str) -> list[int]:
        """``_table_rows`` encoding the text in one go (for the tests)."""
        pieces = self.tok.encode(text, self.max_len - 2, self._word_rows)
        return [self._cls_row, *pieces, self._sep_row] + [self._pad_row] * self.n_pad

    def _fill(self, rows: list[int]) -> None:
        """Write the float32 rows of ``rows`` not written yet (as ``logit_reference`` computes
        them per post)."""
        new = sorted(set(rows).difference(self._filled))
        if not new:
            return
        blk = np.multiply(self.table.take(new, axis=0), self.scale)
        blk[:, : self.bias.shape[0]] += self.bias
        self._f32[new] = blk
        self._filled.update(new)

    def logit(self, text: str) -> float:
        # every row of a cached chunk is filled: _chunk fills them before caching it
        g = self._f32.take(np.frombuffer(self._rows(text), dtype=np.int64), axis=0)
        n = g.shape[0] - self.n_pad
        # float32 (n, len(widths) * F), the bias already in; a copy, not a view, so the in-place
        # adds below do not read and write one array (numpy would check, and buffer, the overlap)
        acc = g[0:n, 0 : self.bias.shape[0]].copy()
        for j, start, c0, c1 in self.offsets:
            acc[:, start:] += g[j : n + j, c0:c1]
        # max over positions, then ReLU: the same as ReLU then max, on one vector instead of n.
        return float(np.maximum(acc.max(axis=0), 0.0) @ self.out_w + self.out_b)

    def logit_reference(self, text: str) -> float:
        """``logit`` scaling the int8 rows per post (the tests check the two agree bit for bit)."""
        g = np.multiply(self.table.take(self._table_rows_reference(text), axis=0), self.scale)
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
