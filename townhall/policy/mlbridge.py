"""Guarded access to the trained classifiers in ``townhall.policy.ml``.

The classifiers are built separately; until they are present (or if their import fails)
the ML-backed rules are skipped and ``status()`` says why, instead of the whole engine
failing. Results are memoised per text because several rules ask about the same post.
"""

from __future__ import annotations

import functools
from typing import Any

_ML: Any = None
_ERROR: str | None = None
_LOADED = False


def _load() -> Any:
    global _ML, _ERROR, _LOADED
    if not _LOADED:
        _LOADED = True
        try:
            from townhall.policy import ml as module

            for name in ("abuse_probability", "stance_probability"):
                if not hasattr(module, name):
                    raise ImportError(f"townhall.policy.ml has no {name}")
            module.abuse_probability("probe")  # loads the models now, so a missing file is caught here
            _ML = module
        except Exception as exc:  # any failure means: run without ML, and say so
            _ERROR = f"ML classifiers unavailable ({type(exc).__name__}: {exc}); ML-backed rules skipped"
    return _ML


def available() -> bool:
    return _load() is not None


def status() -> str:
    _load()
    if _ML is None:
        return _ERROR or "ML classifiers unavailable"
    broken = "; ".join(f"{k} failed ({v})" for k, v in _BROKEN.items())
    return "ML classifiers loaded" + (f", but {broken}" if broken else "")


def abuse_threshold() -> float:
    ml = _load()
    return float(getattr(ml, "ABUSE_THRESHOLD", 0.5)) if ml is not None else 0.5


def stance_threshold() -> float:
    ml = _load()
    return float(getattr(ml, "STANCE_THRESHOLD", 0.5)) if ml is not None else 0.5


_BROKEN: dict[str, str] = {}


def _call(name: str, text: str) -> Any:
    """Call one classifier; if it fails once, disable just that one (and record why)."""
    ml = _load()
    if ml is None or name in _BROKEN or not hasattr(ml, name):
        return None
    try:
        return getattr(ml, name)(text)
    except Exception as exc:
        _BROKEN[name] = f"{type(exc).__name__}: {exc}"
        return None


_ABUSE_CACHE: dict[str, float] = {}
_CACHE_MAX = 20000


def abuse(text: str) -> float | None:
    p = _ABUSE_CACHE.get(text)
    if p is not None:
        return p
    r = _call("abuse_probability", text)
    if r is None:
        return None
    if len(_ABUSE_CACHE) >= _CACHE_MAX:
        _ABUSE_CACHE.clear()
    _ABUSE_CACHE[text] = p = float(r)
    return p


def prime(texts: list[str]) -> None:
    """Score many posts at once with the classifiers' batch functions (much faster per post
    than one at a time); ``check`` then finds the scores cached."""
    ml = _load()
    todo = [t for t in dict.fromkeys(texts) if t.strip() and t not in _ABUSE_CACHE]
    if ml is None or not todo or not hasattr(ml, "abuse_probability_batch") or "abuse_probability" in _BROKEN:
        return
    try:
        probs = ml.abuse_probability_batch(todo)
    except Exception as exc:
        _BROKEN["abuse_probability_batch"] = f"{type(exc).__name__}: {exc}"
        return
    if len(_ABUSE_CACHE) + len(todo) > _CACHE_MAX:
        _ABUSE_CACHE.clear()
    _ABUSE_CACHE.update(zip(todo, (float(x) for x in probs), strict=True))


@functools.lru_cache(maxsize=4096)
def stance(text: str) -> float | None:
    p = _call("stance_probability", text)
    return None if p is None else float(p)


@functools.lru_cache(maxsize=4096)
def sentiment(text: str) -> str | None:
    r = _call("sentiment", text)
    return None if r is None else str(r[0])
