"""`townhall post`: write a post from the command line, through the same checks and workflow.

    townhall post --account ID --text TEXT [--image FILE --alt TEXT]... [--at ISO8601 | --now] --as USERNAME

Without --now the post is submitted for approval (for --at, at that time in the user's
time zone unless the time names its offset). With --now, an approver of the account
publishes at once, with no cool-off; anyone else's post is submitted for approval. The
worker (`townhall worker`) does the sending. The post's id is the last line printed.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from townhall.core.models import User
from townhall.publishing import services
from townhall.registry.models import Account


class Command(BaseCommand):
    help = "Write a post for an account; it goes through policy checks, approval and cadence."

    def add_arguments(self, parser):
        parser.add_argument("--account", required=True, action="append", help="account id (repeat for several)")
        parser.add_argument("--text", required=True, help="the post's text ('-' reads standard input)")
        parser.add_argument("--image", action="append", default=[], help="an image file (repeatable)")
        parser.add_argument("--alt", action="append", default=[], help="alt text for each --image, in order")
        when = parser.add_mutually_exclusive_group()
        when.add_argument("--at", default="", help="when to post, ISO 8601 (your time zone unless given)")
        when.add_argument("--now", action="store_true", help="publish as soon as possible (approvers only)")
        parser.add_argument("--as", dest="username", required=True, help="the author")

    def handle(self, *args, account, text, image, alt, at, now, username, **options):
        import sys

        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"There is no active user called {username!r}.")
        if text == "-":
            text = sys.stdin.read()
        try:
            ids = [int(a) for a in account]
        except ValueError:
            raise CommandError("--account takes the account's number (see `townhall accounts list`).") from None
        if len(alt) > len(image):
            raise CommandError("There are more --alt texts than --image files.")
        images = []
        for n, path in enumerate(image):
            file = Path(path)
            if not file.is_file():
                raise CommandError(f"The image {path} does not exist.")
            data = file.read_bytes()
            mime = services.sniff_image(data)
            if mime is None:
                raise CommandError(f"{path} is not a JPEG, PNG, GIF or WebP image.")
            images.append(services.ImageInput(data, mime, alt[n] if n < len(alt) else "", file.name))
        try:
            post = services.create_post(user, ids, text, images=images, scheduled_at=at or None)
        except (ValueError, PermissionDenied) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Saved post {post.pk} as a draft.")
        accounts = list(Account.objects.filter(pk__in=ids))
        try:
            if now and all(services.may_publish_directly(user, a) for a in accounts):
                try:
                    services.publish_direct(post, user)
                    self.stdout.write("Scheduled to publish now; the worker sends it.")
                except services.NeedsReview as exc:
                    self.stderr.write(str(exc))
                    services.submit(post, user)
                    self.stdout.write("Submitted for approval instead.")
            else:
                if now:
                    self.stderr.write("You do not approve posts for this account: the post goes for approval.")
                services.submit(post, user)
                self.stdout.write("Submitted for approval.")
        except (ValueError, PermissionDenied) as exc:
            self.stderr.write(f"The draft is kept (post {post.pk}); edit and submit it when ready.")
            raise CommandError(str(exc)) from None
        finally:
            self.stdout.write(str(post.pk))
