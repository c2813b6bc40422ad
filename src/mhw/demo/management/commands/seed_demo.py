import time

from django.core.management.base import BaseCommand
from django.db import transaction

from mhw.console import ProgressBar
from mhw.demo.data import DEMO_PASSWORD
from mhw.demo.seed import demo_logins, seed_all


class Command(BaseCommand):
    help = "Build the fictional demo data set (campuses, partners, staff of each role, candidates). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins.")
        parser.add_argument(
            "--scale",
            choices=["demo", "national"],
            default="demo",
            help="national adds generated data on top of the demo: 20,000 candidates on the route over the seven "
            "campuses, 2,000 companies, 5,000 modules with runs, vacancies (for measuring under load).",
        )

    def handle(self, *args, quiet_logins: bool = False, scale: str = "demo", **options):
        with transaction.atomic():
            seed_all()
        if scale == "national":
            from mhw.demo.seed_national import seed_national

            started = time.monotonic()
            progress = ProgressBar(self.stdout)
            with transaction.atomic():
                seed_national(progress)
            progress.finish()
            self.stdout.write(f"National-scale data in place after {time.monotonic() - started:.0f} s.")
        self.stdout.write(self.style.SUCCESS("Demo data is in place."))
        if not quiet_logins:
            self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
            for role, email in demo_logins():
                self.stdout.write(f"  {role:<28} {email}")
