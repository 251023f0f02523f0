"""`townhall posts list [--format json]` and `townhall posts delete ID --reason TEXT --as USER`.

`delete` removes every published part of the post from every network it went to (another
approver than the author; audited). One confirming line; exit 1 with the reason when refused
or when a part could not be deleted (run it again to retry those parts).
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from townhall.incidents import containment
from townhall.incidents.management.commands._common import actor, refused_as_error
from townhall.publishing.models import Post


def _row(post: Post) -> dict:
    removed = containment.removal_state(post)
    return {
        "id": post.pk,
        "status": removed or post.status,
        "remote_ids": [
            part["remote_id"]
            for d in post.deliveries.all() for part in (d.results or []) if part.get("remote_id")
        ],
    }


class Command(BaseCommand):
    help = "List posts with their remote ids, or delete a published post from the networks."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{list,delete}")
        listing = sub.add_parser("list", help="id, status and remote ids of each post")
        listing.add_argument("--format", choices=["table", "json"], default="table")
        delete = sub.add_parser("delete", help="delete every published part from the networks")
        delete.add_argument("id", type=int)
        delete.add_argument("--reason", required=True)
        delete.add_argument("--as", dest="username", required=True)

    def handle(self, *args, action: str, **options):
        if action == "list":
            posts = Post.objects.order_by("pk").prefetch_related("deliveries", "removals")
            rows = [_row(p) for p in posts]
            if options["format"] == "json":
                self.stdout.write(json.dumps(rows))
            else:
                for r in rows:
                    self.stdout.write(f"{r['id']}\t{r['status']}\t{' '.join(r['remote_ids']) or '-'}")
            return
        user = actor(options["username"])
        post = Post.objects.filter(pk=options["id"]).first()
        if post is None:
            raise CommandError(f"There is no post {options['id']}.")
        result = refused_as_error(lambda: containment.delete_published(user, post, options["reason"]))
        if result.failed:
            raise CommandError(f"Post {post.pk}: {result.summary()}.")
        parts = len(result.removed)
        self.stdout.write(f"Post {post.pk} deleted from the network ({parts} part(s)) by {user.username}.")
