"""A crash loses nothing that was acknowledged: the platform runs as a real gunicorn server while a client keeps
writing (API tokens, each with its audit event), and the server is killed with SIGKILL in the middle of that,
again and again. Every write the client was answered 201 for is in the database afterwards, and the database's
own integrity checks are clean."""

import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from mhw.accounts import services
from mhw.accounts.models import ApiToken
from tests.factories import UserFactory
from tests.shared_database import shared_cursor, shared_database_url

pytestmark = pytest.mark.django_db(transaction=True)

CRASHES = 5
ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_server(port: int, database_url: str) -> subprocess.Popen:
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment |= {"DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "mhw.settings"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "mhw.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except OSError:
            time.sleep(0.1)
    os.killpg(server.pid, signal.SIGKILL)
    pytest.fail("the server did not start")


def _write_until_stopped(port: int, token: str, stop: threading.Event, acknowledged: list[str], prefix: str):
    number = 0
    while not stop.is_set():
        name = f"{prefix}-{number}"
        number += 1
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/tokens", data=json.dumps({"name": name}).encode(), method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                if response.status == 201:
                    acknowledged.append(name)
        except (OSError, urllib.error.HTTPError):
            continue  # not acknowledged: the server was killed during the request or before it


def test_killing_the_server_during_writes_loses_no_acknowledged_write(tmp_path):
    user = UserFactory()
    _token, raw = services.create_api_token(user, name="writer")
    url = shared_database_url(tmp_path)
    port, acknowledged, rng = _free_port(), [], random.Random(2026)
    for crash in range(CRASHES):
        server = _start_server(port, url)
        stop = threading.Event()
        writer = threading.Thread(target=_write_until_stopped, args=(port, raw, stop, acknowledged, f"crash{crash}"))
        writer.start()
        time.sleep(rng.uniform(0.5, 1.5))
        os.killpg(server.pid, signal.SIGKILL)  # the master and its workers, in the middle of whatever they do
        server.wait(timeout=30)
        stop.set()
        writer.join(timeout=30)
    assert len(acknowledged) > CRASHES * 3  # the client did get writes through between the crashes

    with shared_cursor(url) as cursor:
        cursor.execute(f"SELECT name FROM {ApiToken._meta.db_table} WHERE user_id = {int(user.pk)}")
        stored = {row[0] for row in cursor.fetchall()}
        assert set(acknowledged) <= stored
        if url.startswith("sqlite"):
            cursor.execute("PRAGMA integrity_check")
            assert cursor.fetchall() == [("ok",)]
            cursor.execute("PRAGMA foreign_key_check")
            assert cursor.fetchall() == []
        else:
            for table in ("accounts_apitoken", "accounts_auditevent"):
                cursor.execute(f"SELECT COUNT(*) FROM {table}")  # every page of the table is readable
                assert cursor.fetchone()[0] >= len(acknowledged)
