from django.core.management.base import BaseCommand
from django.db import transaction

from mhw.demo.data import DEMO_PASSWORD
from mhw.demo.seed import demo_logins, seed_all


class Command(BaseCommand):
    help = "Build the fictional demo data set (campuses, partners, staff of each role, candidates). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins.")

    def handle(self, *args, quiet_logins: bool = False, **options):
        with transaction.atomic():
            seed_all()
        self.stdout.write(self.style.SUCCESS("Demo data is in place."))
        if not quiet_logins:
            self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
            for role, email in demo_logins():
                self.stdout.write(f"  {role:<28} {email}")
