"""Rebuild ``patterns.marshal``: the compiled form of every pattern the rule modules and the
default pack compile, so a fresh process builds them in C instead of parsing them in Python
(``registry.compiled_regex_cache``). Run after changing any rule's pattern, with the Python and
``regex`` the project pins (the file is ignored under other versions);
tests/policy/test_pattern_cache.py fails while a pattern is missing.

    python -m townhall.policy.data.build_patterns [--fresh]

A pattern whose text and flags did not change keeps its entry from the file (``--fresh``
compiles every one again): ``regex`` lays out some character sets in the order of a Python set
of objects, so compiling again gives other, equally valid, bytes, and git would see a change in
every entry.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    os.environ.pop("TOWNHALL_CACHE_DIR", None)  # only the shipped file, never a user's
    if "--fresh" in sys.argv[1:]:
        os.environ["TOWNHALL_REGEX_CACHE"] = "0"
    else:
        os.environ.pop("TOWNHALL_REGEX_CACHE", None)
    from townhall.policy import registry

    if "townhall.policy.rules" in sys.modules:
        print("run in a fresh process: the rule modules are already imported", file=sys.stderr)
        return 1
    registry._RECORD = {}
    from townhall.policy import Context, check_many
    from townhall.policy.pack import default_pack

    registry.rules_registry()
    default_pack().compiled()
    check_many(["A first post to check, @someone 07700 900123 #tag https://example.org"], Context())
    entries = dict(sorted(registry._RECORD.items()))
    registry._RECORD = None
    registry._write_pattern_file(registry._SHIPPED_PATTERNS, entries)
    kinds = [k[0] for k in entries]
    print(f"wrote {registry._SHIPPED_PATTERNS}: {kinds.count('regex')} regex and {kinds.count('re')} re "
          f"patterns ({registry.PATTERN_STATS['miss']} compiled now), "
          f"{registry._SHIPPED_PATTERNS.stat().st_size:,} bytes, for {registry.pattern_cache_tag()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
