"""``townhall check | rules | rule CODE | eval`` — the policy engine's command line.

Imports nothing from Django so that ``townhall check`` starts in a fraction of a second.
Exit codes are a contract for scripts: 0 nothing blocks, 1 something blocks, 2 bad usage
or bad input (a malformed input line is reported with its line number and the others are
still checked).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from townhall.policy.engine import check
from townhall.policy.pack import Pack, PackError, default_pack, load_pack
from townhall.policy.platform import measure
from townhall.policy.registry import rules_registry
from townhall.policy.types import ACCOUNTS, NETWORKS, Context, Finding, ImageRef

_COLOURS = {"block": "\033[1;31m", "warn": "\033[1;33m", "info": "\033[36m"}
_RESET = "\033[0m"
_UNDERLINE = "\033[4m"
_DIM = "\033[2m"


def _use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so main() can return 2 like a function."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="townhall", description="Check social-media posts against the institution's guidance.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="check one post (TEXT, or stdin) or a JSON-lines file of posts")
    c.add_argument("text", nargs="?", help="the post text (read from stdin when omitted and no --input)")
    c.add_argument("--input", metavar="FILE.jsonl", help="JSON lines with id, network, account, text, images[].alt")
    c.add_argument("--network", choices=NETWORKS, default="x")
    c.add_argument("--account", choices=ACCOUNTS, default="official")
    c.add_argument("--alt", action="append", default=[], metavar="TEXT", help="alt text of an attached image")
    c.add_argument("--institution", action="append", default=[], metavar="NAME", help="institution name (repeatable)")
    c.add_argument(
        "--policy",
        metavar="current|N|PACK.yaml",
        help="policy pack: a YAML file, or inside an instance 'current' or a version number "
        "(default: the instance's current version, else the built-in pack)",
    )
    c.add_argument("--scholarly", action="store_true", help="the post is research or teaching (academic freedom)")
    c.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    sub.add_parser("rules", help="list the rules").add_argument("--format", choices=("text", "json"), default="text")
    r = sub.add_parser("rule", help="explain one rule")
    r.add_argument("code")
    r.add_argument("--format", choices=("text", "json"), default="text")
    e = sub.add_parser("eval", help="precision/recall on the policy cases and TweetEval")
    e.add_argument("--split", choices=("val", "test"), default="val")
    e.add_argument("--data", metavar="DIR", help="the shared data folder (default: ../shared)")
    e.add_argument("--policy", metavar="PACK.yaml")
    e.add_argument("--limit", type=int, default=0, help="at most this many TweetEval posts per task (0: all)")
    e.add_argument("--dev-only", action="store_true",
                   help="leave the held-back part out (while tuning, so its figure is not looked at each time)")
    return p


# Set by the `townhall` console script when it runs inside an instance (Django configured):
# resolves None ("whatever is current"), "current" or a version number to the stored pack.
# The engine stays free of Django: it only ever sees this callable.
PackResolver = Callable[[str | None], Pack | None]


def _is_version_spec(spec: str | None) -> bool:
    return spec is not None and (spec == "current" or (spec.isdigit() and not os.path.exists(spec)))


def _pack(args: argparse.Namespace, resolver: PackResolver | None = None) -> Pack:
    spec = getattr(args, "policy", None)
    if _is_version_spec(spec):
        if resolver is None:
            raise PackError([
                f"--policy {spec}: stored policy versions need a Townhall instance (set DATABASE_URL or "
                "TOWNHALL_DATA_DIR); outside one, give a pack file"
            ])
        pack = resolver(spec)
        if pack is None:
            raise PackError([f"--policy {spec}: no such published policy version"])
    elif spec:
        pack = load_pack(spec)
    else:
        pack = (resolver(None) if resolver is not None else None) or default_pack()
    names = getattr(args, "institution", None)
    return pack.with_institution(names) if names else pack


def _render_text(text: str, findings: list[Finding], colour: bool, label: str | None, out: TextIO) -> None:
    if label:
        out.write(f"{label}\n")
    if not findings:
        out.write("  no findings\n")
        return
    for f in findings:
        sev = f"{_COLOURS[f.severity]}{f.severity}{_RESET}" if colour else f.severity
        code = f"{_DIM}{f.code}{_RESET}" if colour else f.code
        out.write(f"  {sev:>5} {code} [{f.family}] {f.message}\n")
        s, e = f.span
        if e > s:
            line_start = text.rfind("\n", 0, s) + 1
            line_end = text.find("\n", e)
            line_end = len(text) if line_end == -1 else line_end
            lo = max(line_start, s - 60)
            hi = min(line_end, max(e, s + 1) + 60, lo + 160)
            before, mid, after = text[lo:s], text[s : min(e, hi)], text[min(e, hi) : hi]
            if colour:
                out.write(f"        {before}{_UNDERLINE}{_COLOURS[f.severity]}{mid}{_RESET}{after}\n")
            else:
                out.write(f"        {before}{mid}{after}\n        {' ' * len(before)}{'^' * max(1, len(mid))}\n")
        out.write(f"        clause: {f.clause}\n        fix: {f.fix}\n")


def _exit_code(all_findings: list[list[Finding]]) -> int:
    return 1 if any(f.severity == "block" for fs in all_findings for f in fs) else 0


def _check_one(args: argparse.Namespace, pack: Pack, out: TextIO, err: TextIO) -> int:
    text = args.text
    if text is None:
        if sys.stdin is None or sys.stdin.isatty():
            err.write("townhall check: give TEXT, --input FILE.jsonl, or pipe the text on stdin\n")
            return 2
        text = sys.stdin.read()
    ctx = Context(args.network, args.account, tuple(ImageRef(a) for a in args.alt), scholarly=args.scholarly)
    findings = check(text, ctx, pack)
    if args.format == "text":
        length, limit = measure(text, args.network)
        _render_text(text, findings, _use_colour(out), f"{args.network} ({length}/{limit}), {args.account}:", out)
    elif args.format == "json":
        length, limit = measure(text, args.network)
        json.dump({"findings": [f.to_dict() for f in findings], "length": length, "limit": limit}, out,
                  ensure_ascii=False)
        out.write("\n")
    else:
        out.write(json.dumps({"id": None, "findings": [f.to_dict() for f in findings]}, ensure_ascii=False) + "\n")
    return _exit_code([findings])


def _parse_case(raw: str, args: argparse.Namespace) -> tuple[Any, str, Context]:
    obj = json.loads(raw)
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ValueError("'text' must be a string")
    images = obj.get("images") or []
    if not isinstance(images, list):
        raise ValueError("'images' must be a list")
    alts = []
    for im in images:
        if isinstance(im, dict):
            alt = im.get("alt") or ""
            if not isinstance(alt, str):
                raise ValueError("'images[].alt' must be a string")
            alts.append(ImageRef(alt))
        else:
            raise ValueError("'images' items must be objects with 'alt'")
    scholarly = obj.get("scholarly", args.scholarly)
    if not isinstance(scholarly, bool):
        raise ValueError("'scholarly' must be true or false")
    ctx = Context(obj.get("network") or args.network, obj.get("account") or args.account, tuple(alts),
                  scholarly=scholarly)
    return obj.get("id"), text, ctx


def _check_file(args: argparse.Namespace, pack: Pack, out: TextIO, err: TextIO) -> int:
    try:
        fh = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:
        err.write(f"townhall check: cannot read {args.input}: {exc.strerror}\n")
        return 2
    bad = False
    results: list[list[Finding]] = []
    collected: list[dict[str, Any]] = []
    colour = _use_colour(out)
    with fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                cid, text, ctx = _parse_case(raw, args)
            except (ValueError, TypeError) as exc:
                err.write(f"{args.input}:{lineno}: malformed line: {exc}\n")
                bad = True
                continue
            findings = check(text, ctx, pack)
            results.append(findings)
            record = {"id": cid, "findings": [f.to_dict() for f in findings]}
            if args.format == "jsonl":
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif args.format == "json":
                collected.append(record)
            else:
                _render_text(text, findings, colour, f"{cid if cid is not None else lineno} "
                             f"({ctx.network}, {ctx.account}):", out)
    if args.format == "json":
        json.dump(collected, out, ensure_ascii=False)
        out.write("\n")
    return 2 if bad else _exit_code(results)


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    reg = rules_registry()
    if args.format == "json":
        json.dump([r.to_dict() for r in reg.values()], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    for r in reg.values():
        who = "" if len(r.accounts) == 2 else f" ({r.accounts[0]} only)"
        ml = " [ML]" if r.needs_ml else ""
        out.write(f"{r.code}  {r.severity:<5}  {r.family:<15}  {r.name}{who}{ml}\n")
    return 0


def _rule(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    reg = rules_registry()
    r = reg.get(args.code.upper())
    if r is None:
        err.write(f"townhall rule: no rule {args.code!r}; see `townhall rules`\n")
        return 2
    if args.format == "json":
        json.dump(r.to_dict(), out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    out.write(f"{r.code} {r.name}\n  family: {r.family}\n  default severity: {r.severity}\n")
    out.write(f"  applies to: {', '.join(r.accounts)} accounts{' (needs the ML classifiers)' if r.needs_ml else ''}\n")
    out.write(f"  guidance: {r.clause}\n  why: {r.rationale}\n  fix: {r.fix}\n  examples:\n")
    for ex in r.examples:
        out.write(f"    {'flags' if ex.flag else 'passes'}: {ex.text!r} ({ex.network}, {ex.account})\n")
    return 0


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    resolver: PackResolver | None = None,
) -> int:
    """Run the CLI with ``argv`` (without the program name); returns the exit code.

    ``resolver`` (given by the console script inside an instance) reads stored policy versions."""
    out = out or sys.stdout
    err = err or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        err.write(f"{exc}\n")
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        if args.command == "rules":
            return _rules(args, out)
        if args.command == "rule":
            return _rule(args, out, err)
        if args.command == "eval":
            from townhall.policy.evaluate import run_eval

            return run_eval(args, out, err)
        pack = _pack(args, resolver)
        if args.input:
            return _check_file(args, pack, out, err)
        return _check_one(args, pack, out, err)
    except PackError as exc:
        err.write(f"{exc}\n")
        return 2
