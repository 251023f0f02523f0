"""A small token tagger for street addresses (numpy only at run time).

Street addresses have no closed word list: "6750 Koskikatu 25 Apt. 864", "Calle de Atocha 27",
"PSC 0413, Box 8144", "12 Acacia Avenue, Leeds LS1 4AB". A logistic regression over hashed
token features (the word, its shape, affixes and its neighbours) scores each token as part of
an address or not; runs of address tokens holding a number become spans. The weights
(``data/address_tagger.npz``) are rebuilt by ``data/build_address_tagger.py`` from Faker's
addresses in many locales embedded in varied sentences, with real tweets as negatives.
"""

from __future__ import annotations

import array
import functools
import math
import re
import zlib
from pathlib import Path

import numpy as np

DIM = 1 << 18
_MODEL = Path(__file__).with_name("data") / "address_tagger.npz"
TOKEN_RE = re.compile(r"\w+|\n|[^\w\s]")
_SHAPE_TABLE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)


_RUN_RE = re.compile(r"(.)\1{3,}")


def shape(tok: str) -> str:
    """Xxxx / dddd / XX / x. style word shape, runs longer than 4 collapsed."""
    s = tok.translate(_SHAPE_TABLE)
    if not s.isascii():
        s = "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in s)
    # a shape of 4 characters or fewer has no run longer than 4 to collapse
    return _RUN_RE.sub(r"\1\1\1\1", s) if len(s) > 4 else s


def token_features(toks: list[str], i: int) -> list[str]:
    """Feature strings of token ``i`` (shared by training and run time)."""
    t = toks[i]
    low = t.lower()
    feats = ["b", "w=" + low, "s=" + shape(t), "p3=" + low[:3], "x3=" + low[-3:], "x4=" + low[-4:],
             "len=" + str(min(len(t), 8))]
    for k in (-3, -2, -1, 1, 2, 3):
        j = i + k
        if 0 <= j < len(toks):
            u = toks[j]
            feats.append(f"w{k}=" + u.lower())
            feats.append(f"s{k}=" + shape(u))
        else:
            feats.append(f"w{k}=<none>")
    if i > 0:
        feats.append("bg=" + toks[i - 1].lower() + "|" + low)
    if i + 1 < len(toks):
        feats.append("bg+=" + low + "|" + toks[i + 1].lower())
    return feats


def hashed(feats: list[str]) -> list[int]:
    return [zlib.crc32(f.encode("utf-8")) & (DIM - 1) for f in feats]


def _h(f: str) -> int:
    return zlib.crc32(f.encode("utf-8")) & (DIM - 1)


@functools.lru_cache(maxsize=65536)
def _own(tok: str) -> tuple[int, ...]:
    """Hashes of a token's own features (the same strings as ``token_features``)."""
    return _own_of(tok, tok.lower(), shape(tok))


def _own_of(tok: str, low: str, shp: str) -> tuple[int, ...]:
    """``_own(tok)`` given the token's lower case and shape (worked out once per new token)."""
    return tuple(_h(f) for f in ("b", "w=" + low, "s=" + shp, "p3=" + low[:3], "x3=" + low[-3:],
                                 "x4=" + low[-4:], "len=" + str(min(len(tok), 8))))


@functools.lru_cache(maxsize=65536)
def _ctx(tok: str, k: int) -> tuple[int, int]:
    return _h(f"w{k}=" + tok.lower()), _h(f"s{k}=" + shape(tok))


@functools.lru_cache(maxsize=65536)
def _bigram(a: str, b: str) -> tuple[int, int]:
    a, b = a.lower(), b.lower()
    return _h("bg=" + a + "|" + b), _h("bg+=" + a + "|" + b)


_NONE = {k: _h(f"w{k}=<none>") for k in (-3, -2, -1, 1, 2, 3)}
_OFFSETS = (-3, -2, -1, 1, 2, 3)


@functools.lru_cache(maxsize=65536)
def _ctx_all(tok: str) -> tuple[tuple[int, int], ...]:
    """``_ctx(tok, k)`` for every offset k in ``_OFFSETS`` (a token is seen at several offsets)."""
    return _ctx_all_of(tok.lower(), shape(tok))


# the feature-name prefixes of each offset, built once
_CTX_PREFIXES = tuple((f"w{k}=", f"s{k}=") for k in _OFFSETS)


def _ctx_all_of(low: str, shp: str) -> tuple[tuple[int, int], ...]:
    """``_ctx_all`` given the token's lower case and shape: ``_ctx(tok, k)`` works both out again
    for each of the six offsets, and on distinct posts most tokens near a number are new."""
    return tuple((_h(w + low), _h(s + shp)) for w, s in _CTX_PREFIXES)


