"""`townhall sso map|rules|unmap|end-sessions`: the mapping rules and session ending from a shell."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from townhall.core.models import OrgUnit, User
from townhall.sso import services
from townhall.sso.models import MappingRule


class Command(BaseCommand):
    help = "Single sign-on: map a claim value to a role and unit, list rules, end someone's sessions."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        m = sub.add_parser("map", help="Give people whose claim includes a value a role (and a unit).")
        m.add_argument("--claim", required=True, help="claim or attribute name, e.g. groups")
        m.add_argument("--value", required=True, help="the value it must include, e.g. comms-digital")
        m.add_argument("--role", required=True, choices=User.Role.values)
        m.add_argument("--unit", default="", help="the unit's short name (slug), e.g. comms")
        m.add_argument("--priority", type=int, default=100, help="lower is tried first (default 100)")
        u = sub.add_parser("unmap", help="Delete the rule for a claim value.")
        u.add_argument("--claim", required=True)
        u.add_argument("--value", required=True)
        sub.add_parser("rules", help="List the rules in the order they are tried.")
        e = sub.add_parser("end-sessions", help="Sign a person out of every session at once.")
        e.add_argument("username")
        e.add_argument("--reason", default="")
        e.add_argument("--revoke-tokens", action="store_true", help="Also revoke the person's API tokens.")

    def handle(self, *args, action: str, **opts):
        actor = "command line"
        if action == "map":
            unit = None
            if opts["unit"]:
                unit = OrgUnit.objects.filter(slug=opts["unit"]).first()
                if unit is None:
                    raise CommandError(f"There is no unit with the short name {opts['unit']!r}.")
            try:
                rule = services.add_rule(actor, opts["claim"], opts["value"], opts["role"], unit, opts["priority"])
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(f"Saved: {rule}")
        elif action == "unmap":
            rule = MappingRule.objects.filter(claim=opts["claim"], value=opts["value"]).first()
            if rule is None:
                raise CommandError("There is no rule for that claim and value.")
            services.delete_rule(actor, rule)
            self.stdout.write(f"Deleted: {rule}")
        elif action == "rules":
            rules = list(MappingRule.objects.select_related("org_unit"))
            if not rules:
                self.stdout.write("No rules: nobody can sign in with single sign-on yet.")
            for rule in rules:
                self.stdout.write(f"{rule.priority:>4}  {rule}")
        elif action == "end-sessions":
            user = User.objects.filter(username=opts["username"]).first()
            if user is None:
                raise CommandError(f"There is no user {opts['username']!r}.")
            count = services.end_sessions(actor, user, reason=opts["reason"], revoke_tokens=opts["revoke_tokens"])
            self.stdout.write(f"{user.username} is signed out everywhere ({count} sessions ended).")
