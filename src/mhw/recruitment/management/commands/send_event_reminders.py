from django.core.management.base import BaseCommand

from mhw.recruitment.services import send_reminders


class Command(BaseCommand):
    help = "Remind participants of recruitment events starting within 48 hours. Safe to run as often as you like."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_reminders()} reminder(s) sent.")
