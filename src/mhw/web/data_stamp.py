"""Stamps of the data: per table, a number that grows with every committed write to it, whatever wrote it (a
service, a bulk update, an import, a management command, raw SQL); all of them read in one small query. With
`reading()`, the tables a piece of work reads, so that what it produced can be checked later against the stamps of
just those tables.

Every write statement (one that begins with INSERT, UPDATE, DELETE or REPLACE, as all the ORM's writes do) that
passes through Django's database layer also counts one write for its table in `DataStamp`, in the same transaction,
or right after the statement when there is none: nobody sees a new stamp with the data before the write, and a
rolled-back write counts nothing. A table's stamp is the sum of its rows.

The rows never make one writer wait for another. SQLite writes one transaction at a time anyway (IMMEDIATE), so it
counts in one row per table. On PostgreSQL a transaction counts in any row of the table's that no other transaction
holds (FOR UPDATE SKIP LOCKED), or in a new row when all are held: no wait, so no deadlock, and no more rows per
table than writers at the busiest moment.

Writes to the sessions table do not count: a login or a session's new expiry changes no page's data. Nor does the
time of a login that Django notes in the user's row: no page shows it (the personal-data export that holds it is
audited, so drawn every time), while every page reads the user table, so a login anywhere would otherwise count as a
change to every page.
"""

import contextlib
import random
import re

from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate

TABLE = "web_datastamp"
_UNCOUNTED = (TABLE, "django_session")
_UNSEEN = frozenset({'UPDATE "accounts_user" SET "last_login" = %s WHERE "accounts_user"."id" = %s'})
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
_NAMED_AFTER_FROM_OR_JOIN = re.compile(r'\b(?:FROM|JOIN)\s+"?([A-Za-z_]\w*)', re.IGNORECASE)
_READ = f"SELECT table_name, SUM(writes) FROM {TABLE} GROUP BY table_name"
_COUNT_IN_THE_ROW = (
    f"INSERT INTO {TABLE} (table_name, slot, writes) VALUES (%s, 0, 1) "
    f"ON CONFLICT (table_name, slot) DO UPDATE SET writes = {TABLE}.writes + 1"
)
_COUNT_IN_A_FREE_ROW = (
    f"WITH free AS (SELECT id FROM {TABLE} WHERE table_name = %s LIMIT 1 FOR UPDATE SKIP LOCKED) "
    f"UPDATE {TABLE} SET writes = {TABLE}.writes + 1 FROM free WHERE {TABLE}.id = free.id RETURNING 1"
)
_COUNT_IN_A_NEW_ROW = f"INSERT INTO {TABLE} (table_name, slot, writes) VALUES (%s, %s, 1)"
_LARGEST_SLOT = 2**31 - 1


def stamps(using: str = "default") -> dict[str, int]:
    """Each written table's stamp as this connection sees the data now (a table never written is not named: 0)."""
    with connections[using].cursor() as cursor:
        cursor.execute(_READ)
        return {table: int(writes) for table, writes in cursor.fetchall()}


@contextlib.contextmanager
def reading(using: str = "default"):
    """The names of the tables the statements run inside the block read (a set, filled as they run)."""
    connection = connections[using]
    outer, connection.mhw_reads = getattr(connection, "mhw_reads", None), set()
    try:
        yield connection.mhw_reads
    finally:
        read, connection.mhw_reads = connection.mhw_reads, outer
        if outer is not None:
            outer |= read


def writes_seen(using: str = "default") -> int:
    """How many write statements this connection has run (any table): to tell whether a request wrote."""
    return getattr(connections[using], "mhw_writes", 0)


def _writes_to(sql: str) -> str | None:
    """The table a write statement writes to (as Django quotes it, lower case), or None for anything else."""
    head = sql.lstrip()[:160]
    verb = head[:7].upper()
    if not verb.startswith(_WRITES):
        return None
    words = head.replace('"', " ").replace("`", " ").split()
    for i, word in enumerate(words[:-1]):
        if word.upper() in ("INTO", "UPDATE", "FROM"):
            return words[i + 1].lower()
    return ""


def _count_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if not isinstance(sql, str):
        return result
    connection = context["connection"]
    reads = getattr(connection, "mhw_reads", None)
    if reads is not None:
        reads.update(name.lower() for name in _NAMED_AFTER_FROM_OR_JOIN.findall(sql) if name.lower() != TABLE)
    table = _writes_to(sql)
    if table is None or table == TABLE:
        return result
    connection.mhw_writes = getattr(connection, "mhw_writes", 0) + 1
    if table not in _UNCOUNTED and sql not in _UNSEEN and _ready(connection):
        _count(connection, table)
    return result


def _count(connection, table: str) -> None:
    # A cursor of its own (the statement's may still hold rows to read, as INSERT ... RETURNING does), and a raw one:
    # past the wrappers (this one included) and the debug log; its errors are Django's, as the statement's are.
    with connection.wrap_database_errors:
        cursor = connection.create_cursor()
        try:
            if connection.vendor != "postgresql":
                cursor.execute(_COUNT_IN_THE_ROW, (table,))
                return
            cursor.execute(_COUNT_IN_A_FREE_ROW, (table,))
            if cursor.fetchone() is None:
                # Every row of the table's is held by a transaction still running: a row of its own (a random slot,
                # so that two writers doing this at once do not meet on one key).
                cursor.execute(_COUNT_IN_A_NEW_ROW, (table, random.randint(1, _LARGEST_SLOT)))
        finally:
            cursor.close()


def _ready(connection) -> bool:
    """Whether the stamp's table exists yet (not while the first migrations run)."""
    ready = getattr(connection, "mhw_stamp_ready", None)
    if ready is None:
        ready = connection.mhw_stamp_ready = TABLE in connection.introspection.table_names()
    return ready


def _install(sender, connection, **kwargs) -> None:
    connection.mhw_stamp_ready = None  # asked again on every new connection: the table may have come since
    if _count_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_count_writes)


def _after_migrate(sender, using="default", **kwargs) -> None:
    connections[using].mhw_stamp_ready = None


def connect() -> None:
    """Count the writes of every database connection, from now on (called once, when the apps are ready)."""
    connection_created.connect(_install, dispatch_uid="mhw-data-stamp")
    post_migrate.connect(_after_migrate, dispatch_uid="mhw-data-stamp")
    for connection in connections.all(initialized_only=True):
        _install(None, connection)