def token_hashes(toks: list[str], i: int) -> list[int]:
    """``hashed(token_features(toks, i))`` through per-token caches (identical ids, same order
    as a multiset): what makes the tagger cheap enough to run on every post with a number."""
    out = list(_own(toks[i]))
    n = len(toks)
    for k in (-3, -2, -1, 1, 2, 3):
        j = i + k
        if 0 <= j < n:
            out.extend(_ctx(toks[j], k))
        else:
            out.append(_NONE[k])
    if i > 0:
        out.append(_bigram(toks[i - 1], toks[i])[0])
    if i + 1 < n:
        out.append(_bigram(toks[i], toks[i + 1])[1])
    return out


@functools.cache
def _weights() -> tuple[np.ndarray, float] | None:
    if not _MODEL.exists():
        return None
    z = np.load(_MODEL)
    return z["w"].astype(np.float32), float(z["b"])


def available() -> bool:
    return _weights() is not None


# token -> (its own hashes, its context hashes at each offset), and token pair -> the two bigram
# hashes: plain dicts (emptied when full), so a hit is one lookup without LRU relinking
_TOKEN_HASHES: dict[str, tuple[tuple[int, ...], tuple[tuple[int, int], ...]]] = {}
_PAIR_HASHES: dict[tuple[str, str], tuple[int, int]] = {}


def _token_entry(tok: str) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    if len(_TOKEN_HASHES) >= 65536:
        _TOKEN_HASHES.clear()
    low, shp = tok.lower(), shape(tok)  # once, for its own features and its six context slots
    got = _TOKEN_HASHES[tok] = (_own_of(tok, low, shp), _ctx_all_of(low, shp))
    return got


def _pair_entry(a: str, b: str) -> tuple[int, int]:
    if len(_PAIR_HASHES) >= 65536:
        _PAIR_HASHES.clear()
    got = _PAIR_HASHES[(a, b)] = _bigram(a, b)
    return got


def _ids(toks: list[str], i: int) -> list[int]:
    """``token_hashes(toks, i)`` through the same plain-dict caches as ``_probs``."""
    n = len(toks)
    hashes = _TOKEN_HASHES
    e = hashes.get(toks[i]) or _token_entry(toks[i])
    out = list(e[0])
    for slot, k in enumerate(_OFFSETS):
        j = i + k
        if 0 <= j < n:
            out += (hashes.get(toks[j]) or _token_entry(toks[j]))[1][slot]
        else:
            out.append(_NONE[k])
    if i > 0:
        out.append((_PAIR_HASHES.get((toks[i - 1], toks[i])) or _pair_entry(toks[i - 1], toks[i]))[0])
    if i + 1 < n:
        out.append((_PAIR_HASHES.get((toks[i], toks[i + 1])) or _pair_entry(toks[i], toks[i + 1]))[1])
    return out


@functools.cache
def _weights_py() -> array.array:
    """The weights as a plain float array: a handful of look-ups from Python costs far less than the
    fixed price of a numpy call (used only to rule tokens out, see ``address_spans``)."""
    wb = _weights()
    assert wb is not None
    return array.array("f", wb[0].tobytes())


def _probs(toks: list[str], order: list[int], w: np.ndarray, b: float) -> list[float]:
    """Address probability of each token in ``order``: ``token_hashes(toks, i)`` for each i laid
    end to end (the same ids in the same order, so the same float32 sums), each token's hashes
    looked up once for all the offsets it is seen at."""
    n = len(toks)
    flat: list[int] = []
    starts: list[int] = []
    ent: dict[int, tuple[tuple[int, ...], tuple[tuple[int, int], ...]]] = {}
    hashes = _TOKEN_HASHES
    pairs = _PAIR_HASHES
    for i in order:
        starts.append(len(flat))
        e = ent.get(i)
        if e is None:
            e = ent[i] = hashes.get(toks[i]) or _token_entry(toks[i])
        flat += e[0]
        for slot, k in enumerate(_OFFSETS):
            j = i + k
            if 0 <= j < n:
                e = ent.get(j)
                if e is None:
                    e = ent[j] = hashes.get(toks[j]) or _token_entry(toks[j])
                flat += e[1][slot]
            else:
                flat.append(_NONE[k])
        if i > 0:
            flat.append((pairs.get((toks[i - 1], toks[i])) or _pair_entry(toks[i - 1], toks[i]))[0])
        if i + 1 < n:
            flat.append((pairs.get((toks[i], toks[i + 1])) or _pair_entry(toks[i], toks[i + 1]))[1])
    sums = np.add.reduceat(w.take(np.array(flat, dtype=np.intp)), np.array(starts, dtype=np.intp))
    return (1.0 / (1.0 + np.exp(-(b + sums)))).tolist()


