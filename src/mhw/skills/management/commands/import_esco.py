"""``python manage.py import_esco DIRECTORY``: import the official ESCO CSV download, all or nothing."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mhw.skills.esco_import import EscoImportError, import_esco


class ProgressBar:
    """A one-line text progress bar, redrawn in place with a carriage return.

    The label (the file being read, then the writing stage) changes in place; when the count starts again from a
    lower percentage a new stage has begun, and it gets a line of its own so the finished one stays visible.
    Redraws only when label or whole percentage change, and at most ten times a second, so that a fast caller
    does not spend its time writing to the terminal.
    """

    WIDTH = 30
    LABEL_WIDTH = 32

    def __init__(self, stream, *, min_interval: float = 0.1):
        self.stream = stream
        self.min_interval = min_interval
        self._shown: tuple[str, int] | None = None
        self._last_draw = 0.0

    def __call__(self, label: str, done: int, total: int) -> None:
        percent = 100 if total <= 0 else min(100, done * 100 // total)
        state = (str(label), percent)
        if state == self._shown:
            return
        now = time.monotonic()
        # The end of a stage is always drawn, so that it visibly finishes.
        if self._shown is not None and percent < 100 and now - self._last_draw < self.min_interval:
            return
        if self._shown is not None and percent < self._shown[1]:
            self.stream.write("\n", ending="")
        filled = self.WIDTH * percent // 100
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r{state[0][: self.LABEL_WIDTH]:<{self.LABEL_WIDTH}} [{bar}] {percent:3d}%", ending="")
        self.stream.flush()
        self._shown = state
        self._last_draw = now

    def finish(self) -> None:
        """End the bar's line, so that what is written next starts on a line of its own."""
        if self._shown is not None:
            self.stream.write("\n", ending="")
            self.stream.flush()
            self._shown = None


class Command(BaseCommand):
    help = (
        "Import the official ESCO CSV download (skills_en.csv, occupations_en.csv, occupationSkillRelations_en.csv; "
        "optionally skills_nl.csv and occupations_nl.csv) from DIRECTORY. Every problem is listed as file:line; "
        "with any problem nothing is imported. Re-running the same import changes nothing."
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
        bar.finish()
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
