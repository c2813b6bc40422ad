"""Reading and writing a skills mapping as an Excel workbook, in the shape of the toolbox's figure 13.

Sheet "Mapping": columns code, specialisme, specialism, then two columns per role, "<role> huidig" and
"<role> toekomstig". Sheet "Rollen" (optional): the Dutch and English name of each role. Pure module (openpyxl, no
Django): problems come back with their cell reference, and nothing is half-read. A problem's message is an English
msgid with named placeholders and their values; the page layer (`mhw.skills.views.mapping`) words it in the user's
language.
"""

import io
from dataclasses import dataclass, field

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from mhw.msgid import gettext_noop

CURRENT_SUFFIXES = (" huidig", " current")
FUTURE_SUFFIXES = (" toekomstig", " future")
FIXED_COLUMNS = ("code", "specialisme", "specialism")


@dataclass
class MappingGrid:
    roles: list[tuple[str, str]] = field(default_factory=list)  # (nl, en)
    specialisms: list[tuple[int, str, str]] = field(default_factory=list)  # (code, nl, en)
    cells: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # (role i, specialism i) -> levels


WHOLE_FILE = "-"  # the cell of a problem with the workbook as a whole


@dataclass(frozen=True)
class SheetProblem:
    """One problem of the workbook: the cell (``Mapping!B3``, or WHOLE_FILE) and what is wrong there, as an English
    msgid with %(name)s placeholders (`text`) and the values that fill them (`params`). `message` reads it in
    English."""

    cell: str
    text: str
    params: dict = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        return self.text % self.params

    def __str__(self) -> str:
        return f"{self.cell}: {self.message}"


class SheetError(Exception):
    def __init__(self, problems: list[SheetProblem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def _strip_suffix(header: str, suffixes: tuple[str, ...]) -> str | None:
    lowered = header.lower()
    for suffix in suffixes:
        if lowered.endswith(suffix):
            return header[: -len(suffix)].strip()
    return None


def _level(value, ref: str, problems: list[SheetProblem]) -> int:
    if value is None or value == "":
        return 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 5:
        problems.append(
            SheetProblem(ref, gettext_noop("a level is a whole number from 0 to 5, not “%(value)s”"), {"value": value})
        )
        return 0
    return value


def read_workbook(data: bytes) -> MappingGrid:
    """Parse a mapping workbook. SheetError lists every problem with its cell; on success the grid is complete."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise SheetError(
            [
                SheetProblem(
                    WHOLE_FILE,
                    gettext_noop("the file is not an Excel workbook (.xlsx): %(error)s"),
                    {"error": type(error).__name__},
                )
            ]
        ) from None
    if "Mapping" not in workbook.sheetnames:
        raise SheetError([SheetProblem(WHOLE_FILE, gettext_noop("the workbook has no sheet called “Mapping”"))])
    rows = list(workbook["Mapping"].iter_rows(values_only=True))
    problems: list[SheetProblem] = []
    if not rows:
        raise SheetError([SheetProblem("Mapping!A1", gettext_noop("the sheet is empty"))])
    header = ["" if v is None else str(v).strip() for v in rows[0]]
    while header and not header[-1]:
        header.pop()
    for index, expected in enumerate(FIXED_COLUMNS):
        if index >= len(header) or header[index].lower() != expected:
            problems.append(
                SheetProblem(
                    f"Mapping!{get_column_letter(index + 1)}1",
                    gettext_noop("expected the column “%(column)s”"),
                    {"column": expected},
                )
            )
    role_columns = header[len(FIXED_COLUMNS) :]
    if not role_columns or len(role_columns) % 2:
        problems.append(
            SheetProblem(
                "Mapping!D1", gettext_noop("each role needs two columns: “<role> huidig” and “<role> toekomstig”")
            )
        )
    grid = MappingGrid()
    for pair in range(len(role_columns) // 2):
        column = len(FIXED_COLUMNS) + 2 * pair
        current = _strip_suffix(role_columns[2 * pair], CURRENT_SUFFIXES)
        future = _strip_suffix(role_columns[2 * pair + 1], FUTURE_SUFFIXES)
        if not current or current != future:
            problems.append(
                SheetProblem(
                    f"Mapping!{get_column_letter(column + 1)}1",
                    gettext_noop("expected “<role> huidig” followed by “<role> toekomstig” for the same role"),
                )
            )
            continue
        grid.roles.append((current, current))
    if problems:
        raise SheetError(problems)
    english = {}
    if "Rollen" in workbook.sheetnames:
        for row in list(workbook["Rollen"].iter_rows(values_only=True))[1:]:
            if row and row[0]:
                english[str(row[0]).strip()] = str(row[1]).strip() if len(row) > 1 and row[1] else str(row[0]).strip()
    grid.roles = [(nl, english.get(nl, nl)) for nl, _en in grid.roles]
    if len({nl for nl, _en in grid.roles}) != len(grid.roles):
        problems.append(SheetProblem("Mapping!D1", gettext_noop("a role appears twice")))
    codes = set()
    for number, row in enumerate(rows[1:], start=2):
        values = list(row) + [None] * (len(header) - len(row))
        if all(v is None or str(v).strip() == "" for v in values[: len(header)]):
            continue
        code = values[0]
        if isinstance(code, float) and code.is_integer():
            code = int(code)
        if isinstance(code, str) and code.strip().isdigit():
            code = int(code.strip())
        if not isinstance(code, int) or code < 1:
            problems.append(
                SheetProblem(
                    f"Mapping!A{number}",
                    gettext_noop("a code is a whole number from 1 up, not “%(value)s”"),
                    {"value": "" if values[0] is None else values[0]},
                )
            )
            continue
        if code in codes:
            problems.append(
                SheetProblem(f"Mapping!A{number}", gettext_noop("the code %(code)s appears twice"), {"code": code})
            )
        codes.add(code)
        name_nl = str(values[1] or "").strip()
        name_en = str(values[2] or "").strip() or name_nl
        if not name_nl:
            problems.append(SheetProblem(f"Mapping!B{number}", gettext_noop("the specialism has no name")))
        spec_index = len(grid.specialisms)
        grid.specialisms.append((code, name_nl, name_en))
        for role_index in range(len(grid.roles)):
            column = len(FIXED_COLUMNS) + 2 * role_index
            current = _level(values[column], f"Mapping!{get_column_letter(column + 1)}{number}", problems)
            future = _level(values[column + 1], f"Mapping!{get_column_letter(column + 2)}{number}", problems)
            grid.cells[(role_index, spec_index)] = (current, future)
    if not grid.specialisms:
        problems.append(SheetProblem("Mapping!A2", gettext_noop("the sheet has no specialisms")))
    if problems:
        raise SheetError(problems)
    return grid


def write_workbook(grid: MappingGrid) -> bytes:
    """The grid as a workbook that `read_workbook` reads back to the same grid."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mapping"
    sheet.append(
        [*FIXED_COLUMNS, *(f"{nl}{suffix}" for nl, _en in grid.roles for suffix in (" huidig", " toekomstig"))]
    )
    for spec_index, (code, name_nl, name_en) in enumerate(grid.specialisms):
        levels = []
        for role_index in range(len(grid.roles)):
            levels.extend(grid.cells.get((role_index, spec_index), (0, 0)))
        sheet.append([code, name_nl, name_en, *levels])
    sheet.freeze_panes = "D2"
    roles = workbook.create_sheet("Rollen")
    roles.append(["rol", "role"])
    for nl, en in grid.roles:
        roles.append([nl, en])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