def _probs_reference(toks: list[str], order: list[int]) -> list[float]:
    """The per-token probabilities as first written (one ``token_hashes`` list per token); the
    tests check ``address_spans``'s inlined version against it, bit for bit."""
    wb = _weights()
    assert wb is not None
    w, b = wb
    ids = [token_hashes(toks, i) for i in order]
    flat = np.fromiter((x for row in ids for x in row), dtype=np.intp)
    sums = np.add.reduceat(w[flat], np.cumsum([0] + [len(r) for r in ids[:-1]]))
    return (1.0 / (1.0 + np.exp(-(b + sums)))).tolist()


def address_spans(text: str, threshold: float = 0.5) -> list[tuple[int, int, float]]:
    """(start, end, mean probability) of each address-like run of tokens in ``text``."""
    wb = _weights()
    if wb is None:
        return []
    w, b = wb
    ms = list(TOKEN_RE.finditer(text))
    toks = [m.group(0) for m in ms]
    n = len(toks)
    # only tokens near a number can belong to an address worth reporting
    near = set()
    numbers = []
    for i, t in enumerate(toks):
        if t[:1].isdigit():
            numbers.append(i)
            near.update(range(max(0, i - 6), min(n, i + 7)))
    if not near:
        return []
    # a reported run holds a number token at or above the threshold: when none is (nine posts in ten
    # that reach here), no run can be reported, so the other tokens need no scoring. A token's score
    # depends only on its own and its neighbours' features. The number tokens are scored here in
    # plain Python (float64 sums of the float32 weights); only a clear miss, a margin below the
    # threshold that float32 rounding cannot cross, returns early, so the spans are exactly the same.
    wp = _weights_py()
    cut = math.log(threshold / (1.0 - threshold)) - 1e-3 if 0.0 < threshold < 1.0 else None
    if cut is not None and all(b + sum(wp[x] for x in _ids(toks, i)) < cut for i in numbers):
        return []
    order = sorted(near)
    return runs_to_spans(ms, order, dict(zip(order, _probs(toks, order, w, b), strict=True)), threshold)


def runs_to_spans(
    ms: list[re.Match[str]], order: list[int], probs: dict[int, float], threshold: float
) -> list[tuple[int, int, float]]:
    """(start, end, mean probability) of each run of tokens at or above ``threshold`` (gaps of at
    most one token) that holds both a number and a word: an address needs both ("12 Acacia
    Avenue"), a lone number or a lone capitalised word is something else. Shared with the tests'
    reference path, so both group the scored tokens the same way."""
    toks = [m.group(0) for m in ms]
    out: list[tuple[int, int, float]] = []
    run: list[int] = []
    for i in [*order, len(ms) + 10]:
        if i in probs and probs[i] >= threshold and (not run or i - run[-1] <= 2):
            run.append(i)
            continue
        if run:
            words = [toks[j] for j in run if toks[j][:1].isalnum()]
            if any(x[:1].isdigit() for x in words) and any(x[:1].isalpha() for x in words) and len(words) >= 2:
                out.append((ms[run[0]].start(), ms[run[-1]].end(), sum(probs[j] for j in run) / len(run)))
        run = [i] if i in probs and probs[i] >= threshold else []
    return out


# --- given names ------------------------------------------------------------------------------
# Whether a capitalised word is a person's given name, from its letters (character n-grams):
# a word list of names is never finished ("Nkechi", "Elodie", "Olumide"), the spelling patterns
# of names across languages generalise. Rebuilt by data/build_name_model.py from Faker's given
# names in ~50 locales against English dictionary words and place/organisation words.
NAME_DIM = 1 << 16
_NAME_MODEL = Path(__file__).with_name("data") / "name_model.npz"


def name_ngrams(word: str) -> list[int]:
    w = f"<{word.lower()}>"
    grams = [w[i : i + k] for k in (2, 3, 4) for i in range(len(w) - k + 1)]
    return [zlib.crc32(g.encode("utf-8")) & (NAME_DIM - 1) for g in grams]


@functools.cache
def _name_weights() -> tuple[np.ndarray, float] | None:
    if not _NAME_MODEL.exists():
        return None
    z = np.load(_NAME_MODEL)
    return z["w"].astype(np.float32), float(z["b"])


@functools.lru_cache(maxsize=8192)
def name_probability(word: str) -> float:
    """Probability that ``word`` (a single capitalised token) is a given name."""
    wb = _name_weights()
    if wb is None or not word:
        return 0.0
    w, b = wb
    z = b + float(w[name_ngrams(word)].sum())
    return 1.0 / (1.0 + float(np.exp(-z)))
