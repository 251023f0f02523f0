"""`townhall audit verify [--anchor ID:HASH ...]`, `townhall audit anchor`, `townhall audit newkey`."""

from django.core.management.base import BaseCommand, CommandError

from townhall.audit import keys
from townhall.audit.services import anchor_and_email, parse_anchor, verify


class Command(BaseCommand):
    help = (
        "Work with the audit trail: `verify` checks the signed chain (and anchors kept elsewhere), "
        "`anchor` prints the head to keep outside the database, `newkey` prints a key for TOWNHALL_AUDIT_KEYS."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "anchor", "newkey"])
        parser.add_argument(
            "--anchor", action="append", default=[], metavar="ID:HASH",
            help="(verify) a head printed earlier by `townhall audit anchor`; may be repeated",
        )

    def handle(self, *args, action, anchor: list[str], **options):
        if action == "newkey":
            self.stdout.write(keys.new_key())
            return
        if action == "anchor":
            self._anchor()
            return
        try:
            anchors = [parse_anchor(a) for a in anchor]
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from None
        result = verify(anchors=anchors)
        if not result.ok:
            raise CommandError(str(result), returncode=1)
        suffix = f" The {len(anchors)} anchor(s) given are in it, unchanged." if anchors else ""
        self.stdout.write(str(result) + suffix)

    def _anchor(self) -> None:
        result = verify()
        if not result.ok:
            raise CommandError(f"Not anchoring a broken trail. {result}", returncode=1)
        entry, sent = anchor_and_email("townhall audit anchor")
        line = f"{entry.seq}:{entry.hash}"
        self.stderr.write(
            f"Audit trail head, entry #{entry.seq} of {entry.at:%Y-%m-%d %H:%M} UTC. Keep the line below somewhere "
            "the database's administrators cannot change (a printout, another system, an e-mail archive); "
            "`townhall audit verify --anchor` checks the trail still contains it."
            + (f" E-mailed to {sent} administrator(s)." if sent else "")
        )
        self.stdout.write(line)
