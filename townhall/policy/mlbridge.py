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


def _call(name: str, text: str, *args: Any) -> Any:
    """Call one classifier; if it fails once, disable just that one (and record why)."""
    ml = _load()
    if ml is None or name in _BROKEN or not hasattr(ml, name):
        return None
    try:
        return getattr(ml, name)(text, *args)
    except Exception as exc:
        _BROKEN[name] = f"{type(exc).__name__}: {exc}"
        return None


# text -> (probability, exact).  An inexact entry is an upper bound that lies below the floor it
# was screened for (see ``abuse``), so it answers any later question with a floor above it.
_ABUSE_CACHE: dict[str, tuple[float, bool]] = {}
_CACHE_MAX = 20000


def _remember(text: str, p: float, exact: bool) -> float:
    if len(_ABUSE_CACHE) >= _CACHE_MAX:
        _ABUSE_CACHE.clear()
    _ABUSE_CACHE[text] = (p, exact)
    return p


def abuse(text: str, floor: float | None = None) -> float | None:
    """Abuse probability of ``text``; None if the classifier is unavailable.

    With ``floor`` (the threshold a rule compares with), the value is exact whenever it is at
    least ``floor``; below it, it may be an upper bound, which lets the classifier skip its
    expensive members on posts that are clearly clean (``ml.abuse_probability_screened``)."""
    hit = _ABUSE_CACHE.get(text)
    if hit is not None and (hit[1] or (floor is not None and hit[0] < floor)):
        return hit[0]
    if floor is not None and "abuse_probability_screened" not in _BROKEN:
        ml = _load()
        if ml is not None and hasattr(ml, "abuse_probability_screened"):
            r = _call("abuse_probability_screened", text, floor)
            if r is not None:
                return _remember(text, float(r[0]), bool(r[1]))
    r = _call("abuse_probability", text)
    return None if r is None else _remember(text, float(r), True)


def prime(texts: list[str], floor: float | None = None, stance_for: list[str] | None = None) -> dict[str, float]:
    """Score many posts at once with the classifiers' batch functions (much faster per post
    than one at a time); ``check`` then finds the abuse scores cached.  ``floor`` as in ``abuse``;
    by default the classifier's own threshold, which the default pack uses.  Returns the stance
    scores of the (non-blank) texts of ``stance_for``, which the caller keeps with its posts."""
    ml = _load()
    want = {t for t in stance_for or () if t.strip()} if "stance_probability" not in _BROKEN else set()
    todo = [t for t in dict.fromkeys(texts)
            if t.strip() and (t in want or not _ABUSE_CACHE.get(t, (0.0, False))[1])]
    if ml is None or not todo or "abuse_probability" in _BROKEN:
        return {}
    if floor is None:
        floor = abuse_threshold()
    st: list[float | None] = []
    try:
        try:
            from townhall.policy.ml import batch

            got, st = batch.screened_and_stance(todo, floor, [t in want for t in todo])
        except (ImportError, ValueError, AttributeError):  # models of another shape: the per-post batch
            if hasattr(ml, "abuse_probability_screened_batch"):
                got = ml.abuse_probability_screened_batch(todo, floor)
            elif hasattr(ml, "abuse_probability_batch"):
                got = [(float(p), True) for p in ml.abuse_probability_batch(todo)]
            else:
                return {}
    except Exception as exc:
        _BROKEN["abuse_probability_batch"] = f"{type(exc).__name__}: {exc}"
        return {}
    if len(_ABUSE_CACHE) + len(todo) > _CACHE_MAX:
        _ABUSE_CACHE.clear()
    _ABUSE_CACHE.update(zip(todo, ((float(p), bool(e)) for p, e in got), strict=True))
    return {t: p for t, p in zip(todo, st, strict=False) if p is not None}


@functools.lru_cache(maxsize=4096)
def stance(text: str) -> float | None:
    p = _call("stance_probability", text)
    return None if p is None else float(p)


@functools.lru_cache(maxsize=4096)
def sentiment(text: str) -> str | None:
    r = _call("sentiment", text)
    return None if r is None else str(r[0])
