"""Use cases of recruitment events: organise one, sign up (or join the waiting list), cancel, remind, attend."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mhw.accounts import signed_links
from mhw.accounts.audit import record_event
from mhw.recruitment.ics import CalendarEvent, calendar
from mhw.recruitment.models import EventRegistration, RecruitmentEvent
from mhw.waiting_list import move_up_first

CANCEL_SALT = "mhw.recruitment.cancel"
REMINDER_WINDOW = datetime.timedelta(hours=48)


class SignUpError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def cancel_token(registration: EventRegistration) -> str:
    return signed_links.link_token(CANCEL_SALT, registration.pk)


def registration_for_token(token: str) -> EventRegistration | None:
    return EventRegistration.objects.select_related("event").filter(pk=signed_links.pk_of(CANCEL_SALT, token)).first()


def event_calendar(event: RecruitmentEvent, *, cancelled: bool = False) -> bytes:
    return calendar(
        CalendarEvent(
            uid=f"recruitment-event-{event.pk}@{settings.SITE_URL.split('//')[-1]}",
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            summary=event.title,
            location=event.location or event.online_url,
            description=event.description,
            url=event.online_url or settings.SITE_URL + reverse("event_detail", args=[event.pk]),
            cancelled=cancelled or event.cancelled_at is not None,
        ),
        stamp=timezone.now(),
    )


def _mail(registration: EventRegistration, template: str, subject: str, *, attach_calendar: bool) -> None:
    context = {
        "registration": registration,
        "event": registration.event,
        "cancel_url": settings.SITE_URL + reverse("event_cancel", args=[cancel_token(registration)]),
    }
    message = EmailMessage(subject=subject, body=render_to_string(template, context), to=[registration.email])
    if attach_calendar:
        message.attach("afspraak.ics", event_calendar(registration.event), "text/calendar; method=REQUEST")
    message.send()


def _confirm_by_mail(registration: EventRegistration) -> None:
    if registration.status == EventRegistration.Status.CONFIRMED:
        _mail(
            registration,
            "recruitment/email/confirmed.txt",
            _("You are signed up: %(event)s") % {"event": registration.event.title},
            attach_calendar=True,
        )
    else:
        _mail(
            registration,
            "recruitment/email/waitlisted.txt",
            _("On the waiting list: %(event)s") % {"event": registration.event.title},
            attach_calendar=False,
        )


@transaction.atomic
def sign_up(event: RecruitmentEvent, *, name: str, email: str, phone: str = "", candidate=None) -> EventRegistration:
    """A place if there is one, else the waiting list; either way a confirmation by e-mail."""
    event = RecruitmentEvent.objects.select_for_update().get(pk=event.pk)
    if event.cancelled_at is not None or event.starts_at <= timezone.now():
        raise SignUpError(_("Signing up for this event is closed."))
    email = email.lower()
    active = event.registrations.exclude(status=EventRegistration.Status.CANCELLED)
    if active.filter(email=email).exists():
        raise SignUpError(_("This e-mail address is already signed up for this event."))
    confirmed = active.filter(status=EventRegistration.Status.CONFIRMED).count()
    status = EventRegistration.Status.CONFIRMED if confirmed < event.capacity else EventRegistration.Status.WAITLISTED
    registration = EventRegistration.objects.create(
        event=event, name=name, email=email, phone=phone, candidate=candidate, status=status
    )
    record_event(None, "event.signed_up", registration, campus_id=event.campus_id, details={"status": status})
    transaction.on_commit(lambda: _confirm_by_mail(registration))
    return registration


@transaction.atomic
def cancel_registration(registration: EventRegistration) -> EventRegistration:
    """Cancel a place; the first on the waiting list moves up and is told so."""
    registration = EventRegistration.objects.select_for_update().select_related("event").get(pk=registration.pk)
    if registration.status == EventRegistration.Status.CANCELLED:
        return registration
    freed = registration.status == EventRegistration.Status.CONFIRMED
    registration.status = EventRegistration.Status.CANCELLED
    registration.save(update_fields=["status"])
    record_event(None, "event.cancelled_by_participant", registration, campus_id=registration.event.campus_id)
    if freed:
        waiting = move_up_first(
            EventRegistration.objects.filter(event=registration.event, status=EventRegistration.Status.WAITLISTED)
        )
        if waiting is not None:
            transaction.on_commit(lambda: _confirm_by_mail(waiting))
    return registration


def send_reminders(now: datetime.datetime | None = None) -> int:
    """Remind everyone with a place in an event within 48 hours, once: the row is marked in the same transaction as
    the mail is sent, so a second run (or a second worker) finds nothing left to send."""
    now = now or timezone.now()
    due = EventRegistration.objects.filter(
        status=EventRegistration.Status.CONFIRMED,
        reminded_at__isnull=True,
        event__cancelled_at__isnull=True,
        event__starts_at__gt=now,
        event__starts_at__lte=now + REMINDER_WINDOW,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            registration = EventRegistration.objects.select_for_update().select_related("event").filter(pk=pk).first()
            if registration is None or registration.reminded_at is not None:
                continue
            registration.reminded_at = now
            registration.save(update_fields=["reminded_at"])
            _mail(
                registration,
                "recruitment/email/reminder.txt",
                _("Reminder: %(event)s") % {"event": registration.event.title},
                attach_calendar=True,
            )
            sent += 1
    return sent


@transaction.atomic
def record_attendance(actor, registration: EventRegistration, attended: bool) -> EventRegistration:
    registration.attended = attended
    registration.save(update_fields=["attended"])
    record_event(actor, "event.attendance", registration, campus_id=registration.event.campus_id)
    return registration


@transaction.atomic
def organise_event(actor, *, campus, data: dict) -> RecruitmentEvent:
    event = RecruitmentEvent.objects.create(campus=campus, **data)
    record_event(actor, "event.organised", event)
    return event
