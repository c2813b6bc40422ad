"""``python manage.py send_metro_reminders``: announce metro-line sessions 1–2 weeks ahead and remind participants
shortly before. A scheduler runs it (e.g. every hour); nobody gets the same message twice."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from mhw.metro.services.planner import send_announcements_and_reminders


class Command(BaseCommand):
    help = "Announce metro-line sessions starting in 1–2 weeks and remind of those within 48 hours; idempotent."

    def handle(self, *args, **options):
        announced, reminded = send_announcements_and_reminders()
        self.stdout.write(_("%(a)s announcements and %(r)s reminders sent.") % {"a": announced, "r": reminded})
