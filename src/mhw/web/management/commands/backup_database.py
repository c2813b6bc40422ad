"""``python manage.py backup_database PATH``: a consistent backup of the database while the platform runs."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mhw import backup


class Command(BaseCommand):
    help = "Write a consistent backup of the database (SQLite or PostgreSQL) to PATH, while the platform runs."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            backup.backup(path)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("Backup written to %(path)s.") % {"path": path})
