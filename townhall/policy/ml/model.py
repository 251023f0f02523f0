"""Numpy-only linear text model: load an exported ``.npz`` and score posts.

A model is one or two TF-IDF blocks (word 1-2grams, char 2-5grams) concatenated with per-block
weights, followed by a linear layer: sigmoid for binary tasks, softmax for multi-class.  Training
(``train.py``) writes the file; nothing here needs scikit-learn.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from townhall.policy.ml.features import WINDOW_CHARS, Block, analyze

# Texts longer than WINDOW_CHARS are scored in windows; a 100k-char paste is cut at this many.
MAX_WINDOWS = 100


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


class LinearTextModel:
    """Exported TF-IDF + linear model.  ``predict_proba`` returns class probabilities."""

    def __init__(
        self,
        blocks: list[Block],
        block_weights: list[float],
        weights: np.ndarray,
        bias: np.ndarray,
        meta: dict,
    ) -> None:
        self.blocks = blocks
        self.block_weights = block_weights
        self.weights = weights  # (n_features, n_out) float32
        self.bias = bias.astype(np.float64)
        self.meta = meta
        self.labels: list[str] = meta["labels"]
        self.binary = weights.shape[1] == 1

    # -- features --------------------------------------------------------------------------
    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse feature vector (indices, values) of one text, exactly as in training."""
        grams = analyze(text)
        idx_parts = []
        val_parts = []
        for block, bw, g in zip(self.blocks, self.block_weights, grams, strict=True):
            idx, vals = block.transform_one(g)
            if idx.size:
                idx_parts.append(idx)
                val_parts.append(vals * bw)
        if not idx_parts:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
        return np.concatenate(idx_parts), np.concatenate(val_parts)

    def decision(self, text: str) -> np.ndarray:
        idx, vals = self.features(text)
        if idx.size == 0:
            return self.bias.copy()
        return vals @ self.weights[idx].astype(np.float64) + self.bias

    def _proba_window(self, text: str) -> np.ndarray:
        z = self.decision(text)
        if self.binary:
            p1 = 1.0 / (1.0 + np.exp(-z[0]))
            return np.array([1.0 - p1, p1])
        z = z - z.max()
        e = np.exp(z)
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

    # -- persistence -----------------------------------------------------------------------
    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {
            "meta": np.frombuffer(json.dumps(self.meta, sort_keys=True).encode(), dtype=np.uint8),
            "weights": self.weights.astype(np.float32),
            "bias": self.bias.astype(np.float64),
            "block_weights": np.asarray(self.block_weights, dtype=np.float64),
        }
        for i, b in enumerate(self.blocks):
            inv = sorted(b.vocab, key=b.vocab.__getitem__)
            arrays[f"vocab{i}"] = pack_strings(inv)
            arrays[f"idf{i}"] = b.idf.astype(np.float64)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path) -> LinearTextModel:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(z["meta"].tobytes().decode())
            blocks = []
            offset = 0
            i = 0
            while f"vocab{i}" in z.files:
                strs = unpack_strings(z[f"vocab{i}"])
                vocab = dict(zip(strs, range(len(strs)), strict=True))
                blocks.append(Block(vocab, z[f"idf{i}"], offset))
                offset += len(strs)
                i += 1
            return cls(blocks, list(z["block_weights"]), z["weights"], z["bias"], meta)
