"""``python manage.py import_esco DIRECTORY``: import the official ESCO CSV download, all or nothing."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mhw.console import ProgressBar
from mhw.skills.esco_import import EscoImportError, import_esco
from mhw.skills.services.semantic import refresh_index


class Command(BaseCommand):
    help = (
        "Import the official ESCO CSV download (skills_en.csv, occupations_en.csv, occupationSkillRelations_en.csv; "
        "optionally skills_nl.csv and occupations_nl.csv) from DIRECTORY. Every problem is listed as file:line; "
        "with any problem nothing is imported. Re-running the same import changes nothing. Afterwards the semantic "
        "index encodes the new and changed labels."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Directory holding the ESCO CSV files.")

    def handle(self, *args, directory: str, **options):
        bar = ProgressBar(self.stderr)
        try:
            report = import_esco(directory, progress=bar)
        except EscoImportError as exc:
            bar.finish()
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(exc.message) from None
        index = refresh_index(progress=bar)
        bar.finish()
        self.stdout.write(
            _("Semantic index up to date: %(encoded)d texts encoded, %(removed)d removed, %(kept)d unchanged.")
            % {"encoded": index.encoded, "removed": index.removed, "kept": index.kept}
        )
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "ESCO import done. Skills: %(skills_created)d created, %(skills_updated)d updated, "
                    "%(skills_unchanged)d unchanged. Occupations: %(occupations_created)d created, "
                    "%(occupations_updated)d updated, %(occupations_unchanged)d unchanged. Relations: "
                    "%(relations_created)d created, %(relations_updated)d updated, %(relations_deleted)d deleted, "
                    "%(relations_unchanged)d unchanged."
                )
                % report.as_dict()
            )
        )
