"""``python manage.py restore_database PATH --yes``: replace the database's contents with a backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mhw import backup


class Command(BaseCommand):
    help = (
        "Replace everything in the database with the backup at PATH (made by backup_database). Stop the platform first."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--yes", action="store_true", help="Confirm that the current contents may be replaced.")

    def handle(self, *args, path: Path, yes: bool, **options):
        if not yes:
            raise CommandError(_("This replaces everything in the database; repeat with --yes to go on."))
        try:
            backup.restore(path)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("Database restored from %(path)s.") % {"path": path})
