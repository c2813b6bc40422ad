"""A database other processes can open during a test that commits (django_db(transaction=True)): on PostgreSQL the
test database itself, on SQLite (in memory for the tests) a file copy made with the platform's own online backup."""

import sqlite3
from contextlib import contextmanager

from django.core.management import call_command
from django.db import connection


def shared_database_url(tmp_path) -> str:
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        call_command("backup_database", path, verbosity=0)
        return f"sqlite:///{path}"
    settings = connection.settings_dict
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"


@contextmanager
def shared_cursor(url: str):
    """A cursor on the shared database as the other processes left it."""
    if url.startswith("sqlite:///"):
        database = sqlite3.connect(url.removeprefix("sqlite:///"))
        try:
            yield database.cursor()
        finally:
            database.close()
    else:
        with connection.cursor() as cursor:
            yield cursor
