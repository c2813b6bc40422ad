"""``python manage.py issue_credentials ACHIEVEMENT RUN --as EMAIL``: issue an achievement to everyone who completed a
module run, with a progress bar; all or nothing."""

import uuid

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mhw.accounts.models import User
from mhw.console import ProgressBar
from mhw.credentials import completion, services
from mhw.credentials.models import Achievement
from mhw.learning.models import ModuleRun


class Command(BaseCommand):
    help = (
        "Issue ACHIEVEMENT (its public id) to every participant who completed module run RUN (its number) and does "
        "not hold it yet, signed by the achievement's issuer and recorded as issued by the user --as."
    )

    def add_arguments(self, parser):
        parser.add_argument("achievement", help="The achievement's public id (UUID).")
        parser.add_argument("run", type=int, help="The module run's number.")
        parser.add_argument("--as", dest="actor", required=True, help="E-mail address of the issuing staff member.")
        parser.add_argument("--narrative", default="", help="What the credential says about the achievement.")

    def handle(self, *args, achievement: str, run: int, actor: str, narrative: str, **options):
        try:
            badge = Achievement.objects.get(public_id=uuid.UUID(achievement))
        except (Achievement.DoesNotExist, ValueError) as error:
            raise CommandError(_("No achievement with this id.")) from error
        module_run = ModuleRun.objects.filter(pk=run).first()
        if module_run is None:
            raise CommandError(_("No module run with this number."))
        user = User.objects.filter(email__iexact=actor, is_active=True).first()
        if user is None:
            raise CommandError(_("No active user with this e-mail address."))
        bar = ProgressBar(self.stderr)
        try:
            issued = completion.issue_for_run(user, badge, module_run, narrative=narrative, progress=bar)
        except services.CredentialError as error:
            raise CommandError(error.message) from error
        self.stderr.write("")
        self.stdout.write(_("%(n)s credentials issued.") % {"n": len(issued)})
