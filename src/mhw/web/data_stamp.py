"""A stamp of the data: a number that grows with every committed write to the database, whatever wrote it (a
service, a bulk update, an import, a management command, raw SQL), read in one small query.

Every write statement (one that begins with INSERT, UPDATE, DELETE or REPLACE, as all the ORM's writes do) that
passes through Django's database layer also counts one write in a row of `DataStamp`, in the same transaction, or
right after the statement when there is none: nobody sees a new stamp with the data before the write, and a
rolled-back write counts nothing. The stamp is the sum of the rows.

The rows never make one writer wait for another. SQLite writes one transaction at a time anyway (IMMEDIATE), so it
counts in one row. On PostgreSQL a transaction counts in any row no other transaction holds (FOR UPDATE SKIP
LOCKED), or in a new row when all are held: no wait, so no deadlock, and no more rows than writers at the busiest
moment.

Writes to the sessions table do not count: a login or a session's new expiry changes no page's data.
"""

import random

from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate

TABLE = "web_datastamp"
_UNCOUNTED = (TABLE, "django_session")
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
_READ = f"SELECT COALESCE(SUM(writes), 0) FROM {TABLE}"
_COUNT_IN_THE_ROW = (
    f"INSERT INTO {TABLE} (slot, writes) VALUES (0, 1) ON CONFLICT (slot) DO UPDATE SET writes = {TABLE}.writes + 1"
)
_COUNT_IN_A_FREE_ROW = (
    f"WITH free AS (SELECT slot FROM {TABLE} LIMIT 1 FOR UPDATE SKIP LOCKED) "
    f"UPDATE {TABLE} SET writes = {TABLE}.writes + 1 FROM free WHERE {TABLE}.slot = free.slot RETURNING 1"
)
_COUNT_IN_A_NEW_ROW = f"INSERT INTO {TABLE} (slot, writes) VALUES (%s, 1)"
_LARGEST_SLOT = 2**31 - 1


def current(using: str = "default") -> int:
    """The stamp as this connection sees the data now."""
    with connections[using].cursor() as cursor:
        cursor.execute(_READ)
        return int(cursor.fetchone()[0])


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
    table = _writes_to(sql) if isinstance(sql, str) else None
    if table is None or table == TABLE:
        return result
    connection = context["connection"]
    connection.mhw_writes = getattr(connection, "mhw_writes", 0) + 1
    if table not in _UNCOUNTED and _ready(connection):
        _count(connection)
    return result


def _count(connection) -> None:
    # A cursor of its own (the statement's may still hold rows to read, as INSERT ... RETURNING does), and a raw one:
    # past the wrappers (this one included) and the debug log; its errors are Django's, as the statement's are.
    with connection.wrap_database_errors:
        cursor = connection.create_cursor()
        try:
            if connection.vendor != "postgresql":
                cursor.execute(_COUNT_IN_THE_ROW)
                return
            cursor.execute(_COUNT_IN_A_FREE_ROW)
            if cursor.fetchone() is None:
                # Every row is held by a transaction still running: a row of its own (a random slot, so that two
                # writers doing this at once do not meet on one key).
                cursor.execute(_COUNT_IN_A_NEW_ROW, (random.randint(1, _LARGEST_SLOT),))
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
