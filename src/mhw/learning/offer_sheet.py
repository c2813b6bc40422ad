"""A provider's offer as a spreadsheet (CSV or Excel): one module per row. Pure module (no Django).

Columns: code, title_nl, title_en, description, hours, duration_weeks, format, location, online, cost, language,
credential, is_basic, outcomes, prerequisite_modules, prerequisite_levels, runs.
- outcomes: catalogue item codes with the level reached, e.g. ``VO003:3 | KO002:2``
- prerequisite_modules: the provider's module codes, e.g. ``H2-BASIS``
- prerequisite_levels: e.g. ``VO001:2``
- runs: start date, seats and schedule, e.g. ``2027-01-12;16;di en do 18:00-21:30 | 2027-03-02;12;``
Every problem is reported with its row and column; the caller imports nothing unless there are none. A problem's
message is an English msgid with named placeholders and their values: `mhw.learning.problems` words it in the user's
language, so this module stays free of Django.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from openpyxl import Workbook, load_workbook

from mhw.msgid import gettext_noop

COLUMNS = (
    "code", "title_nl", "title_en", "description", "hours", "duration_weeks", "format", "location", "online", "cost",
    "language", "credential", "is_basic", "outcomes", "prerequisite_modules", "prerequisite_levels", "runs",
)  # fmt: skip
REQUIRED = ("code", "title_nl", "title_en", "hours", "duration_weeks", "format", "cost", "language")
FORMATS = ("classroom", "e_learning", "practical", "workplace", "blended")
ITEM_CODE = re.compile(r"^(RO|VO|KO)\d{3,}$")
TRUE, FALSE = {"1", "true", "ja", "yes", "x"}, {"", "0", "false", "nee", "no"}


@dataclass
class RunRow:
    starts_on: datetime.date
    seats: int
    schedule: str


@dataclass
class ModuleRow:
    row: int
    code: str
    fields: dict
    outcomes: list[tuple[str, int]] = field(default_factory=list)
    prerequisite_modules: list[str] = field(default_factory=list)
    prerequisite_levels: list[tuple[str, int]] = field(default_factory=list)
    runs: list[RunRow] = field(default_factory=list)


@dataclass(frozen=True)
class SheetProblem:
    """One problem of a sheet: what is wrong (`text`, an English msgid with %(name)s placeholders, filled by `params`)
    and where (`row` and `column`, either of which may be missing). `where` and `message` read it in English."""

    text: str
    params: dict = field(default_factory=dict, hash=False)
    row: int | None = None
    column: str = ""

    @property
    def where(self) -> str:
        """The place in English: "row 2, hours", "row 2", "hours" or "file" (the file as a whole)."""
        if self.row is None:
            return self.column or "file"
        return f"row {self.row}, {self.column}" if self.column else f"row {self.row}"

    @property
    def message(self) -> str:
        return self.text % self.params

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Place = tuple[int | None, str]  # (row, column) of a problem


def _problem(place: Place, text: str, **params) -> SheetProblem:
    row, column = place
    return SheetProblem(text, params, row=row, column=column)


class OfferSheetError(Exception):
    def __init__(self, problems: list[SheetProblem]):
        super().__init__("; ".join(str(p) for p in problems[:20]))
        self.problems = problems


def _int(value: str, where: Place, problems, minimum=1, maximum=100_000) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        problems.append(_problem(where, gettext_noop("“%(value)s” is not a whole number"), value=value))
        return minimum
    if not minimum <= number <= maximum:
        problems.append(
            _problem(
                where,
                gettext_noop("must be a whole number from %(minimum)s to %(maximum)s"),
                minimum=minimum,
                maximum=maximum,
            )
        )
    return number


def _levels(text: str, where: Place, problems) -> list[tuple[str, int]]:
    result = []
    for part in filter(None, (p.strip() for p in text.split("|"))):
        code, _sep, level = part.partition(":")
        code = code.strip().upper()
        if not ITEM_CODE.match(code):
            problems.append(
                _problem(
                    where, gettext_noop("“%(value)s” is not a catalogue code with a level, such as VO003:3"), value=part
                )
            )
            continue
        result.append((code, _int(level, where, problems, 1, 5)))
    return result


def _runs(text: str, where: Place, problems) -> list[RunRow]:
    runs = []
    for part in filter(None, (p.strip() for p in text.split("|"))):
        pieces = [p.strip() for p in part.split(";")]
        try:
            starts_on = datetime.date.fromisoformat(pieces[0])
        except ValueError:
            problems.append(
                _problem(
                    where, gettext_noop("“%(value)s” is not a start date; write it as 2027-01-12"), value=pieces[0]
                )
            )
            continue
        seats = _int(pieces[1] if len(pieces) > 1 else "", where, problems, 1, 1000)
        runs.append(RunRow(starts_on, seats, pieces[2] if len(pieces) > 2 else ""))
    return runs


def parse_rows(records: list[tuple[int, dict]], known_codes: frozenset[str] = frozenset()) -> list[ModuleRow]:
    """Check every row (row number, column -> text); OfferSheetError lists all problems. `known_codes` are the
    provider's modules already stored, which a prerequisite may name besides the sheet's own."""
    problems: list[SheetProblem] = []
    modules, codes = [], set()
    for row, record in records:
        value = {c: str(record.get(c) or "").strip() for c in COLUMNS}

        def at(column, row=row) -> Place:
            return row, column

        for column in REQUIRED:
            if not value[column]:
                problems.append(_problem(at(column), gettext_noop("is empty")))
        if value["code"] in codes:
            problems.append(
                _problem(at("code"), gettext_noop("the code “%(code)s” appears twice in the sheet"), code=value["code"])
            )
        codes.add(value["code"])
        if value["format"] and value["format"] not in FORMATS:
            problems.append(
                _problem(at("format"), gettext_noop("must be one of %(choices)s"), choices=", ".join(FORMATS))
            )
        if value["language"] and value["language"] not in ("nl", "en"):
            problems.append(_problem(at("language"), gettext_noop("must be nl or en")))
        for column in ("online", "is_basic"):
            if value[column].lower() not in TRUE | FALSE:
                problems.append(_problem(at(column), gettext_noop("write yes or no")))
        try:
            cost = Decimal(value["cost"].replace(",", ".")) if value["cost"] else Decimal(0)
            if cost < 0 or cost >= 1_000_000:
                raise InvalidOperation
        except InvalidOperation:
            problems.append(
                _problem(at("cost"), gettext_noop("“%(value)s” is not an amount in euros"), value=value["cost"])
            )
            cost = Decimal(0)
        for column, limit in (("title_nl", 200), ("title_en", 200), ("location", 200), ("credential", 200)):
            if len(value[column]) > limit:
                problems.append(_problem(at(column), gettext_noop("is longer than %(limit)s characters"), limit=limit))
        module = ModuleRow(
            row=row,
            code=value["code"][:40],
            fields={
                "title_nl": value["title_nl"][:200],
                "title_en": value["title_en"][:200],
                "description": value["description"],
                "hours": _int(value["hours"], at("hours"), problems, 1, 10_000) if value["hours"] else 1,
                "duration_weeks": _int(value["duration_weeks"], at("duration_weeks"), problems, 1, 104)
                if value["duration_weeks"]
                else 1,
                "format": value["format"],
                "location": value["location"][:200],
                "online": value["online"].lower() in TRUE,
                "cost": cost,
                "language": value["language"],
                "credential": value["credential"][:200],
                "is_basic": value["is_basic"].lower() in TRUE,
            },
            outcomes=_levels(value["outcomes"], at("outcomes"), problems),
            prerequisite_modules=[p.strip() for p in value["prerequisite_modules"].split("|") if p.strip()],
            prerequisite_levels=_levels(value["prerequisite_levels"], at("prerequisite_levels"), problems),
            runs=_runs(value["runs"], at("runs"), problems),
        )
        modules.append(module)
    for module in modules:
        for code in module.prerequisite_modules:
            if code not in codes | known_codes:
                problems.append(
                    _problem(
                        (module.row, "prerequisite_modules"),
                        gettext_noop("there is no module “%(code)s” in the sheet or in the offer"),
                        code=code,
                    )
                )
    if problems:
        raise OfferSheetError(problems)
    return modules


NOT_UTF8 = gettext_noop("the file is not UTF-8 text; in Excel, save it as “CSV UTF-8”")
BROKEN_CSV = gettext_noop("the file is not valid CSV: %(error)s")
NOT_A_WORKBOOK = gettext_noop("the file is not an Excel workbook (.xlsx): %(error)s")


def _missing_columns(missing: list[str]) -> SheetProblem:
    return _problem((1, ""), gettext_noop("missing column(s): %(columns)s"), columns=", ".join(missing))


def read_csv(raw: bytes) -> list[tuple[int, dict]]:
    try:
        reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise OfferSheetError([_missing_columns(missing)])
        records, line = [], reader.line_num
        for record in reader:
            records.append((line + 1, record))
            line = reader.line_num
        return records
    except UnicodeDecodeError:
        raise OfferSheetError([_problem((1, ""), NOT_UTF8)]) from None
    except csv.Error as error:
        raise OfferSheetError([_problem((None, ""), BROKEN_CSV, error=str(error))]) from None


def read_xlsx(raw: bytes) -> list[tuple[int, dict]]:
    try:
        sheet = load_workbook(io.BytesIO(raw), read_only=True, data_only=True).worksheets[0]
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise OfferSheetError([_problem((1, ""), NOT_A_WORKBOOK, error=type(error).__name__)]) from None
    rows = list(sheet.iter_rows(values_only=True))
    header = [str(v).strip() if v is not None else "" for v in (rows[0] if rows else [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise OfferSheetError([_missing_columns(missing)])
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if any(v not in (None, "") for v in row):
            cells = {
                h: ("" if v is None else (v.isoformat() if isinstance(v, datetime.date) else v))
                for h, v in zip(header, row, strict=False)
            }
            records.append((number, cells))
    return records


def write_rows(rows: list[dict]) -> tuple[bytes, bytes]:
    """The rows (column -> value) as CSV bytes and as Excel bytes."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Modules"
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row.get(c, "") for c in COLUMNS])
    excel = io.BytesIO()
    workbook.save(excel)
    return ("\ufeff" + buffer.getvalue()).encode(), excel.getvalue()
