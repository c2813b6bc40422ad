"""Reading learning outcomes from a file (the catalogue's own JSON, CSV or Excel download shape) into drafts.

Every problem is reported with where it is (JSON path, CSV line, Excel row); nothing is imported unless the whole file
is valid. Imported ULOs become drafts of the chosen campus with newly generated codes: codes are never taken from a
file, so they stay unique, and imported outcomes go through expert review like any other. A problem keeps its message
as a lazy msgid with named placeholders and their values, so it is worded in the language of whoever reads it.
"""

import csv
import datetime
import io
import json
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from mhw.skills.catalogue_export import FORMAT_NAME
from mhw.skills.models import UloItem
from mhw.skills.services.catalogue import ITEM_FIELDS, VERSION_FIELDS, create_ulo

TEXT_LIMITS = {"title_nl": 200, "title_en": 200, "tasks": 5000, "functions": 5000}
KINDS = set(UloItem.Kind.values)
PLACES = {"line": _("line %(number)s"), "row": _("row %(number)s")}
TOO_LONG = _("%(field)s is longer than %(limit)s characters")
EMPTY = _("%(field)s is empty")


@dataclass(frozen=True)
class ImportProblem:
    """One problem of the file: where it is, in the file's own terms as the code names them ("ulos[0].items[1]",
    "line 6", "row 2", "json" or "file" for the file as a whole), and what is wrong: a lazy msgid with %(name)s
    placeholders (`text`) and the values that fill them (`params`). `place` and `message` read them in the active
    language."""

    where: str
    text: str | Promise
    params: dict = field(default_factory=dict, hash=False)

    @property
    def place(self) -> str:
        unit, _sep, number = self.where.partition(" ")
        if unit in PLACES and number.isdigit():
            return PLACES[unit] % {"number": number}
        return str(_("file")) if self.where in ("json", "file") else self.where

    @property
    def message(self) -> str:
        return str(self.text) % self.params

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


class CatalogueImportError(Exception):
    def __init__(self, problems: list[ImportProblem]):
        super().__init__("; ".join(str(p) for p in problems[:20]))
        self.problems = problems


def _check_ulo(ulo: dict, where: str, problems: list[ImportProblem]) -> dict:
    data = {}
    for name in VERSION_FIELDS:
        value = ulo.get(name, "")
        if name in ("eqf_level", "bloom_level"):
            limit = 8 if name == "eqf_level" else 6
            try:
                number = int(str(value).strip())
            except ValueError:
                number = 0
            if not 1 <= number <= limit:
                problems.append(
                    ImportProblem(
                        where,
                        _("%(field)s must be a whole number from 1 to %(limit)s, not “%(value)s”"),
                        {"field": name, "limit": limit, "value": "" if value is None else value},
                    )
                )
            data[name] = number
            continue
        text = "" if value is None else str(value).strip()
        if len(text) > TEXT_LIMITS.get(name, 300):
            problems.append(ImportProblem(where, TOO_LONG, {"field": name, "limit": TEXT_LIMITS.get(name, 300)}))
        data[name] = text
    for name in ("title_nl", "title_en"):
        if not data[name]:
            problems.append(ImportProblem(where, EMPTY, {"field": name}))
    return data


def _check_item(item: dict, where: str, problems: list[ImportProblem]) -> dict:
    kind = str(item.get("kind", "")).strip()
    if kind not in KINDS:
        problems.append(
            ImportProblem(
                where,
                _("%(field)s must be one of %(choices)s, not “%(value)s”"),
                {"field": "kind", "choices": ", ".join(sorted(KINDS)), "value": kind},
            )
        )
    data = {"kind": kind}
    for name in ITEM_FIELDS:
        value = item.get(name, "")
        data[name] = "" if value is None else str(value).strip()
        if len(data[name]) > 300:
            problems.append(ImportProblem(where, TOO_LONG, {"field": name, "limit": 300}))
    for language in ("nl", "en"):
        if not data[f"object_{language}"]:
            problems.append(ImportProblem(where, EMPTY, {"field": f"object_{language}"}))
    return data


