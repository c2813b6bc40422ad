"""Catalogue files in and out: what is downloaded uploads again; a broken file says where and imports nothing."""

import csv
import io
import json

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhw.skills.catalogue_export import published_versions, to_csv, to_json, to_xlsx
from mhw.skills.catalogue_import import CatalogueImportError, import_catalogue, read_catalogue_file
from mhw.skills.models import UloStatus, UloVersion

pytestmark = pytest.mark.django_db
WRITERS = {"json": to_json, "csv": to_csv, "xlsx": to_xlsx}


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_a_downloaded_catalogue_uploads_as_drafts_with_the_same_text_and_new_codes(world, fmt):
    source = world.skills.published
    raw = WRITERS[fmt](published_versions())
    created = import_catalogue(world.user("teacher"), campus=world.campus_a, raw=raw, fmt=fmt)
    assert len(created) == 1
    copy = created[0]
    assert copy.status == UloStatus.DRAFT
    assert (copy.statement_nl, copy.statement_en, copy.eqf_level) == (
        source.statement_nl,
        source.statement_en,
        source.eqf_level,
    )
    assert [i.text_in("nl") for i in copy.items.all()] == [i.text_in("nl") for i in source.items.all()]
    assert not {i.code for i in copy.items.all()} & {i.code for i in source.items.all()}


def test_every_problem_of_a_json_file_is_reported_with_its_path(world):
    document = json.loads(to_json(published_versions()))
    document["ulos"][0]["eqf_level"] = 12
    document["ulos"][0]["items"][1]["kind"] = "talent"
    document["ulos"][0]["items"][2]["object_en"] = ""
    with pytest.raises(CatalogueImportError) as error:
        read_catalogue_file(json.dumps(document).encode(), "json")
    assert {p.where for p in error.value.problems} == {"ulos[0]", "ulos[0].items[1]", "ulos[0].items[2]"}


def test_a_csv_problem_names_its_line_and_nothing_is_imported(world):
    rows = list(csv.reader(io.StringIO(to_csv(published_versions()).decode("utf-8-sig"))))
    rows[3][rows[0].index("item_kind")] = "skil"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    before = UloVersion.objects.count()
    with pytest.raises(CatalogueImportError) as error:
        import_catalogue(world.user("teacher"), campus=world.campus_a, raw=buffer.getvalue().encode(), fmt="csv")
    # Each record spans two lines (the tasks field holds a line break): the third record starts on line 6.
    assert [p.where for p in error.value.problems] == ["line 6"]
    assert UloVersion.objects.count() == before


@given(noise=st.binary(max_size=300), fmt=st.sampled_from(["json", "csv", "xlsx"]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_arbitrary_bytes_are_refused_cleanly_or_imported_whole(world, noise, fmt):
    before = UloVersion.objects.count()
    created, problems = _attempt(world, noise, fmt)
    assert all(p.where and p.message for p in problems)
    assert UloVersion.objects.count() == before + len(created)
    assert bool(created) != bool(problems)


def _attempt(world, raw, fmt):
    try:
        return import_catalogue(world.user("teacher"), campus=world.campus_a, raw=raw, fmt=fmt), []
    except CatalogueImportError as error:
        return [], error.problems


def test_the_upload_page_reports_problems_in_the_page(world, client_for):
    upload = io.BytesIO(b'{"format": "something else"}')
    upload.name = "catalogus.json"
    response = client_for(world.user("teacher")).post(
        reverse("catalogue_import"), {"campus": world.campus_a.pk, "file": upload}
    )
    assert response.status_code == 200
    assert response.context["problems"]
    upload = io.BytesIO(to_xlsx(published_versions()))
    upload.name = "catalogus.xlsx"
    response = client_for(world.user("teacher")).post(
        reverse("catalogue_import"), {"campus": world.campus_a.pk, "file": upload}
    )
    assert response.status_code == 302


def test_numbers_and_dates_in_excel_cells_are_read_as_the_text_a_csv_holds(world):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(to_xlsx(published_versions())))
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=header.index("ulo_code") + 1, value=20261206)
        sheet.cell(row=row, column=header.index("eqf_level") + 1, value=4.0)
    buffer = io.BytesIO()
    workbook.save(buffer)
    created = import_catalogue(world.user("teacher"), campus=world.campus_a, raw=buffer.getvalue(), fmt="xlsx")
    assert [version.eqf_level for version in created] == [4]


def _csv_with_a_bad_kind() -> bytes:
    rows = list(csv.reader(io.StringIO(to_csv(published_versions()).decode("utf-8-sig"))))
    rows[3][rows[0].index("item_kind")] = "skil"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


def test_an_import_problem_is_worded_in_the_language_active_when_it_is_read(world):
    with pytest.raises(CatalogueImportError) as error:
        read_catalogue_file(_csv_with_a_bad_kind(), "csv")
    [problem] = error.value.problems
    assert problem.where == "line 6"
    with translation.override("nl"):
        assert str(problem) == "regel 6: kind moet een van deze zijn: knowledge, responsibility, skill, niet “skil”"
    with translation.override("en"):
        assert str(problem) == "line 6: kind must be one of knowledge, responsibility, skill, not “skil”"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", ["<code>regel 6</code> kind moet een van deze zijn", "<code>bestand</code> verwacht een object"]),
        ("en", ["<code>line 6</code> kind must be one of", "<code>file</code> expected an object with the format"]),
    ],
)
def test_the_upload_page_words_the_problems_in_the_users_language(world, client_for, language, expected):
    client = client_for(world.user("teacher"))
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    pages = []
    for name, raw in (("catalogus.csv", _csv_with_a_bad_kind()), ("catalogus.json", b'{"format": "something else"}')):
        upload = io.BytesIO(raw)
        upload.name = name
        response = client.post(reverse("catalogue_import"), {"campus": world.campus_a.pk, "file": upload})
        assert response.status_code == 200
        pages.append(response.content.decode())
    assert all(text in page for text, page in zip(expected, pages, strict=True))
