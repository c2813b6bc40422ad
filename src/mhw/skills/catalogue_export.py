"""Download of the published catalogue as JSON, CSV or Excel: one shape, three formats.

JSON nests items (and their taxonomy links) in their ULO; CSV and Excel have one row per item with the ULO's fields
repeated, which is what campuses open in a spreadsheet.
"""

import csv
import io
import json

from openpyxl import Workbook

from mhw.skills.models import UloVersion
from mhw.skills.services.catalogue import ITEM_FIELDS, VERSION_FIELDS

FORMAT_NAME = "mhw-skills-catalogue"
ROW_COLUMNS = [
    "ulo_code",
    "ulo_version",
    "status",
    *VERSION_FIELDS,
    "statement_nl",
    "statement_en",
    "item_code",
    "item_kind",
    # Item fields carry a prefix: a ULO and its items both have verb_nl, context_nl, ...
    *(f"item_{name}" for name in ITEM_FIELDS),
    "item_links",
]


def published_versions():
    return UloVersion.objects.published().select_related("ulo").prefetch_related("items__links").order_by("ulo__code")


def _link_text(item) -> str:
    return " | ".join(f"{link.scheme}:{link.concept_uri}" for link in item.links.all())


def as_document(versions) -> dict:
    return {
        "format": FORMAT_NAME,
        "format_version": 1,
        "ulos": [
            {
                "code": v.ulo.code,
                "version": v.number,
                "status": v.status,
                **{name: getattr(v, name) for name in VERSION_FIELDS},
                "statement_nl": v.statement_nl,
                "statement_en": v.statement_en,
                "items": [
                    {
                        "code": item.code,
                        "kind": item.kind,
                        **{name: getattr(item, name) for name in ITEM_FIELDS},
                        "links": [
                            {"scheme": link.scheme, "concept_uri": link.concept_uri, "label": link.preferred_label}
                            for link in item.links.all()
                        ],
                    }
                    for item in v.items.all()
                ],
            }
            for v in versions
        ],
    }


def as_rows(versions):
    for v in versions:
        head = [
            v.ulo.code,
            v.number,
            v.status,
            *(getattr(v, n) for n in VERSION_FIELDS),
            v.statement_nl,
            v.statement_en,
        ]
        for item in v.items.all():
            yield [*head, item.code, item.kind, *(getattr(item, n) for n in ITEM_FIELDS), _link_text(item)]


def to_json(versions) -> bytes:
    return json.dumps(as_document(versions), ensure_ascii=False, indent=2).encode()


def to_csv(versions) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(ROW_COLUMNS)
    writer.writerows(as_rows(versions))
    # A byte-order mark, so that Excel opens the UTF-8 file with the right accents.
    return ("\ufeff" + buffer.getvalue()).encode()


def to_xlsx(versions) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "SkillsCatalogus"
    sheet.append(ROW_COLUMNS)
    for row in as_rows(versions):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


EXPORTERS = {
    "json": (to_json, "application/json", "json"),
    "csv": (to_csv, "text/csv; charset=utf-8", "csv"),
    "xlsx": (to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}
