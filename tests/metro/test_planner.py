"""The planner in use: a broker plans sessions, participants register on the public pages (with a waiting list),
get a confirmation with a calendar file, an announcement 1–2 weeks ahead and a reminder before, each once; staff
record attendance, reflections, line evaluations and referrals; bad input changes nothing."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mhw.candidates.models import Candidate
from mhw.credentials import services as credentials
from mhw.credentials.models import Achievement, IssuedCredential
from mhw.metro.models import LineEvaluation, LineStop, MetroLine, Referral, Registration, Station, StationSession
from mhw.metro.services import planner
from mhw.metro.services.common import MetroError
from tests.metro import fixtures

pytestmark = pytest.mark.django_db


def _at(days: float) -> str:
    return (timezone.localtime() + datetime.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def _participant(name="Jan de Vries", email="jan@lauwersmeer.example", **extra):
    return {"name": name, "email": email, "wishes": "Veilig tanken", "expectations": "Praktijk", **extra}


def test_the_broker_plans_a_session_and_bad_times_are_refused(world, client_for):
    station = fixtures.stop(world).station
    broker = client_for(world.user("broker"))
    planned = {"station": station.pk, "starts_at": _at(10), "ends_at": _at(10.1), "capacity": 12, "location": "Assen"}
    for bad in (
        {"ends_at": _at(9)},
        {"starts_at": _at(-1), "ends_at": _at(-0.9)},
        {"capacity": 0},
        {"station": 999999},
    ):
        response = broker.post(reverse("cluster_planner", args=[station.cluster_id]), {**planned, **bad})
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not StationSession.objects.exists()
    response = broker.post(reverse("cluster_planner", args=[station.cluster_id]), planned)
    assert response.url == reverse("session_detail", args=[StationSession.objects.get().pk])


def test_registering_confirms_with_a_calendar_file_and_the_waiting_list_moves_up(
    world, client, django_capture_on_commit_callbacks
):
    session = fixtures.session(world)  # two places
    url = reverse("session_signup", args=[session.public_id])
    for i in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, _participant(f"Deelnemer {i}", f"d{i}@example.org", company=world.company_a.pk))
        assert response.status_code == 200
    statuses = list(session.registrations.order_by("pk").values_list("status", flat=True))
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    confirmation = mail.outbox[0]
    assert confirmation.to == ["d0@example.org"]
    name, content, kind = confirmation.attachments[0]
    assert name.endswith(".ics")
    assert kind.startswith("text/calendar")
    assert "BEGIN:VEVENT" in (content if isinstance(content, str) else content.decode())
    assert not mail.outbox[2].attachments  # the waiting list has no appointment yet
    duplicate = client.post(url, _participant("Nog eens", "D0@example.org"))
    assert duplicate.context["form"].non_field_errors()
    first = session.registrations.get(email="d0@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("registration_cancel", args=[planner.cancel_token(first)]))
    assert session.registrations.get(email="d2@example.org").status == "confirmed"
    assert mail.outbox[0].to == ["d2@example.org"]
    assert client.get(reverse("registration_cancel", args=["niet-geldig"])).status_code == 404


def test_a_line_registers_for_the_next_session_of_each_station(world, client):
    line = fixtures.line(world)
    assert "signup-closed" in client.get(reverse("line_signup", args=[line.public_id])).content.decode()
    first = fixtures.session(world)
    client.post(reverse("line_signup", args=[line.public_id]), _participant())
    assert list(Registration.objects.values_list("session", flat=True)) == [first.pk]


def test_a_closed_or_cancelled_session_takes_no_registrations(world, client):
    session = fixtures.session(world)
    StationSession.objects.filter(pk=session.pk).update(cancelled_at=timezone.now())
    response = client.post(reverse("session_signup", args=[session.public_id]), _participant())
    assert "signup-closed" in response.content.decode()
    assert not Registration.objects.exists()
    session.refresh_from_db()
    with pytest.raises(MetroError):
        planner.register(session, **_participant())


def test_announcements_and_reminders_go_out_once_each(world):
    registration = fixtures.registration(world)  # the session starts in 20 days
    session = registration.session
    assert planner.send_announcements_and_reminders(session.starts_at - datetime.timedelta(days=21)) == (0, 0)
    ten_days_before = session.starts_at - datetime.timedelta(days=10)
    assert planner.send_announcements_and_reminders(ten_days_before) == (1, 0)
    assert planner.send_announcements_and_reminders(ten_days_before) == (0, 0)
    day_before = session.starts_at - datetime.timedelta(days=1)
    assert planner.send_announcements_and_reminders(day_before) == (0, 1)
    assert planner.send_announcements_and_reminders(day_before) == (0, 0)
    assert [m.to for m in mail.outbox] == [["jan@lauwersmeer.example"]] * 2
    assert all(m.attachments for m in mail.outbox)
    out = io.StringIO()
    call_command("send_metro_reminders", stdout=out)  # nothing is due now
    assert out.getvalue().startswith("0")


def test_attendance_reflection_and_line_evaluation_are_recorded(world, client_for):
    registration = fixtures.registration(world)
    line = fixtures.line(world)
    outcome = world.skills.published.items.first()
    line.outcomes.add(outcome)
    broker = client_for(world.user("broker"))
    broker.post(reverse("registration_attendance", args=[registration.pk]), {"attended": "yes"})
    broker.post(
        reverse("reflection_add", args=[registration.session_id]), {"went_well": "Veel vragen", "to_improve": "Langer"}
    )
    registration.refresh_from_db()
    assert registration.attended is True
    other = world.skills.published.items.exclude(pk=outcome.pk).first()
    bad = broker.post(reverse("line_evaluate", args=[line.pk]), {"outcomes_achieved": [other.pk], "goals_supported": 4})
    assert bad.status_code == 200
    assert not LineEvaluation.objects.exists()
    broker.post(reverse("line_evaluate", args=[line.pk]),
                {"outcomes_achieved": [outcome.pk], "goals_supported": 4, "company": world.company_a.pk})  # fmt: skip
    summary = broker.get(reverse("cluster_evaluation", args=[line.cluster_id])).context["lines"][0]
    assert summary["achieved"] == {outcome: 1}
    assert summary["average"] == 4


def test_a_referral_to_the_individual_route_needs_consent_and_makes_a_candidate(world, client_for):
    registration = fixtures.registration(world)
    broker = client_for(world.user("broker"))
    url = reverse("referral_add", args=[registration.pk])
    broker.post(url, {"kind": "individual_route"})  # no consent recorded
    assert not Referral.objects.exists()
    broker.post(url, {"kind": "partner", "consent": "on"})  # no partner chosen
    assert not Referral.objects.exists()
    broker.post(url, {"kind": "individual_route", "consent": "on", "note": "Wil omscholen tot monteur"})
    referral = Referral.objects.get()
    candidate = Candidate.objects.get(email="jan@lauwersmeer.example")
    assert referral.candidate == candidate
    assert (candidate.campus, candidate.stage, candidate.first_name) == (world.campus_a, "interested", "Jan")
    assert "Kick-off" in candidate.background


def test_taking_part_and_completing_a_line_earn_credentials_mailed_once(
    world, client_for, django_capture_on_commit_callbacks
):
    registration = fixtures.registration(world)  # Jan at the line's only station, "Kick-off"
    line, station = fixtures.line(world), registration.session.station
    badge, certificate = (
        Achievement.objects.create(
            campus=world.campus_a, name_nl=name, name_en=name, description_nl="d", description_en="d",
            criteria_nl="c", criteria_en="c",
        )
        for name in ("Deelname kick-off", "Metrolijn chauffeurs")
    )  # fmt: skip
    Station.objects.filter(pk=station.pk).update(achievement=badge)
    MetroLine.objects.filter(pk=line.pk).update(achievement=certificate)
    second = Station.objects.create(cluster=line.cluster, name="Veilig tanken")
    LineStop.objects.create(line=line, station=second, position=2)
    broker = client_for(world.user("broker"))
    with django_capture_on_commit_callbacks(execute=True):
        broker.post(reverse("registration_attendance", args=[registration.pk]), {"attended": "yes"})
        broker.post(reverse("registration_attendance", args=[registration.pk]), {"attended": "yes"})
    [credential] = IssuedCredential.objects.all()
    assert (credential.achievement, credential.recipient_email, credential.candidate) == (
        badge,
        registration.email,
        None,
    )
    assert credentials.verify(credential.document).valid
    [message] = mail.outbox
    assert {name for name, _content, _kind in message.attachments} == {"credential.json", "certificaat.pdf"}
    starts = registration.session.starts_at + datetime.timedelta(days=7)
    ends = starts + datetime.timedelta(hours=2)
    later = StationSession.objects.create(station=second, starts_at=starts, ends_at=ends, capacity=5)
    there = Registration.objects.create(session=later, name=registration.name, email=registration.email,
                                        status=Registration.Status.CONFIRMED)  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        broker.post(reverse("registration_attendance", args=[there.pk]), {"attended": "yes"})
    assert IssuedCredential.objects.filter(achievement=certificate, recipient_email=registration.email).count() == 1
    assert IssuedCredential.objects.count() == 2  # the second station awards nothing of its own
    credentials.revoke(world.user("campus_admin"), credential, reason="Niet aanwezig geweest")
    assert credentials.verify(credential.document).problems == ["revoked"]
