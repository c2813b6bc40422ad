"""A page asked for again is answered from memory only while nothing it shows can have changed: any committed write
to a table it read (a service, a bulk update, raw SQL) shows at once, while writes to other tables (an audit line)
leave it kept; another user or session, another language or an htmx fragment never gets the kept answer; an audited
reading is drawn (and audited) every time; a waiting message is shown. Property: whatever reads and writes
interleave, an answer from memory is what drawing the page would give."""

import re
import threading

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.db import connection, connections, transaction
from django.db.backends.signals import connection_created
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhw.accounts.audit import record_event
from mhw.accounts.models import AuditEvent, Membership, Organisation, User
from mhw.candidates.models import Candidate
from mhw.candidates.services.records import EDITABLE_FIELDS, update_candidate
from mhw.ecosystem.models import Vacancy
from mhw.skills.models import SkillsProfile
from mhw.web import data_stamp, page_cache
from tests.factories import CandidateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]

LIST = "/candidates/"
CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    client.get(LIST)  # the first page after logging in may still settle the session
    return client


def _candidates_stamp() -> int:
    return data_stamp.stamps().get("candidates_candidate", 0)


def _queries(client, path: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content


def test_a_page_asked_again_is_answered_from_memory_with_three_questions(world):
    client = _logged_in(world.user("campus_admin"))
    drawn, first = _queries(client, LIST)
    kept, again = _queries(client, LIST)
    assert kept == 3 < drawn  # the stamps of the data, the session and the user
    assert again == first
    kept_answer = client.get(LIST)
    # The headers every answer carries are added around the kept page, as around a drawn one.
    assert kept_answer["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    assert kept_answer["Content-Security-Policy"] == django_settings.CONTENT_SECURITY_POLICY
    assert kept_answer["Content-Language"] == "nl"


@pytest.mark.parametrize("how", ["service", "save", "queryset update", "raw SQL"])
def test_any_committed_write_shows_at_once(world, how):
    client = _logged_in(world.user("campus_admin"))
    candidate = world.candidate_a
    assert candidate.first_name.encode() in client.get(LIST).content
    if how == "service":
        data = {name: getattr(candidate, name) for name in EDITABLE_FIELDS} | {"first_name": "Wijziging"}
        update_candidate(world.user("campus_admin"), candidate, data=data, expected_version=candidate.version)
    elif how == "save":
        candidate.first_name = "Wijziging"
        candidate.save()
    elif how == "queryset update":
        Candidate.objects.filter(pk=candidate.pk).update(first_name="Wijziging")
    else:
        with connection.cursor() as cursor:
            cursor.execute("UPDATE candidates_candidate SET first_name = %s WHERE id = %s", ["Wijziging", candidate.pk])
    assert b"Wijziging" in client.get(LIST).content


def test_writes_to_tables_the_page_does_not_read_leave_it_kept(world):
    client = _logged_in(world.user("campus_admin"))
    client.get(LIST)
    # Someone else reads a candidate's record: an audit line, in a table the candidate list does not read.
    record_event(world.user("coach"), "candidate.viewed", world.candidate_a)
    assert _queries(client, LIST)[0] == 3
    # A change to the user's own roles is read by every page.
    Membership.objects.filter(user=world.user("campus_admin")).update(created_at=timezone.now())
    assert _queries(client, LIST)[0] > 3


def test_a_login_elsewhere_leaves_the_page_kept_and_a_change_to_a_user_does_not(world):
    admin = world.user("campus_admin")
    client = _logged_in(admin)
    client.get(LIST)
    Client().force_login(world.user("coach"))  # Django notes the time of the login in the user's row
    _logged_in(admin)  # the same person, in another browser
    assert User.objects.get(pk=admin.pk).last_login is not None
    assert _queries(client, LIST)[0] == 3
    User.objects.filter(pk=admin.pk).update(full_name="Nieuwe Naam")
    count, content = _queries(client, LIST)
    assert count > 3
    assert b"Nieuwe Naam" in content


def test_a_write_that_is_rolled_back_changes_no_stamp(world):
    before = _candidates_stamp()
    inside = []

    def write_and_fail():
        with transaction.atomic():
            Candidate.objects.filter(pk=world.candidate_a.pk).update(first_name="Teruggedraaid")
            inside.append(_candidates_stamp())
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_and_fail()
    assert inside[0] > before  # inside the transaction it counts
    assert _candidates_stamp() == before


def test_another_user_or_session_never_gets_the_kept_answer(world):
    admin = _logged_in(world.user("campus_admin"))
    admin.get(LIST)
    other_session = _logged_in(world.user("campus_admin"))
    drawn, _content = _queries(other_session, LIST)
    assert drawn > 3
    coach_b = _logged_in(world.user("coach_campus_b"))
    page = coach_b.get(LIST).content
    assert world.candidate_b.first_name.encode() in page
    assert world.candidate_a.last_name.encode() not in page


def test_language_and_htmx_fragments_are_kept_apart(world):
    client = _logged_in(world.user("campus_admin"))
    dutch = client.get(LIST).content
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(LIST).content
    assert dutch != english
    assert b'lang="en"' in english
    fragment = client.get(LIST, headers={"HX-Request": "true"}).content
    assert b"<html" not in fragment
    assert b"<html" in client.get(LIST).content


def test_an_audited_reading_is_drawn_and_audited_every_time(world):
    client = _logged_in(world.user("campus_admin"))
    path = reverse("candidate_detail", args=[world.candidate_a.pk])
    for expected in (1, 2, 3):
        assert client.get(path).status_code == 200
        assert AuditEvent.objects.filter(action="candidate.viewed", object_id=str(world.candidate_a.pk)).count() == (
            expected
        )


def test_a_waiting_message_is_shown_on_a_page_kept_before(world):
    manager = _logged_in(world.user("company_account_manager"))
    page = f"{reverse('vacancies')}?campus={world.campus_a.slug}"
    vacancy = Vacancy.objects.create(
        campus=world.campus_a, company=world.company_a, role_title="Monteur", region="Noord"
    )
    elsewhere = SkillsProfile.objects.create(campus=world.campus_b, title_nl="Elders", title_en="Elsewhere")
    manager.get(page)
    assert _queries(manager, page)[0] == 3  # kept
    # Refused without writing anything: the stamp stays, the message waits for the next page.
    refused = manager.post(reverse("vacancy_profile", args=[vacancy.pk]), {"profile": elsewhere.pk}, follow=True)
    assert "Kies een skillsprofiel van de campus." in refused.content.decode()


def test_a_page_larger_than_the_limit_is_drawn_every_time(world, monkeypatch):
    client = _logged_in(world.user("campus_admin"))
    size = len(client.get(LIST).content)
    monkeypatch.setattr(page_cache, "MAX_KEPT_BYTES", size - 1)
    caches["pages"].clear()
    client.get(LIST)
    assert _queries(client, LIST)[0] > 3
    monkeypatch.setattr(page_cache, "MAX_KEPT_BYTES", size)
    client.get(LIST)
    assert _queries(client, LIST)[0] == 3


def test_a_browser_without_its_csrf_cookie_gets_pages_drawn_with_the_new_cookie(world):
    client = _logged_in(world.user("campus_admin"))
    client.get(LIST)
    del client.cookies[django_settings.CSRF_COOKIE_NAME]
    response = client.get(LIST)
    assert django_settings.CSRF_COOKIE_NAME in response.cookies  # drawn, with the cookie its forms need
    del client.cookies[django_settings.CSRF_COOKIE_NAME]
    assert _queries(client, LIST)[0] > 3


def test_switched_off_every_page_is_drawn(world, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client = _logged_in(world.user("campus_admin"))
    drawn, _content = _queries(client, LIST)
    assert _queries(client, LIST)[0] == drawn


WRITES = st.sampled_from(["rename", "update", "add", "remove", "organisation", "audit", "nothing"])
PAGES = st.sampled_from([LIST, "/candidates/?q=a", "/api/v1/candidates", "/dashboard/", "/organisations/"])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(WRITES, PAGES, st.booleans()), min_size=1, max_size=8))
def test_an_answer_from_memory_is_what_drawing_the_page_gives(world, steps):
    caches["pages"].clear()
    staff = {True: _logged_in(world.user("campus_admin")), False: _logged_in(world.user("coach"))}
    for number, (write, path, as_admin) in enumerate(steps):
        _write(world, write, number)
        client = staff[as_admin]
        answered = client.get(path).content
        with override_settings(PAGE_CACHE_SECONDS=0):
            drawn = client.get(path).content
        assert CSRF.sub(rb"\1-", answered) == CSRF.sub(rb"\1-", drawn), (write, path)


def _write(world, write: str, number: int) -> None:
    if write == "rename":
        candidate = Candidate.objects.filter(campus=world.campus_a).order_by("?").first()
        candidate.first_name = f"Naam{number}"
        candidate.save()
    elif write == "update":
        Candidate.objects.filter(campus=world.campus_a).update(current_occupation=f"Beroep {number}")
    elif write == "add":
        CandidateFactory(campus=world.campus_a, first_name=f"Nieuw{number}")
    elif write == "remove":
        Candidate.objects.filter(campus=world.campus_a, first_name__startswith="Nieuw").delete()
    elif write == "organisation":
        Organisation.objects.filter(pk=world.company_a.pk).update(name=f"Bedrijf {number}")
    elif write == "audit":
        record_event(world.user("coach"), "candidate.viewed", world.candidate_a)


def test_a_new_connection_asks_again_whether_the_stamp_can_be_counted(world):
    connection.mhw_stamp_ready = False  # as a worker that wrote before the table was migrated
    before = _candidates_stamp()
    Candidate.objects.filter(pk=world.candidate_a.pk).update(first_name="Nog niet geteld")
    assert _candidates_stamp() == before
    # What Django says on every new connection (the test database in memory is never really reconnected).
    connection_created.send(sender=type(connection), connection=connection)
    Candidate.objects.filter(pk=world.candidate_a.pk).update(first_name="Na de migratie")
    assert _candidates_stamp() == before + 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite lets one transaction write at a time anyway")
def test_two_writers_at_once_never_wait_for_each_other_on_the_stamp(world):
    holding, done = threading.Event(), threading.Event()

    def first_writer():
        try:
            with transaction.atomic():
                Candidate.objects.filter(pk=world.candidate_a.pk).update(first_name="Eerste")
                holding.set()  # its count row stays held until this transaction ends
                assert done.wait(30)
        finally:
            connections.close_all()

    thread = threading.Thread(target=first_writer)
    thread.start()
    try:
        assert holding.wait(30)
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '5s'")  # a wait would fail here instead of hanging
            Candidate.objects.filter(pk=world.candidate_b.pk).update(first_name="Tweede")
    finally:
        done.set()
        thread.join()
    assert Candidate.objects.filter(first_name__in=["Eerste", "Tweede"]).count() == 2
