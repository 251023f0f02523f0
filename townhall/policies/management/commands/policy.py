"""`townhall policy export|import|publish|diff`: the policy's lifecycle for scripts.

The contract (docs/policy.md): `export [--version N]` prints YAML; `import FILE --as USER`
makes a draft (invalid: exit 2 with `FILE:LINE: key: message` lines on stderr, nothing
changes); `publish --note TEXT --as USER` prints the new version number last; `diff [A [B]]`.
"""

from __future__ import annotations

import sys
from datetime import UTC
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandParser

from townhall.policies import selectors, services
from townhall.policies.models import PolicyVersion
from townhall.policy.pack import PackError


class Command(BaseCommand):
    help = "Export, import, publish and compare versions of the institution's policy."
    # Scripts read stdout and stderr: Django's system-check warnings (about other apps) would
    # get in the way of the `FILE:LINE: key: message` contract.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        e = sub.add_parser("export", help="print the current (or given) version as YAML")
        e.add_argument("--version", type=int, dest="number", metavar="N")
        i = sub.add_parser("import", help="make a draft from a YAML file")
        i.add_argument("file")
        i.add_argument("--as", dest="username", required=True, metavar="USER")
        p = sub.add_parser("publish", help="publish the draft; prints the new version number last")
        p.add_argument("--note", required=True)
        p.add_argument("--as", dest="username", required=True, metavar="USER")
        p.add_argument("--ack", choices=["required", "info"], default="required",
                       help="must staff acknowledge it (default) or is it for information")
        p.add_argument("--yes", action="store_true", help="publish even if it would block many past approved posts")
        d = sub.add_parser("diff", help="what changed: draft vs current, A vs current, or A vs B")
        d.add_argument("a", nargs="?")
        d.add_argument("b", nargs="?")
        sub.add_parser("versions", help="list the published versions")

    def _fail(self, message: str, code: int = 2) -> None:
        sys.stderr.write(message.rstrip("\n") + "\n")
        raise SystemExit(code)

    def _user(self, username: str) -> Any:
        from townhall.core.models import User

        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            self._fail(f"townhall policy: no active user {username!r}")
        return user

    def _version(self, token: str) -> PolicyVersion:
        if token == "draft":
            v = selectors.draft()
        elif token == "current":
            v = selectors.current_version()
        elif token.isdigit():
            v = selectors.version(int(token))
        else:
            v = None
        if v is None:
            self._fail(f"townhall policy: no version {token!r} (give a number, 'current' or 'draft')")
        return v

    def handle(self, *args: Any, **opts: Any) -> None:
        action = opts["action"]
        out = self.stdout
        if action == "export":
            v = selectors.version(opts["number"]) if opts["number"] else selectors.current_version()
            if v is None:
                self._fail("townhall policy: no such published version" if opts["number"]
                           else "townhall policy: no policy is published yet (run the set-up first)")
            out.write(v.yaml_text, ending="" if v.yaml_text.endswith("\n") else "\n")
        elif action == "versions":
            for v in selectors.published():
                when = v.published_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
                out.write(f"{v.number}\t{when}\t{v.ack_mode}\t{' '.join(v.note.split())}")
        elif action == "import":
            user = self._user(opts["username"])
            try:
                with open(opts["file"], encoding="utf-8") as fh:
                    text = fh.read()
            except OSError as exc:
                self._fail(f"{opts['file']}: cannot read the pack: {exc.strerror}")
            try:
                d = services.save_draft(user, text, source=opts["file"])
            except PackError as exc:
                self._fail("\n".join(exc.errors))
            except (PermissionDenied, ValidationError) as exc:
                self._fail(f"townhall policy: {_words(exc)}")
            out.write(f"Draft saved (sha256 {d.sha256[:12]}); publish it with `townhall policy publish`.")
        elif action == "publish":
            user = self._user(opts["username"])
            try:
                v = services.publish(user, note=opts["note"], ack_mode=opts["ack"], confirm=opts["yes"])
            except services.NeedsConfirmation as exc:
                self._fail(f"townhall policy: {_words(exc)} (add --yes)", 1)
            except (PermissionDenied, ValidationError) as exc:
                self._fail(f"townhall policy: {_words(exc)}")
            out.write(str(v.number))
        elif action == "diff":
            from townhall.policy.packdiff import describe_changes, yaml_diff

            if opts["a"] is None:
                new = selectors.draft() or selectors.current_version()
                old = selectors.current_version() if new is not None and not new.is_published else (
                    selectors.previous(new) if new else None)
            else:
                old = self._version(opts["a"])
                new = self._version(opts["b"]) if opts["b"] else (selectors.draft() or selectors.current_version())
            if new is None:
                self._fail("townhall policy: nothing to compare (no version published)")
            new_pack = selectors.pack_of(new)
            old_pack = selectors.pack_of(old) if old else None
            for line in describe_changes(old_pack, new_pack):
                out.write(line)
            if old is not None:
                diff = yaml_diff(old.yaml_text, new.yaml_text, str(old), str(new))
                if diff:
                    out.write("")
                    out.write(diff, ending="")


def _words(exc: Exception) -> str:
    msgs = getattr(exc, "messages", None)
    return " ".join(msgs) if msgs else str(exc)
