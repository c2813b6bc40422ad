"""``python manage.py build_skill_index``: bring the semantic index of the catalogue and ESCO up to date."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from mhw.console import ProgressBar
from mhw.skills.services.semantic import refresh_index


class Command(BaseCommand):
    help = (
        "Encode the published learning outcomes and their items and the ESCO skills and occupations (Dutch and "
        "English) for semantic search. Only new or changed texts are encoded; removed ones leave the index. The "
        "search also does this by itself when the catalogue changed, so this command is for after a large import."
    )

    def handle(self, *args, **options):
        bar = ProgressBar(self.stderr)
        report = refresh_index(progress=bar)
        bar.finish()
        self.stdout.write(
            self.style.SUCCESS(
                _("Semantic index up to date: %(encoded)d texts encoded, %(removed)d removed, %(kept)d unchanged.")
                % {"encoded": report.encoded, "removed": report.removed, "kept": report.kept}
            )
        )
