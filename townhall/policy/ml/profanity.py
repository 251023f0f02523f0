"""Numpy port of the model shipped by ``alt-profanity-check`` 1.9.1 (MIT; see
``models/profanity_check.LICENSE``).

That package is a scikit-learn ``TfidfVectorizer`` (word unigrams, lowercase, English stop words,
token pattern ``(?u)\\b\\w\\w+\\b``, raw tf x smooth idf, L2) followed by a
``CalibratedClassifierCV(LinearSVC, method="sigmoid")`` with 5 calibrated folds, trained on ~200k
Davidson + Wikipedia-toxic comments.  ``train.py`` exports the vocabulary, idf, every fold's
coef/intercept and its sigmoid calibrator (a, b) to ``models/profanity.npz``; ``predict_proba``
here reproduces the package's ``predict_prob`` (tests check parity when it is installed).  Used as
one member of the abuse stack; it is trained on different data so it adds diversity.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np

from townhall.policy.ml.model import pack_strings, unpack_strings

_TOKEN_RE = re.compile(r"(?u)\b\w\w+\b")


class ProfanityModel:
    """Binary TF-IDF + averaged sigmoid-calibrated linear SVMs."""

    def __init__(self, vocab: dict[str, int], idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray,
                 a: np.ndarray, b: np.ndarray, meta: dict | None = None) -> None:
        self.vocab = vocab
        self.idf = np.asarray(idf, dtype=np.float64)
        self.coef = coef  # (n_vocab, n_folds)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.a = np.asarray(a, dtype=np.float64)
        self.b = np.asarray(b, dtype=np.float64)
        self.meta = meta or {}
        self._rows = self._build_rows()
        self._intercept = self.intercept.tolist()
        self._a = self.a.tolist()
        self._b = self.b.tolist()

    def _build_rows(self) -> dict[str, tuple[float, ...]]:
        # word -> (idf, coef fold 1..k) as plain floats: a post has few tokens, so a pure-Python
        # loop beats a dozen tiny numpy calls (~10 us vs ~100 us per post).
        coef = self.coef.astype(np.float64).tolist()
        idf = self.idf.tolist()
        return {w: (idf[j], *coef[j]) for w, j in self.vocab.items()}

    def decision(self, text: str) -> list[float]:
        """Each fold's LinearSVC decision value."""
        get = self._rows.get
        # word -> [its row, its count], in order of first occurrence (each row looked up once)
        counts: dict[str, list] = {}
        for t in _TOKEN_RE.findall(text.lower()):
            e = counts.get(t)
            if e is not None:
                e[1] += 1
            else:
                row = get(t)
                if row is not None:
                    counts[t] = [row, 1]
        k = len(self._intercept)
        if not counts:
            return list(self._intercept)
        norm2 = 0.0
        if k == 5:  # the shipped model: the same sums as below, with the folds unrolled
            a0 = a1 = a2 = a3 = a4 = 0.0
            for row, c in counts.values():
                v = c * row[0]
                norm2 += v * v
                a0 += v * row[1]
                a1 += v * row[2]
                a2 += v * row[3]
                a3 += v * row[4]
                a4 += v * row[5]
            acc = [a0, a1, a2, a3, a4]
        else:
            acc = [0.0] * k
            for row, c in counts.values():
                v = c * row[0]
                norm2 += v * v
                for i in range(k):
                    acc[i] += v * row[i + 1]
        inv = 1.0 / math.sqrt(norm2)
        return [acc[i] * inv + self._intercept[i] for i in range(k)]

    def predict_proba(self, text: str) -> float:
        """P(profane), as ``profanity_check.predict_prob([text])[0]``."""
        z = self.decision(text)
        tot = 0.0
        for zi, a, b in zip(z, self._a, self._b, strict=True):
            tot += 1.0 / (1.0 + math.exp(min(max(a * zi + b, -500.0), 500.0)))
        return tot / len(z)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            vocab=pack_strings(sorted(self.vocab, key=self.vocab.__getitem__)),
            idf=self.idf,
            coef=self.coef.astype(np.float32),
            intercept=self.intercept,
            a=self.a,
            b=self.b,
            meta=np.frombuffer(json.dumps(self.meta, sort_keys=True).encode(), dtype=np.uint8),
        )

    @classmethod
    def load(cls, path: Path) -> ProfanityModel:
        with np.load(path, allow_pickle=False) as z:
            strs = unpack_strings(z["vocab"])
            return cls(dict(zip(strs, range(len(strs)), strict=True)), z["idf"], z["coef"], z["intercept"],
                       z["a"], z["b"], json.loads(z["meta"].tobytes().decode()))

    @classmethod
    def from_package(cls) -> ProfanityModel:
        """Export from the installed ``alt-profanity-check`` (training time only; needs scikit-learn)."""
        from importlib import metadata

        from profanity_check import profanity_check as pc

        vec, model = pc.vectorizer, pc.model
        p = vec.get_params()
        expected = {"analyzer": "word", "lowercase": True, "ngram_range": (1, 1), "norm": "l2",
                    "sublinear_tf": False, "use_idf": True, "smooth_idf": True, "binary": False,
                    "token_pattern": r"(?u)\b\w\w+\b", "strip_accents": None, "preprocessor": None,
                    "tokenizer": None}
        bad = {k: p[k] for k, v in expected.items() if p[k] != v}
        if bad or model.method != "sigmoid":
            raise ValueError(f"unexpected profanity_check model settings: {bad}, method={model.method}")
        coefs, inters, a_s, b_s = [], [], [], []
        for cc in model.calibrated_classifiers_:
            est = cc.estimator
            coefs.append(est.coef_.ravel())
            inters.append(float(est.intercept_[0]))
            (cal,) = cc.calibrators
            a_s.append(float(cal.a_))
            b_s.append(float(cal.b_))
        vocab = {str(k): int(v) for k, v in vec.vocabulary_.items()}
        meta = {"source": f"alt-profanity-check=={metadata.version('alt-profanity-check')}", "licence": "MIT"}
        return cls(vocab, vec.idf_, np.stack(coefs, axis=1), np.array(inters), np.array(a_s), np.array(b_s), meta)
