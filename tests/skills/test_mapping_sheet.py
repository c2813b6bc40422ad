"""The Excel shape of a skills mapping: what is written reads back the same; bad sheets name their cells."""

import io

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from mhw.skills.mapping_sheet import MappingGrid, SheetError, read_workbook, write_workbook
from mhw.skills.models import SkillsMapping
from mhw.skills.views.mapping import sheet_problem_text

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz é", min_size=1, max_size=15).map(str.strip).filter(bool)


@st.composite
def grids(draw):
    roles = draw(st.lists(names, min_size=1, max_size=4, unique=True))
    specialisms = draw(st.lists(names, min_size=1, max_size=8))
    cells = {
        (r, s): (draw(st.integers(0, 5)), draw(st.integers(0, 5)))
        for r in range(len(roles))
        for s in range(len(specialisms))
    }
    return MappingGrid(
        roles=[(name, name.upper()) for name in roles],
        specialisms=[(i + 1, name, name.upper()) for i, name in enumerate(specialisms)],
        cells=cells,
    )


@given(grid=grids())
@settings(deadline=None, max_examples=50)
def test_a_written_workbook_reads_back_to_the_same_grid(grid):
    assert read_workbook(write_workbook(grid)) == grid


def _sheet(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mapping"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


HEADER = ["code", "specialisme", "specialism", "Monteur huidig", "Monteur toekomstig"]


@pytest.mark.parametrize(
    ("rows", "cell"),
    [
        ([HEADER, [1, "ATEX", "ATEX", 2, 7]], "Mapping!E2"),
        ([HEADER, [1, "ATEX", "ATEX", "veel", 3]], "Mapping!D2"),
        ([HEADER, ["een", "ATEX", "ATEX", 1, 3]], "Mapping!A2"),
        ([HEADER, [1, "ATEX", "ATEX", 1, 3], [1, "Druk", "Pressure", 1, 2]], "Mapping!A3"),
        ([HEADER, [2, "", "", 1, 2]], "Mapping!B2"),
        ([["code", "naam"], [1, "x"]], "Mapping!B1"),
        ([[*HEADER[:3], "Monteur huidig", "Lasser toekomstig"], [1, "x", "x", 1, 1]], "Mapping!D1"),
        ([HEADER], "Mapping!A2"),
    ],
)
def test_a_bad_sheet_is_refused_with_the_cell_that_is_wrong(rows, cell):
    with pytest.raises(SheetError) as error:
        read_workbook(_sheet(rows))
    assert cell in [problem.cell for problem in error.value.problems]


@given(data=st.binary(max_size=200))
def test_bytes_that_are_not_a_workbook_are_refused_cleanly(data):
    with pytest.raises(SheetError):
        read_workbook(data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("nl", "Mapping!E2: een niveau is een geheel getal van 0 tot en met 5, niet “7”"),
        ("en", "Mapping!E2: a level is a whole number from 0 to 5, not “7”"),
    ],
)
def test_an_imported_workbook_names_its_problems_in_the_users_language(world, client_for, language, error):
    upload = io.BytesIO(_sheet([HEADER, [1, "ATEX", "ATEX", 2, 7]]))
    upload.name = "mapping.xlsx"
    client = client_for(world.user("broker"))
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post(
        reverse("mapping_create"), {"campus": world.campus_a.pk, "title_nl": "Kapot", "workbook": upload}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["workbook"] == [error]
    assert not SkillsMapping.objects.filter(title_nl="Kapot").exists()


def test_a_workbook_problem_is_worded_in_the_active_language_with_its_cell():
    with pytest.raises(SheetError) as error:
        read_workbook(_sheet([["code", "naam"], [1, "x"]]))
    with pytest.raises(SheetError) as not_a_workbook:
        read_workbook(b"not a workbook")
    problems = [*error.value.problems, *not_a_workbook.value.problems]
    with translation.override("nl"):
        assert [sheet_problem_text(p) for p in problems] == [
            "Mapping!B1: verwacht de kolom “specialisme”",
            "Mapping!C1: verwacht de kolom “specialism”",
            "Mapping!D1: elke rol heeft twee kolommen nodig: “<rol> huidig” en “<rol> toekomstig”",
            "het bestand is geen Excel-werkmap (.xlsx): BadZipFile",
        ]
    with translation.override("en"):
        assert sheet_problem_text(problems[0]) == "Mapping!B1: expected the column “specialisme”"
        assert sheet_problem_text(problems[-1]) == "the file is not an Excel workbook (.xlsx): BadZipFile"
    assert str(problems[0]) == "Mapping!B1: expected the column “specialisme”"  # the sheet module's own English
