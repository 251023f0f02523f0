"""`townhall links`: tracked short links from the command line (scripts depend on the output).

    townhall links create URL [--campaign NAME] [--account ID] [--expires YYYY-MM-DD] --as USER
        prints the short URL as the last line
    townhall links stats CODE [--format json|text]
        json: {"code", "target", "clicks", "bot_clicks", "by_day": {"YYYY-MM-DD": {"clicks", "bot_clicks"}}, ...}
"""

from __future__ import annotations

import json
from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from townhall.analytics.models import Campaign
from townhall.core.models import User
from townhall.links import selectors, services
from townhall.links.models import Link
from townhall.registry.models import Account


class Command(BaseCommand):
    help = "Make tracked short links and read their click counts."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="make a tracked link; the short URL is printed last")
        create.add_argument("url")
        create.add_argument("--campaign", default="", help="campaign name (utm_campaign)")
        create.add_argument("--account", type=int, default=None, help="account id (utm_source is its network)")
        create.add_argument("--expires", default="", help="last day the link works, YYYY-MM-DD")
        create.add_argument("--as", dest="username", required=True)
        stats = sub.add_parser("stats", help="click counts for a link")
        stats.add_argument("code")
        stats.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, action, **opts):
        if action == "create":
            return self._create(**opts)
        return self._stats(**opts)

    def _create(self, *, url, campaign, account, expires, username, **_):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"There is no active user called {username!r}.")
        acct = None
        if account is not None:
            acct = Account.objects.filter(pk=account).first()
            if acct is None:
                raise CommandError(f"There is no account {account} (see `townhall accounts list`).")
        camp = None
        if campaign:
            camp = Campaign.objects.filter(name__iexact=campaign.strip()).first()
            if camp is None:
                raise CommandError(f"There is no campaign called {campaign!r}; create it on the Analytics page.")
        expires_at = None
        if expires:
            try:
                day = date.fromisoformat(expires)
            except ValueError:
                raise CommandError(f"--expires takes a date like 2027-08-31, not {expires!r}.") from None
            expires_at = timezone.make_aware(datetime.combine(day, time(23, 59, 59)))
        try:
            link = services.create_link(user, url, account=acct, campaign=camp, expires_at=expires_at)
        except ValidationError as exc:
            raise CommandError(exc.messages[0]) from None
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Goes to {link.destination}")
        self.stdout.write(link.short_url)

    def _stats(self, *, code, format, **_):
        link = Link.objects.filter(code=code).first()
        if link is None:
            raise CommandError(f"There is no tracked link {code!r}.")
        data = selectors.stats(link)
        if format == "json":
            self.stdout.write(json.dumps(data, indent=2))
            return
        self.stdout.write(f"{link.short_url} -> {link.target}")
        self.stdout.write(f"people: {data['clicks']}   previews and bots: {data['bot_clicks']}")
        for day, cell in data["by_day"].items():
            self.stdout.write(f"  {day}  {cell['clicks']:>7}  {cell['bot_clicks']:>7}")
