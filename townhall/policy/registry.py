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
import zlib
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


# --- start-up: the rule modules' patterns built from their compiled form, not parsed again ----
# The rule modules compile ~300 ``regex`` and ~250 ``re`` patterns at import; both libraries parse
# and compile each in Python (1.5 s and 0.45 s of CPU, two thirds of a fresh process's start-up).
# A compiled pattern is fully described by the arguments its library passes to its C constructor
# (``_regex.compile``: what ``regex`` itself pickles as ``_pickled_data``; ``_sre.compile`` for
# ``re``), from which all of them are built in ~30 ms. So while the rule modules are imported (and
# a pack compiled), ``regex.compile`` and ``re.compile`` look the (pattern, flags) up in:
#   1. ``data/patterns.marshal``, shipped with the package and rebuilt by
#      ``python -m townhall.policy.data.build_patterns`` (tests/policy/test_pattern_cache.py fails
#      when a rule's pattern is missing from it): every process starts warm and nothing is written
#      anywhere, which a question such as `townhall check` must not do
#      (tests/core/test_cli_read_only.py);
#   2. a file in $TOWNHALL_CACHE_DIR, only where the operator names that folder (an absolute
#      path), rewritten atomically when a pattern was missing from both: for patterns of a pack of
#      one's own, or versions of Python or regex other than those the shipped file was built with.
# Both files are keyed by the versions of Python, ``re``'s engine and ``regex`` (a file for other
# versions is ignored as a whole) and each entry by the exact pattern text and flags, so an entry
# can only ever be unused, never wrong for the pattern it is found for. A missing, unreadable or
# damaged file, or an entry the C constructor refuses, only means compiling as before.
# Locale-sensitive patterns are never stored. TOWNHALL_REGEX_CACHE=0 turns both off.
_CACHE_LOCK = threading.RLock()
_CACHE_MAX = 4000  # patterns kept in the user's file
_SHIPPED_PATTERNS = Path(__file__).with_name("data") / "patterns.marshal"
# patterns compiled_regex_cache() found in a file ("hit") and had to compile ("miss"), this process
PATTERN_STATS: dict[str, int] = {"hit": 0, "miss": 0}

_Key = tuple[str, str, int]  # ("regex" or "re", pattern, flags)
# set to a dict by data/build_patterns.py: receives the entry of every pattern compiled in any
# compiled_regex_cache() of the process
_RECORD: dict[_Key, tuple[Any, ...]] | None = None


def pattern_cache_tag() -> str:
    """The versions a compiled form depends on: Python's (``re``'s code format: _sre.MAGIC and
    CODESIZE) and regex's (its version, _regex.MAGIC and default VERSION0/1 setting)."""
    import _sre

    from regex import _regex

    return repr((tuple(sys.version_info[:3]), sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE,
                 regex.__version__, _regex.MAGIC, int(regex.DEFAULT_VERSION)))


def _regex_cache_path() -> Path | None:
    if os.environ.get("TOWNHALL_REGEX_CACHE", "1") == "0":
        return None
    base = os.environ.get("TOWNHALL_CACHE_DIR")
    if not base or not os.path.isabs(base):  # opt-in, and never a relative path
        return None
    return Path(base) / f"patterns-{hashlib.sha256(pattern_cache_tag().encode()).hexdigest()[:16]}.marshal"


def _read_pattern_file(path: Path | None) -> dict[_Key, tuple[Any, ...]]:
    """The entries of a pattern file written for the running versions ({} for anything else)."""
    if path is None:
        return {}
    try:
        # marshal, not pickle: plain data only (nothing is imported or called while reading);
        # compressed, since re's code lists are long and repetitive (2.2 MB -> 0.35 MB)
        data = marshal.loads(zlib.decompress(path.read_bytes()))  # noqa: S302
    except (OSError, ValueError, EOFError, TypeError, zlib.error):
        return {}
    if not isinstance(data, dict) or data.get("tag") != pattern_cache_tag():
        return {}
    entries = data.get("patterns")
    return entries if isinstance(entries, dict) else {}


