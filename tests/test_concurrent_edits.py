"""Nothing is lost under concurrency: two processes edit the same candidate 100 times each, through the API and the
edit page, each round reading the same version and then saving at the same moment. Exactly one save wins every
round; the other is told the record was changed by someone else (409 from the API, the message in the page), and
the record ends with every winning change counted and the last one in place."""

import html
import multiprocessing
import queue

import pytest
from django.utils import translation

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.models import AuditEvent
from mhw.candidates.models import Candidate
from tests.concurrent_editor import edit_rounds
from tests.conftest import build_world
from tests.shared_database import shared_cursor, shared_database_url

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 100


def test_two_processes_editing_one_record_lose_no_update(tmp_path, monkeypatch):
    world = build_world()
    candidate = world.candidate_a
    url = shared_database_url(tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(2, timeout=120), spawn.Queue()
    coach, manager = world.user("coach"), world.user("candidate_account_manager")
    workers = [
        spawn.Process(target=edit_rounds, args=(label, user.pk, candidate.pk, ROUNDS, barrier, results))
        for label, user in (("coach", coach), ("manager", manager))
    ]
    for worker in workers:
        worker.start()
    try:
        outcomes = dict(results.get(timeout=600) for _ in workers)
    except queue.Empty:
        pytest.fail("the editing processes did not finish")
    finally:
        for worker in workers:
            worker.join(timeout=60)
    assert [worker.exitcode for worker in workers] == [0, 0]

    with translation.override("nl"):  # the platform speaks Dutch unless the user chose English
        conflict = str(ConcurrentEditError.message)
    winners = []
    for number in range(ROUNDS):
        attempts = [outcomes[label][number] for label in ("coach", "manager")]
        assert attempts[0]["read_version"] == attempts[1]["read_version"]  # both edited the same version
        through_api = number % 2 == 0
        # The API answers 200 or 409; the page redirects after a save or shows the form again with the message.
        saved_status, refused_status = (200, 409) if through_api else (302, 200)
        saved = [attempt for attempt in attempts if attempt["status"] == saved_status]
        refused = [attempt for attempt in attempts if attempt["status"] == refused_status]
        assert len(saved) == len(refused) == 1, attempts
        assert (conflict if through_api else html.escape(conflict)) in refused[0]["message"]
        winners.append(saved[0])

    with shared_cursor(url) as cursor:
        cursor.execute(f"SELECT version, city FROM {Candidate._meta.db_table} WHERE id = {int(candidate.pk)}")
        version, city = cursor.fetchone()
        cursor.execute(
            f"SELECT COUNT(*) FROM {AuditEvent._meta.db_table} "
            f"WHERE action = 'candidate.updated' AND object_id = '{int(candidate.pk)}'"
        )
        updates = cursor.fetchone()[0]
    assert version == candidate.version + ROUNDS
    assert city == winners[-1]["value"]
    assert updates == ROUNDS
