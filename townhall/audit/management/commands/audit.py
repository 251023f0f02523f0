from django.core.management.base import BaseCommand, CommandError

from townhall.audit.services import verify


class Command(BaseCommand):
    help = "Work with the audit trail. `townhall audit verify` checks the hash chain."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **options):
        result = verify()
        if not result.ok:
            raise CommandError(str(result), returncode=1)
        self.stdout.write(str(result))
