"""Policy packs: one YAML file per institution, validated against a JSON schema.

Errors name the offending key *and* its line in the YAML file, because packs are edited
by communications staff, not developers, and "additionalProperties" alone helps nobody.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from townhall.policy.types import ACCOUNTS, FAMILIES, NETWORKS, SEVERITY_RANK

if TYPE_CHECKING:
    import jsonschema

    from townhall.policy.compiled import CompiledPack

DEFAULT_PACK_PATH = Path(__file__).with_name("data") / "default_pack.yaml"

_FAMILY_SETTING = {"enum": ["block", "warn", "info", "off", "default"]}
_NET_SETTINGS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "max_hashtags": {"type": "integer", "minimum": 0},
        "max_mentions": {"type": "integer", "minimum": 0},
        "max_links": {"type": "integer", "minimum": 0},
        "families": {"$ref": "#/$defs/families"},
        "rules": {"$ref": "#/$defs/rules"},
    },
}
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["institution"],
    "$defs": {
        "strings": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "families": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                f: {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {a: _FAMILY_SETTING for a in ACCOUNTS},
                }
                for f in FAMILIES
            },
        },
        "rules": {
            "type": "object",
            "propertyNames": {"pattern": "^[A-Z]{3}[0-9]{3}$"},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "severity": {"enum": ["block", "warn", "info"]},
                    "enabled": {"type": "boolean"},
                },
            },
        },
    },
    "properties": {
        "version": {"const": 1},
        "institution": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "aliases": {"$ref": "#/$defs/strings"},
                "domains": {"$ref": "#/$defs/strings"},
                "official_handles": {"$ref": "#/$defs/strings"},
                "public_contacts": {"$ref": "#/$defs/strings"},
                "discouraged_names": {"$ref": "#/$defs/strings"},
            },
        },
        "region": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "families": {"$ref": "#/$defs/families"},
        "rules": {"$ref": "#/$defs/rules"},
        "topics": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"extra": {"$ref": "#/$defs/strings"}},
        },
        "thresholds": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "abuse": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
                "stance": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
                "stance_without_topic": {"type": "number", "minimum": 0, "maximum": 1},
                "token_entropy": {"type": "number", "minimum": 0},
                "max_hashtags": {"type": "integer", "minimum": 0},
                "max_mentions": {"type": "integer", "minimum": 0},
                "max_links": {"type": "integer", "minimum": 0},
                "emoji_wall": {"type": "integer", "minimum": 2},
            },
        },
        "networks": {
            "type": "object",
            "additionalProperties": False,
            "properties": {n: _NET_SETTINGS for n in NETWORKS},
        },
        "academic_freedom": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "accounts": {"type": "array", "items": {"enum": list(ACCOUNTS)}},
                "relaxed_rules": {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{3}[0-9]{3}$"}},
                "severity": {"enum": ["info", "warn"]},
                "still_apply": {"type": "array", "items": {"enum": ["party-political", "campaigning"]}},
                "parties": {"$ref": "#/$defs/strings"},
            },
        },
    },
}


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    """The schema's validator, built on first use: importing jsonschema costs ~0.1 s, which every
    process that only checks posts against the shipped pack (the CLI, the bench, workers) would
    pay at start-up for nothing (see ``default_pack``)."""
    import jsonschema

    return jsonschema.Draft202012Validator(SCHEMA)

_DEFAULT_THRESHOLDS: dict[str, Any] = {
    "abuse": None,
    "stance": None,
    "stance_without_topic": 0.8,
    "token_entropy": 3.6,
    "max_hashtags": 3,
    "max_mentions": 10,
    "max_links": 3,
    "emoji_wall": 6,
}


class PackError(ValueError):
    """A pack that does not validate; ``errors`` holds one 'file:line: key: problem' per issue."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def _line_map(node: yaml.Node, path: tuple[Any, ...] = (), out: dict[tuple[Any, ...], int] | None = None) -> dict:
    """Map each JSON path in the document to the 1-based line of its key (or item)."""
    if out is None:
        out = {(): node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[(*path, key)] = key_node.start_mark.line + 1
            _line_map(value_node, (*path, key), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[(*path, i)] = item.start_mark.line + 1
            _line_map(item, (*path, i), out)
    return out


def _error_line(err: jsonschema.ValidationError, lines: dict[tuple[Any, ...], int]) -> tuple[str, int]:
    path = tuple(err.absolute_path)
    key_path = path
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = err.schema.get("properties", {})
        extra = [k for k in err.instance if k not in allowed]
        if extra:
            key_path = (*path, extra[0])
    elif "propertyNames" in err.schema_path and isinstance(err.instance, str):
        key_path = (*path, err.instance)  # a bad key name: point at the key itself
    while key_path and key_path not in lines:
        key_path = key_path[:-1]
    dotted = ".".join(str(p) for p in key_path) or "(top level)"
    return dotted, lines.get(key_path, 1)


def validate_text(text: str, source: str = "<pack>") -> dict[str, Any]:
    """Parse and validate pack YAML, raising PackError with key and line for every problem."""
    data = _parse(text, source)
    errors = list(_validator().iter_errors(data))
    if errors:
        # the YAML is composed again only now, for the line of each problem
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        lines = _line_map(node) if node is not None else {}
        found = []
        for err in errors:
            dotted, line = _error_line(err, lines)
            message = err.message if len(err.message) <= 300 else err.message[:300] + "…"
            found.append((line, f"{source}:{line}: {dotted}: {message}"))
        raise PackError([msg for _, msg in sorted(found)])
    return data


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without aliases (`*name`). A pack has no use for them, and a few hundred bytes
    of nested aliases expand into gigabytes wherever the value is printed or walked (the schema
    validator's error message did: 3.2 GB from 427 bytes; security review of 2026-12-05)."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in a policy pack; write the value out", event.start_mark
            )
        return super().compose_node(parent, index)


def _parse(text: str, source: str) -> dict[str, Any]:
    """The pack's YAML parsed (PackError with the line if it is not YAML, has aliases, or is empty)."""
    try:
        data = yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise PackError([f"{source}:{line}: not valid YAML: {getattr(exc, 'problem', exc)}"]) from None
    if data is None:
        raise PackError([f"{source}:1: the pack is empty; it needs at least institution.name"])
    return data  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Pack:
    """A validated policy pack. Immutable, so its compiled form can be cached on it."""

    data: dict[str, Any]
    source: str = "<default>"
    _compiled: list[Any] = field(default_factory=list, compare=False, repr=False)

    @property
    def name(self) -> str:
        return self.data["institution"]["name"]

    @property
    def names(self) -> list[str]:
        inst = self.data["institution"]
        return [inst["name"], *inst.get("aliases", [])]

    def with_institution(self, names: list[str]) -> Pack:
        """A copy whose institution names are ``names`` (first is the name, rest aliases)."""
        if not names:
            return self
        data = copy.deepcopy(self.data)
        data["institution"]["name"] = names[0]
        data["institution"]["aliases"] = [*names[1:], "the University"]
        data["institution"]["discouraged_names"] = []
        return Pack(data, self.source + " (--institution)")

    def family_setting(self, family: str, account: str, network: str) -> str:
        net = self.data.get("networks", {}).get(network, {}).get("families", {}).get(family, {})
        if account in net:
            return net[account]
        fam = self.data.get("families", {}).get(family, {})
        if account == "research" and account not in fam:
            # A research account is an official account unless the pack says otherwise.
            return self.family_setting(family, "official", network)
        return fam.get(account, "default")

    @property
    def academic_freedom(self) -> dict[str, Any]:
        """The academic-freedom settings with their defaults filled in (see academic.py)."""
        from townhall.policy.academic import DEFAULTS

        return {**DEFAULTS, **self.data.get("academic_freedom", {})}

    def to_yaml(self) -> str:
        """The pack as YAML (for export when no original text is kept)."""
        return yaml.safe_dump(self.data, sort_keys=False, allow_unicode=True)

    def rule_setting(self, code: str, network: str) -> dict[str, Any]:
        base = dict(self.data.get("rules", {}).get(code, {}))
        base.update(self.data.get("networks", {}).get(network, {}).get("rules", {}).get(code, {}))
        return base

    def threshold(self, key: str, network: str | None = None) -> Any:
        if network is not None:
            net = self.data.get("networks", {}).get(network, {})
            if key in net:
                return net[key]
        return self.data.get("thresholds", {}).get(key, _DEFAULT_THRESHOLDS.get(key))

    def compiled(self) -> CompiledPack:
        """The pack compiled (regexes, automata); built once per Pack object."""
        if not self._compiled:
            from townhall.policy.compiled import CompiledPack as _CP
            from townhall.policy.registry import compiled_regex_cache

            with compiled_regex_cache():  # the pack's own patterns start warm too (registry.py)
                self._compiled.append(_CP(self))
        return self._compiled[0]


def pack_from_text(text: str, source: str = "<pack>") -> Pack:
    """Validate YAML text (from the database, an upload, an editor) into a Pack."""
    return Pack(validate_text(text, source), source)


def load_pack(path: str | Path) -> Pack:
    """Load and validate a pack file (PackError lists each problem with file, line and key)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise PackError([f"{p}: cannot read the pack: {exc.strerror}"]) from None
    return Pack(validate_text(text, str(p)), str(p))


@functools.cache
def default_pack() -> Pack:
    """The pack shipped with Townhall (cached: compiled once per process).

    Parsed, not validated against the schema here: it is part of the code, and the test suite
    validates it (tests/policy/test_speed_paths.py), so every process does not need to import
    jsonschema (~0.1 s of each start-up) to check it again. Packs from files, uploads or the
    database are always validated (``load_pack``, ``pack_from_text``)."""
    return Pack(_parse(DEFAULT_PACK_PATH.read_text(encoding="utf-8"), str(DEFAULT_PACK_PATH)), "<default>")


def cap(severity: str, setting: str) -> str:
    """Apply a family setting to a rule severity: 'default' keeps it, a severity caps it."""
    if setting == "default":
        return severity
    if setting == "off":
        return "off"
    return severity if SEVERITY_RANK[severity] <= SEVERITY_RANK[setting] else setting
