"""Every import fed broken files made from valid ones (tests/broken_files.py): each is imported whole or refused
whole with problems that say where (line, row, field or cell), never half, never with an unexpected exception.

The ESCO import and credential verification have their own fuzz tests (tests/skills/test_esco_import.py,
tests/credentials/test_verify_fuzz.py)."""

import io
from contextlib import contextmanager

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhw.learning.models import Module, ModuleOutcome, ModuleRun
from mhw.learning.offer_sheet import write_rows
from mhw.learning.services import as_row
from mhw.skills.catalogue_export import published_versions, to_csv, to_json, to_xlsx
from mhw.skills.catalogue_import import CatalogueImportError, import_catalogue
from mhw.skills.mapping_sheet import MappingGrid, SheetError, read_workbook, write_workbook
from mhw.skills.models import UloItem, UloVersion
from tests.broken_files import damaged_bytes, damaged_csv, damaged_xlsx

pytestmark = pytest.mark.django_db
fuzz = settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@contextmanager
def database_as_it_was():
    """Each example meets the database the test started with. The valid file each example damages is written from
    the database, so what one example imported would change the next one's draws (hypothesis refuses that)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _offer_counts() -> tuple[int, int, int]:
    return Module.objects.count(), ModuleRun.objects.count(), ModuleOutcome.objects.count()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@given(data=st.data())
@fuzz
def test_a_broken_offer_file_is_refused_whole_in_the_page_with_its_rows(world, client_for, data, fmt):
    with database_as_it_was():
        _upload_a_broken_offer_file(world, client_for, data, fmt)


def _upload_a_broken_offer_file(world, client_for, data, fmt):
    csv_bytes, xlsx_bytes = write_rows([as_row(world.module_a)])
    raw = data.draw(damaged_csv(csv_bytes) if fmt == "csv" else damaged_xlsx(xlsx_bytes), label="file")
    before = _offer_counts()
    upload = io.BytesIO(raw)
    upload.name = f"aanbod.{fmt}"
    client = client_for(world.user("provider_staff"))
    response = client.post(reverse("offer_upload", args=[world.provider_a.pk]), {"format": fmt, "file": upload})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        problems = response.context["problems"] or []
        form_errors = response.context["form"].errors
        assert problems or form_errors
        assert all(p.where.startswith(("row", "file")) and p.message for p in problems)
        assert _offer_counts() == before


CATALOGUE_WRITERS = {"json": to_json, "csv": to_csv, "xlsx": to_xlsx}


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
@given(data=st.data())
@fuzz
def test_a_broken_catalogue_file_is_imported_whole_or_refused_with_where(world, data, fmt):
    with database_as_it_was():
        _import_a_broken_catalogue_file(world, data, fmt)


def _import_a_broken_catalogue_file(world, data, fmt):
    valid = CATALOGUE_WRITERS[fmt](published_versions())
    damage = {"json": damaged_bytes, "csv": damaged_csv, "xlsx": damaged_xlsx}[fmt]
    raw = data.draw(damage(valid), label="file")
    versions, items = UloVersion.objects.count(), UloItem.objects.count()
    created, problems = _import_catalogue(world, raw, fmt)
    assert bool(created) != bool(problems)
    assert all(p.where and p.message for p in problems)
    assert UloVersion.objects.count() == versions + len(created)
    assert UloItem.objects.count() == items + sum(version.items.count() for version in created)


def _import_catalogue(world, raw: bytes, fmt: str):
    try:
        return import_catalogue(world.user("teacher"), campus=world.campus_a, raw=raw, fmt=fmt), []
    except CatalogueImportError as error:
        return [], error.problems


GRID = MappingGrid(
    roles=[("Monteur", "Fitter"), ("Engineer", "Engineer")],
    specialisms=[(1, "ATEX", "ATEX"), (2, "Druk", "Pressure")],
    cells={(0, 0): (1, 3), (0, 1): (2, 2), (1, 0): (2, 4), (1, 1): (3, 4)},
)


@given(data=st.data())
@fuzz
def test_a_broken_mapping_sheet_is_read_whole_or_refused_with_its_cells(data):
    raw = data.draw(damaged_xlsx(write_workbook(GRID)), label="file")
    grid, problems = _read_sheet(raw)
    assert (grid is None) == bool(problems)
    assert all(problem.cell and problem.message for problem in problems)
    if grid is not None:
        assert all(0 <= level <= 5 for pair in grid.cells.values() for level in pair)


def _read_sheet(raw: bytes):
    try:
        return read_workbook(raw), []
    except SheetError as error:
        return None, error.problems
