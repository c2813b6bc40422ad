"""The offer sheet's problems in the user's language. `offer_sheet` is a pure module: it keeps each message as an
English msgid with the values that fill it, and the pages word it here, at the edge."""

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext as _

from mhw.learning.offer_sheet import SheetProblem


@dataclass(frozen=True)
class WordedProblem:
    """A problem as a page shows it: `place` and `message` in the active language. `where` stays the sheet module's
    English name of the place ("row 2, hours"), which code and tests rely on."""

    where: str
    place: str
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


def place(problem: SheetProblem) -> str:
    """The row and column of the problem in words; column names stay as the sheet's header writes them."""
    if problem.row is None:
        return problem.column or _("file")
    if problem.column:
        return _("row %(number)s, %(column)s") % {"number": problem.row, "column": problem.column}
    return _("row %(number)s") % {"number": problem.row}


def message(problem: SheetProblem) -> str:
    """What is wrong, in the active language (the sheet module marked the msgid, this translates it)."""
    return gettext(problem.text) % problem.params


def worded(problems: list[SheetProblem]) -> list[WordedProblem]:
    return [WordedProblem(problem.where, place(problem), message(problem)) for problem in problems]
