"""Use cases of the planner (step 4 of the cycle): plan a station's session, let participants register for a station
or a whole line (with a waiting list), confirm with a calendar file, announce 1–2 weeks ahead and remind shortly
before (once each, whoever runs the command), record attendance, reflect, evaluate a line, refer participants on."""

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
from mhw.candidates.models.candidate import RecruitmentChannel
from mhw.candidates.services.records import register_candidate
from mhw.metro.models import LineEvaluation, MetroLine, Referral, Reflection, Registration, StationSession
from mhw.metro.services.common import MetroError, require_manager
from mhw.metro.services.recognition import recognise_attendance
from mhw.recruitment.ics import CalendarEvent, calendar
from mhw.waiting_list import move_up_first

CANCEL_SALT = "mhw.metro.cancel"
ANNOUNCE_FROM, ANNOUNCE_UNTIL = datetime.timedelta(days=7), datetime.timedelta(days=14)
REMINDER_WINDOW = datetime.timedelta(hours=48)


def cancel_token(registration: Registration) -> str:
    return signed_links.link_token(CANCEL_SALT, registration.pk)


def registration_for_token(token: str) -> Registration | None:
    registrations = Registration.objects.select_related("session__station__cluster")
    return registrations.filter(pk=signed_links.pk_of(CANCEL_SALT, token)).first()


def session_calendar(session: StationSession, *, cancelled: bool = False) -> bytes:
    station = session.station
    return calendar(
        CalendarEvent(
            uid=f"metro-session-{session.public_id}@{settings.SITE_URL.split('//')[-1]}",
            starts_at=session.starts_at, ends_at=session.ends_at, summary=station.name,
            location=session.location or session.online_url, description=station.description,
            url=session.online_url or settings.SITE_URL + reverse("session_signup", args=[session.public_id]),
            cancelled=cancelled or session.cancelled_at is not None,
        ),
        stamp=timezone.now(),
    )  # fmt: skip


def _mail(registration: Registration, template: str, subject: str, *, attach_calendar: bool) -> None:
    context = {
        "registration": registration, "session": registration.session, "station": registration.session.station,
        "cluster": registration.session.station.cluster,
        "cancel_url": settings.SITE_URL + reverse("registration_cancel", args=[cancel_token(registration)]),
    }  # fmt: skip
    message = EmailMessage(subject=subject, body=render_to_string(template, context), to=[registration.email])
    if attach_calendar:
        message.attach("station.ics", session_calendar(registration.session), "text/calendar; method=REQUEST")
    message.send()


def _confirm_by_mail(registration: Registration) -> None:
    station = registration.session.station.name
    if registration.status == Registration.Status.CONFIRMED:
        _mail(registration, "metro/email/confirmed.txt", _("You are registered: %(station)s") % {"station": station},
              attach_calendar=True)  # fmt: skip
    else:
        _mail(registration, "metro/email/waitlisted.txt",
              _("On the waiting list: %(station)s") % {"station": station}, attach_calendar=False)  # fmt: skip


@transaction.atomic
def plan_session(actor, session: StationSession) -> StationSession:
    require_manager(actor, session.station.cluster)
    created = session.pk is None
    session.save()
    action = "metro_session.planned" if created else "metro_session.changed"
    record_event(actor, action, session.station.cluster, details={"session": session.pk})
    return session


def open_for_registration(session: StationSession, now: datetime.datetime | None = None) -> bool:
    return session.cancelled_at is None and session.starts_at > (now or timezone.now())


@transaction.atomic
def register(
    session: StationSession, *, name: str, email: str, company=None, wishes="", expectations=""
) -> Registration:
    """A place if there is one, else the waiting list; either way a confirmation by e-mail."""
    session = StationSession.objects.select_for_update().select_related("station__cluster").get(pk=session.pk)
    if not open_for_registration(session):
        raise MetroError(_("Registering for this session is closed."))
    email = email.strip().lower()
    active = session.registrations.exclude(status=Registration.Status.CANCELLED)
    if active.filter(email=email).exists():
        raise MetroError(_("This e-mail address is already registered for this session."))
    confirmed = active.filter(status=Registration.Status.CONFIRMED).count()
    status = Registration.Status.CONFIRMED if confirmed < session.capacity else Registration.Status.WAITLISTED
    registration = Registration.objects.create(
        session=session, name=name.strip(), email=email, company=company, wishes=wishes.strip(),
        expectations=expectations.strip(), status=status,
    )  # fmt: skip
    record_event(None, "metro_session.registered", session.station.cluster, details={"session": session.pk,
                                                                                        "status": status})  # fmt: skip
    transaction.on_commit(lambda: _confirm_by_mail(registration))
    return registration


def next_sessions(line: MetroLine, now: datetime.datetime | None = None) -> list[StationSession]:
    """Per station of the line, in line order, the first session still open for registration."""
    now = now or timezone.now()
    sessions = []
    for station in line.ordered_stations():
        upcoming = station.sessions.filter(cancelled_at__isnull=True, starts_at__gt=now).order_by("starts_at").first()
        if upcoming is not None:
            sessions.append(upcoming)
    return sessions


@transaction.atomic
def register_for_line(line: MetroLine, **participant) -> list[Registration]:
    """Register for the next session of every station of the line; all or nothing."""
    sessions = next_sessions(line)
    if not sessions:
        raise MetroError(_("No session of this line is open for registration yet."))
    return [register(session, **participant) for session in sessions]


