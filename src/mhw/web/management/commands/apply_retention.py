"""``python manage.py apply_retention``: erase the data of candidates whose retention period has ended (daily)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from mhw.web import retention


class Command(BaseCommand):
    help = "Erase rejected candidates four weeks after the decision, or a year after it with their consent."

    def handle(self, *args, **options):
        self.stdout.write(_("%(n)s candidate(s) erased.") % {"n": retention.apply()})
