"""Recruitment events: places, waiting list, cancelling, reminders sent once, and the calendar file."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mhw.recruitment import services
from mhw.recruitment.models import EventRegistration
from mhw.recruitment.services import SignUpError
from tests.factories import ModuleFactory

pytestmark = pytest.mark.django_db


def test_places_fill_then_the_waiting_list_and_a_cancellation_moves_it_up(world, django_capture_on_commit_callbacks):
    event = world.event_a  # two places, one taken
    with django_capture_on_commit_callbacks(execute=True):
        second = services.sign_up(event, name="Sanne", email="Sanne@Example.org")
        third = services.sign_up(event, name="Ruben", email="ruben@example.org")
    assert (second.status, third.status) == ("confirmed", "waitlisted")
    assert second.email == "sanne@example.org"
    assert [m.to[0] for m in mail.outbox] == ["sanne@example.org", "ruben@example.org"]
    assert mail.outbox[0].attachments[0][0].endswith(".ics")
    assert "BEGIN:VEVENT" in mail.outbox[0].attachments[0][1]
    assert not mail.outbox[1].attachments
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(second)
    third.refresh_from_db()
    assert third.status == "confirmed"
    assert mail.outbox[-1].to == ["ruben@example.org"]
    assert mail.outbox[-1].attachments


def test_the_same_address_signs_up_once(world):
    with pytest.raises(SignUpError):
        services.sign_up(world.event_a, name="Joost", email="JOOST@example.org")


def test_reminders_go_once_even_when_the_command_runs_twice(world):
    world.event_a.starts_at = timezone.now() + datetime.timedelta(hours=20)
    world.event_a.ends_at = world.event_a.starts_at + datetime.timedelta(hours=2)
    world.event_a.save()
    call_command("send_event_reminders")
    call_command("send_event_reminders")
    assert [m.to for m in mail.outbox] == [["joost@example.org"]]
    assert EventRegistration.objects.get(pk=world.registration_a.pk).reminded_at is not None


def test_no_reminder_for_events_further_away(world):
    assert services.send_reminders() == 0


def test_signing_up_through_the_page_and_cancelling_through_the_link(world, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("event_detail", args=[world.event_a.pk]), {"name": "Mo", "email": "mo@example.org"}
        )
    assert response.status_code == 302
    link = next(line for line in mail.outbox[0].body.splitlines() if "/events/cancel/" in line)
    path = link[link.index("/events/cancel/") :]
    assert client.post(path).status_code == 302
    assert EventRegistration.objects.get(email="mo@example.org").status == "cancelled"
    assert client.get("/events/cancel/not-a-token/").status_code == 404


def test_bad_sign_up_input_is_refused_and_nothing_saved(world, client):
    response = client.post(reverse("event_detail", args=[world.event_a.pk]), {"name": "", "email": "nope"})
    assert response.status_code == 200
    assert EventRegistration.objects.count() == 1


def test_staff_organise_an_event_and_record_attendance(world, client_for):
    client = client_for(world.user("teacher"))
    starts = timezone.localtime() + datetime.timedelta(days=30)
    response = client.post(
        reverse("event_create"),
        {
            "campus": world.campus_a.pk,
            "kind": "trial_study",
            "title": "Proefstuderen waterstof",
            "starts_at": starts.strftime("%Y-%m-%dT09:00"),
            "ends_at": starts.strftime("%Y-%m-%dT13:00"),
            "location": "Fieldlab",
            "capacity": 12,
        },
    )
    assert response.status_code == 302
    refused = client.post(
        reverse("event_create"),
        {
            "campus": world.campus_a.pk,
            "kind": "information",
            "title": "Zonder plek",
            "starts_at": starts.strftime("%Y-%m-%dT13:00"),
            "ends_at": starts.strftime("%Y-%m-%dT09:00"),
            "capacity": 5,
        },
    )
    assert set(refused.context["form"].errors) == {"ends_at", "location"}
    client.post(reverse("event_attendance", args=[world.registration_a.pk]), {"attended": "yes"})
    assert EventRegistration.objects.get(pk=world.registration_a.pk).attended is True


def test_the_calendar_file_is_served(world, client):
    response = client.get(reverse("event_calendar", args=[world.event_a.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Informatiesessie waterstof" in response.content


def test_an_event_s_course_is_one_of_the_campus_s_providers(world, client_for):
    module_b = ModuleFactory(provider__campus=world.campus_b)
    client = client_for(world.user("teacher"))
    choices = set(client.get(reverse("event_create")).context["form"].fields["module"].queryset)
    assert world.module_a in choices
    assert module_b not in choices
