"""``python manage.py apply_retention``: erase the data of candidates whose retention period has ended (daily)."""

from django.core.management.base import BaseCommand

from mhw.web import retention


class Command(BaseCommand):
    help = "Erase rejected candidates four weeks after the decision, or a year after it with their consent."

    def handle(self, *args, **options):
        self.stdout.write(f"{retention.apply()} candidate(s) erased.")