def _write_pattern_file(path: Path, entries: dict[_Key, tuple[Any, ...]]) -> None:
    """Write atomically (concurrent processes each write a whole file); never raise."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(zlib.compress(marshal.dumps({"tag": pattern_cache_tag(), "patterns": entries}), 6))
        os.replace(tmp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            tmp.unlink()


def _re_arguments(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for ``pattern`` (its own steps)."""
    from re import _compiler, _parser

    p = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(p, flags)]  # its opcodes are int subclasses
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (pattern, int(flags | p.state.flags), code, p.state.groups - 1, groupindex, tuple(indexgroup))


@contextlib.contextmanager
def compiled_regex_cache() -> Iterator[None]:
    """While active, ``regex.compile(pattern, flags)`` and ``re.compile(pattern, flags)`` build
    patterns found in the shipped or the user's pattern file from their stored compiled form
    (see above); other calls are passed through unchanged."""
    import _sre
    import re

    from regex import _main, _regex

    with _CACHE_LOCK:
        rx_original, re_original = regex.compile, re.compile
        off = os.environ.get("TOWNHALL_REGEX_CACHE", "1") == "0"
        path = _regex_cache_path()
        stored = {} if off else {**_read_pattern_file(path), **_read_pattern_file(_SHIPPED_PATTERNS)}
        used: dict[_Key, tuple[Any, ...]] = {}
        missed = False

        def from_store(key: _Key, build: Callable[..., Any]) -> Any:
            data = stored.get(key)
            if data is None:
                return None
            try:
                compiled = build(*data)
            except Exception:  # a damaged entry: compile as usual
                return None
            if compiled.pattern != key[1]:
                return None
            used[key] = data
            PATTERN_STATS["hit"] += 1
            return compiled

        def regex_compile(pattern: Any, flags: Any = 0, *args: Any, **kwargs: Any) -> Any:
            nonlocal missed
            if args or kwargs or type(pattern) is not str:
                return rx_original(pattern, flags, *args, **kwargs)
            key = ("regex", pattern, int(flags))
            compiled = from_store(key, _regex.compile)
            if compiled is not None:
                return compiled
            compiled = rx_original(pattern, flags)
            PATTERN_STATS["miss"] += 1
            # a pattern whose compiled form depends on the locale (rare) is never stored
            if not flags & regex.LOCALE and _main._locale_sensitive.get((str, pattern)) is False:
                used[key] = compiled._pickled_data
                missed = True
            return compiled

        def re_compile(pattern: Any, flags: Any = 0) -> Any:
            nonlocal missed
            if type(pattern) is not str or int(flags) & (re.DEBUG | re.LOCALE):
                return re_original(pattern, flags)
            key = ("re", pattern, int(flags))
            compiled = from_store(key, _sre.compile)
            if compiled is not None:
                return compiled
            compiled = re_original(pattern, flags)
            PATTERN_STATS["miss"] += 1
            if path is None and _RECORD is None:  # nowhere to store it: spare parsing it again
                return compiled
            try:
                data = _re_arguments(pattern, int(flags))
                same = _sre.compile(*data) == compiled  # equal flags, pattern and code
            except Exception:  # re's internals differ from what _re_arguments expects
                same = False
            if same:
                used[key] = data
                missed = True
            return compiled

        regex.compile, re.compile = regex_compile, re_compile
        try:
            yield
        finally:
            regex.compile, re.compile = rx_original, re_original
        if _RECORD is not None:
            _RECORD.update(used)
        if missed and path is not None:
            # what this process used, plus what others stored (another version of the rules
            # sharing the file keeps its entries), up to a bound
            mine = _read_pattern_file(path)
            _write_pattern_file(path, used if len(mine) + len(used) > _CACHE_MAX else {**mine, **used})