def _from_json(raw: bytes, problems) -> list[tuple[dict, list[dict]]]:
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        problems.append(ImportProblem("json", _("the file is not valid JSON: %(error)s"), {"error": str(error)}))
        return []
    if (
        not isinstance(document, dict)
        or document.get("format") != FORMAT_NAME
        or not isinstance(document.get("ulos"), list)
    ):
        problems.append(
            ImportProblem(
                "json",
                _("expected an object with the format “%(format)s” and a list “ulos”, as in a catalogue download"),
                {"format": FORMAT_NAME},
            )
        )
        return []
    result = []
    for i, ulo in enumerate(document["ulos"]):
        where = f"ulos[{i}]"
        if not isinstance(ulo, dict) or not isinstance(ulo.get("items"), list):
            problems.append(ImportProblem(where, _("expected an object with a list “items”")))
            continue
        items = []
        for j, item in enumerate(ulo["items"]):
            if not isinstance(item, dict):
                problems.append(ImportProblem(f"{where}.items[{j}]", _("expected an object")))
                continue
            items.append(_check_item(item, f"{where}.items[{j}]", problems))
        result.append((_check_ulo(ulo, where, problems), items))
    return result


def _from_rows(rows: list[tuple[str, dict]], problems) -> list[tuple[dict, list[dict]]]:
    """Rows of the CSV/Excel shape, grouped into ULOs by their ulo_code (or title when the code is empty)."""
    grouped: dict[str, tuple[dict, list[dict]]] = {}
    for where, row in rows:
        key = (row.get("ulo_code") or "").strip() or (row.get("title_nl") or "").strip()
        if key not in grouped:
            grouped[key] = (_check_ulo(row, where, problems), [])
        item = {"kind": row.get("item_kind", "")} | {name: row.get(f"item_{name}", "") for name in ITEM_FIELDS}
        grouped[key][1].append(_check_item(item, where, problems))
    return list(grouped.values())


def _check_header(header: list[str], where: str, problems) -> bool:
    required = ("title_nl", "title_en", "eqf_level", "bloom_level", "item_kind", "item_object_nl", "item_object_en")
    missing = [column for column in required if column not in header]
    if missing:
        problems.append(ImportProblem(where, _("missing column(s): %(columns)s"), {"columns": ", ".join(missing)}))
    return not missing


def _from_csv(raw: bytes, problems):
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(ImportProblem("line 1", _("the file is not UTF-8 text; in Excel, save it as “CSV UTF-8”")))
        return []
    reader = csv.DictReader(io.StringIO(text))
    if not _check_header(reader.fieldnames or [], "line 1", problems):
        return []
    rows = []
    line = reader.line_num
    try:
        for row in reader:
            rows.append((f"line {line + 1}", row))
            line = reader.line_num
    except csv.Error as error:
        problems.append(
            ImportProblem(f"line {reader.line_num}", _("the file is not valid CSV: %(error)s"), {"error": str(error)})
        )
    return _from_rows(rows, problems)


def _from_xlsx(raw: bytes, problems):
    try:
        sheet = load_workbook(io.BytesIO(raw), read_only=True, data_only=True).worksheets[0]
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        problems.append(
            ImportProblem(
                "row 1", _("the file is not an Excel workbook (.xlsx): %(error)s"), {"error": type(error).__name__}
            )
        )
        return []
    values = list(sheet.iter_rows(values_only=True))
    header = ["" if v is None else str(v).strip() for v in (values[0] if values else [])]
    if not _check_header(header, "row 1", problems):
        return []
    rows = [
        (f"row {n}", dict(zip(header, [_cell_text(v) for v in row], strict=False)))
        for n, row in enumerate(values[1:], start=2)
        if any(v not in (None, "") for v in row)
    ]
    return _from_rows(rows, problems)


def _cell_text(value) -> str:
    """A cell as the text a CSV file would hold: Excel stores 4 as the number 4.0 and dates as dates."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


READERS = {"json": _from_json, "csv": _from_csv, "xlsx": _from_xlsx}


def read_catalogue_file(raw: bytes, fmt: str) -> list[tuple[dict, list[dict]]]:
    """Parse and check a whole file; CatalogueImportError lists every problem."""
    problems: list[ImportProblem] = []
    ulos = READERS[fmt](raw, problems)
    if not ulos and not problems:
        problems.append(ImportProblem("file", _("the file holds no learning outcomes")))
    if problems:
        raise CatalogueImportError(problems)
    return ulos


@transaction.atomic
def import_catalogue(actor, *, campus, raw: bytes, fmt: str) -> list:
    """Create a draft per ULO in the file, all or none."""
    return [create_ulo(actor, campus=campus, data=data, items=items) for data, items in read_catalogue_file(raw, fmt)]
