"""The rule registry, in the spirit of ruff: every rule has a stable code, a family, a
default severity, the guidance clause it enforces, a rationale, a fix and examples.

Codes never change meaning once published (packs and audit logs refer to them), so a
retired rule keeps its code reserved rather than having it reused.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from townhall.policy.types import FAMILIES, SEVERITIES

if TYPE_CHECKING:
    from townhall.policy.doc import Doc
    from townhall.policy.pack import CompiledPack

# A detector yields (start, end, message), (start, end, message, fix) or (start, end, message,
# fix, severity) for each hit; a hit's own severity can only lower the rule's resolved one.
Hit = tuple[int, int, str] | tuple[int, int, str, str] | tuple[int, int, str, str, str]
Detector = Callable[["Doc", "CompiledPack"], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Example:
    """A post a rule must (``flag=True``) or must not flag; run as a test."""

    text: str
    flag: bool
    network: str = "x"
    account: str = "official"
    alts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    family: str
    severity: str
    clause: str
    rationale: str
    fix: str
    examples: tuple[Example, ...]
    detector: Detector = field(repr=False)
    accounts: tuple[str, ...] = ("official", "personal")
    needs_ml: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "family": self.family,
            "severity": self.severity,
            "accounts": list(self.accounts),
            "clause": self.clause,
            "rationale": self.rationale,
            "fix": self.fix,
            "needs_ml": self.needs_ml,
            "examples": [
                {"text": e.text, "flag": e.flag, "network": e.network, "account": e.account, "alts": list(e.alts)}
                for e in self.examples
            ],
        }


_REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    family: str,
    severity: str,
    clause: str,
    rationale: str,
    fix: str,
    examples: Iterable[Example],
    accounts: tuple[str, ...] = ("official", "personal"),
    needs_ml: bool = False,
) -> Callable[[Detector], Detector]:
    """Register the decorated detector as a rule (fails loudly on a duplicate code or bad family)."""

    def deco(fn: Detector) -> Detector:
        if code in _REGISTRY:
            raise ValueError(f"duplicate rule code {code}")
        if family not in FAMILIES:
            raise ValueError(f"{code}: unknown family {family}")
        if severity not in SEVERITIES:
            raise ValueError(f"{code}: unknown severity {severity}")
        _REGISTRY[code] = Rule(
            code, name, family, severity, clause, rationale, fix, tuple(examples), fn, accounts, needs_ml
        )
        return fn

    return deco


def rules_registry() -> dict[str, Rule]:
    """All registered rules by code, in code order (importing the rule modules on first use)."""
    if "townhall.policy.rules" not in sys.modules:
        with compiled_regex_cache():
            import townhall.policy.rules  # noqa: F401  (registers the rules)
    return dict(sorted(_REGISTRY.items()))


# --- start-up: the rule modules' regexes compiled once per installation, not once per process ---
# The rule modules compile ~170 ``regex`` patterns at import; the ``regex`` module parses each in
# Python (0.39 s of a 0.6 s import, most of a process's start-up after numpy). A compiled pattern
# is fully described by its ``_pickled_data`` (what ``regex`` itself pickles), from which
# ``_regex.compile`` builds it in C (all of them in ~10 ms). So while the rule modules are
# imported, ``regex.compile`` looks the pattern up in a file in $TOWNHALL_CACHE_DIR and rewrites
# the file when a pattern was missing. Only where the operator names that folder: a question such
# as `townhall rules` or `townhall check` must write nothing anywhere (tests/core/
# test_cli_read_only.py), so there is no default under the home directory. TOWNHALL_REGEX_CACHE=0
# turns it off. A missing, unreadable, stale or foreign file only means compiling as before; the
# key holds the pattern and its flags, the file name the versions of Python and regex.
_CACHE_LOCK = threading.RLock()
_CACHE_MAX = 4000  # patterns kept in the file


def _regex_cache_path() -> Path | None:
    if os.environ.get("TOWNHALL_REGEX_CACHE", "1") == "0":
        return None
    from regex import _regex, _regex_core

    base = os.environ.get("TOWNHALL_CACHE_DIR")
    if not base or not os.path.isabs(base):  # opt-in, and never a relative path
        return None
    tag = repr((regex.__version__, sys.version, int(regex.DEFAULT_VERSION), _regex.MAGIC, _regex_core.__file__))
    return Path(base) / f"regex-{hashlib.sha256(tag.encode()).hexdigest()[:16]}.marshal"


def _read_regex_cache(path: Path | None) -> dict[tuple[str, int], tuple[Any, ...]]:
    if path is None:
        return {}
    try:
        # marshal, not pickle: plain data only (nothing is imported or called while reading); the
        # file lives in the user's own cache directory
        data = marshal.loads(path.read_bytes())  # noqa: S302
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


@contextlib.contextmanager
def compiled_regex_cache() -> Iterator[None]:
    """While active, ``regex.compile(pattern, flags)`` builds patterns seen by an earlier process
    from their stored compiled form (see above); other calls are passed through unchanged."""
    from regex import _main, _regex

    with _CACHE_LOCK:
        original = regex.compile
        path = _regex_cache_path()
        stored = _read_regex_cache(path)
        used: dict[tuple[str, int], tuple[Any, ...]] = {}
        missed = False

        def compile_cached(pattern: Any, flags: Any = 0, *args: Any, **kwargs: Any) -> Any:
            nonlocal missed
            if args or kwargs or type(pattern) is not str:
                return original(pattern, flags, *args, **kwargs)
            key = (pattern, int(flags))
            data = stored.get(key)
            if data is not None:
                try:
                    compiled = _regex.compile(*data)
                except Exception:  # a stale or damaged entry: compile as usual
                    compiled = None
                if compiled is not None and compiled.pattern == pattern:
                    used[key] = data
                    return compiled
            compiled = original(pattern, flags)
            # a pattern whose compiled form depends on the locale (rare) is never stored
            if not flags & regex.LOCALE and _main._locale_sensitive.get((str, pattern)) is False:
                used[key] = compiled._pickled_data
                missed = True
            return compiled

        regex.compile = compile_cached
        try:
            yield
        finally:
            regex.compile = original
        if missed and path is not None:
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                # what this process used, plus what others stored (another version of the rules
                # sharing the file keeps its entries), up to a bound
                keep = used if len(stored) + len(used) > _CACHE_MAX else {**stored, **used}
                tmp.write_bytes(marshal.dumps(keep))
                os.replace(tmp, path)  # atomic: concurrent processes each write a whole file
            except (OSError, ValueError):
                with contextlib.suppress(OSError):
                    tmp.unlink()
