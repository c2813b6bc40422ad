"""Consistent backups of the platform's database while it runs, and restoring one.

SQLite: SQLite's online backup copies a consistent snapshot page by page even while the platform writes.
PostgreSQL: ``pg_dump`` reads everything in one transaction (so it is consistent) into its custom format;
``pg_restore`` replaces the database's tables with the backup's in a single transaction.
"""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection


class BackupError(RuntimeError):
    """A backup or restore could not be made; the message says why (the database tool's own words)."""


def _postgres_environment() -> tuple[list[str], dict]:
    settings = connection.settings_dict
    arguments = ["--dbname", settings["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            arguments += [option, str(settings[key])]
    environment = {**os.environ}
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = settings["PASSWORD"]
    return arguments, environment


def _run(command: list[str], environment: dict) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=3600, check=False)
    if result.returncode != 0:
        raise BackupError(result.stderr.strip() or f"{command[0]} failed")


def backup(path: Path) -> None:
    """Write a consistent copy of the whole database to `path`."""
    path = Path(path)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        target.close()
    elif connection.vendor == "postgresql":
        arguments, environment = _postgres_environment()
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(path), *arguments], environment)
    else:
        raise BackupError(f"no backup for {connection.vendor}")


def restore(path: Path) -> None:
    """Replace the database's contents with the backup at `path`, all at once."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"no backup at {path}")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as source:
            source.backup(connection.connection)
        source.close()
    elif connection.vendor == "postgresql":
        arguments, environment = _postgres_environment()
        connection.close()  # let pg_restore take the tables
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *arguments, str(path)],
             environment)  # fmt: skip
    else:
        raise BackupError(f"no restore for {connection.vendor}")
