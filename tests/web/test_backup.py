"""Backup and restore: a backup taken while the platform holds data, then changes made, then the restore: every
table holds again exactly what it held at the backup, on SQLite and on PostgreSQL alike."""

import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection

from mhw.accounts.models import AuditEvent
from mhw.candidates.models import Candidate
from tests.conftest import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def _tables() -> dict[str, list[tuple]]:
    """Every row of every table the platform's models use, in a stable order."""
    contents = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True, include_views=False)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            contents[table] = sorted(tuple(map(repr, row)) for row in cursor.fetchall())
    return contents


def test_a_backup_restores_every_table_as_it_was(tmp_path):
    world = build_world()
    before = _tables()
    assert sum(len(rows) for rows in before.values()) > 100
    call_command("backup_database", tmp_path / "mhw.backup", stdout=io.StringIO())
    Candidate.objects.filter(pk=world.candidate_b.pk).update(first_name="Veranderd")
    AuditEvent.objects.create(action="test.after_backup")
    assert _tables() != before
    call_command("restore_database", tmp_path / "mhw.backup", "--yes", stdout=io.StringIO())
    assert _tables() == before
    assert apps.get_model("candidates", "Candidate").objects.get(pk=world.candidate_b.pk).first_name == "Tarik"


def test_restore_asks_for_confirmation_and_a_missing_backup_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_database", tmp_path / "none.backup")
    with pytest.raises(CommandError, match="no backup"):
        call_command("restore_database", tmp_path / "none.backup", "--yes")
