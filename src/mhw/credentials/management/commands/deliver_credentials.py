"""``python manage.py deliver_credentials``: send the credentials of consenting participants to the registering
bodies of their campus, with a progress bar. Safe to run often (e.g. from cron): nothing is sent twice."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from mhw.console import ProgressBar
from mhw.credentials import delivery


class Command(BaseCommand):
    help = "Deliver pending credentials to the registering bodies, for participants who consented to it."

    def handle(self, *args, **options):
        run = delivery.deliver_pending(progress=ProgressBar(self.stderr))
        self.stderr.write("")
        self.stdout.write(
            _("%(delivered)s delivered, %(failed)s failed (tried again next time).")
            % {"delivered": run.delivered, "failed": run.failed}
        )
