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


@functools.lru_cache(maxsize=4096)
def abuse(text: str) -> float | None:
    p = _call("abuse_probability", text)
    return None if p is None else float(p)


@functools.lru_cache(maxsize=4096)
def stance(text: str) -> float | None:
    p = _call("stance_probability", text)
    return None if p is None else float(p)


@functools.lru_cache(maxsize=4096)
def sentiment(text: str) -> str | None:
    r = _call("sentiment", text)
    return None if r is None else str(r[0])