@transaction.atomic
def cancel_registration(registration: Registration) -> Registration:
    """Cancel a place; the first on the waiting list moves up and is told so."""
    registration = Registration.objects.select_for_update().select_related("session__station").get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return registration
    freed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status"])
    record_event(None, "metro_session.cancelled_by_participant", registration.session.station.cluster,
                 details={"session": registration.session_id})  # fmt: skip
    if freed:
        waiting = move_up_first(
            Registration.objects.filter(session=registration.session, status=Registration.Status.WAITLISTED)
        )
        if waiting is not None:
            transaction.on_commit(lambda: _confirm_by_mail(waiting))
    return registration


def _send_once(pks, field: str, template: str, subject: str, now: datetime.datetime) -> int:
    """Mail each registration once: the row is marked in the same transaction as the mail is sent, so a second run
    (or a second worker) finds nothing left to send."""
    sent = 0
    for pk in list(pks):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update()
                .select_related("session__station__cluster")
                .filter(pk=pk)
                .first()
            )
            if registration is None or getattr(registration, field) is not None:
                continue
            setattr(registration, field, now)
            registration.save(update_fields=[field])
            _mail(
                registration, template, subject % {"station": registration.session.station.name}, attach_calendar=True
            )
            sent += 1
    return sent


def send_announcements_and_reminders(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Announce sessions starting in one to two weeks and remind of those within 48 hours, each once per place."""
    now = now or timezone.now()
    places = Registration.objects.filter(status=Registration.Status.CONFIRMED, session__cancelled_at__isnull=True)
    announce = places.filter(
        announced_at__isnull=True,
        session__starts_at__gte=now + ANNOUNCE_FROM,
        session__starts_at__lte=now + ANNOUNCE_UNTIL,
    ).values_list("pk", flat=True)
    remind = places.filter(
        reminded_at__isnull=True, session__starts_at__gt=now, session__starts_at__lte=now + REMINDER_WINDOW
    ).values_list("pk", flat=True)
    announced = _send_once(announce, "announced_at", "metro/email/announcement.txt", _("Coming up: %(station)s"), now)
    reminded = _send_once(remind, "reminded_at", "metro/email/reminder.txt", _("Reminder: %(station)s"), now)
    return announced, reminded


@transaction.atomic
def record_attendance(actor, registration: Registration, attended: bool) -> None:
    require_manager(actor, registration.session.station.cluster)
    registration.attended = attended
    registration.save(update_fields=["attended"])
    record_event(actor, "metro_session.attendance", registration.session.station.cluster,
                 details={"registration": registration.pk, "attended": attended})  # fmt: skip
    if attended and registration.status == Registration.Status.CONFIRMED:
        recognise_attendance(actor, registration)


@transaction.atomic
def add_reflection(actor, session: StationSession, *, went_well: str, to_improve: str) -> Reflection:
    require_manager(actor, session.station.cluster)
    reflection = Reflection.objects.create(session=session, went_well=went_well, to_improve=to_improve, author=actor)
    record_event(actor, "metro_session.reflected", session.station.cluster, details={"session": session.pk})
    return reflection


@transaction.atomic
def evaluate_line(actor, evaluation: LineEvaluation, outcomes) -> LineEvaluation:
    require_manager(actor, evaluation.line.cluster)
    allowed = set(evaluation.line.outcomes.values_list("pk", flat=True))
    if any(item.pk not in allowed for item in outcomes):
        raise MetroError(_("Only the line's own learning outcomes can be marked achieved."))
    evaluation.author = actor
    evaluation.save()
    evaluation.outcomes_achieved.set(outcomes)
    record_event(actor, "metro_line.evaluated", evaluation.line.cluster, details={"line": evaluation.line_id})
    return evaluation


@transaction.atomic
def refer(actor, registration: Registration, *, kind: str, partner=None, note: str = "", consent: bool) -> Referral:
    """Refer a participant on. To the individual route only with their consent: they become an interested candidate
    of the cluster's campus, with the referral recorded."""
    cluster = registration.session.station.cluster
    require_manager(actor, cluster)
    if not consent:
        raise MetroError(_("Refer a participant only after they agreed to it."))
    candidate = None
    if kind == Referral.Kind.INDIVIDUAL_ROUTE:
        first, _space, last = registration.name.partition(" ")
        data = {"first_name": first, "last_name": last or first, "email": registration.email, "phone": "", "city": "",
                "current_occupation": registration.company.name if registration.company else "",
                "trajectory": "lateral_entry", "employer": None, "coach": None}  # fmt: skip
        candidate = register_candidate(actor, campus=cluster.campus, data=data)
        candidate.recruitment_channel = RecruitmentChannel.EMPLOYER
        candidate.background = _("Referred from the metro line station “%(station)s” (%(cluster)s).") % {
            "station": registration.session.station.name, "cluster": cluster.name,
        }  # fmt: skip
        candidate.save(update_fields=["recruitment_channel", "background"])
    elif partner is None:
        raise MetroError(_("Choose the partner the participant is referred to."))
    referral = Referral.objects.create(
        registration=registration, kind=kind, partner=partner, candidate=candidate, note=note,
        consent_recorded=True, referred_by=actor,
    )  # fmt: skip
    record_event(actor, "metro.referred", cluster, details={"referral": referral.pk, "kind": kind})
    return referral
