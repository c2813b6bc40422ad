"""Coaching sessions, workshops and return days planned by the coach, with attendance."""

from django.db import transaction

from mhw.accounts.audit import record_event
from mhw.candidates.models import Candidate, CoachingSession


@transaction.atomic
def plan_session(actor, candidate: Candidate, *, kind: str, planned_at, topic: str) -> CoachingSession:
    session = CoachingSession.objects.create(
        candidate=candidate, kind=kind, planned_at=planned_at, topic=topic, coach=actor
    )
    record_event(actor, "candidate.session_planned", candidate, details={"kind": kind})
    return session


@transaction.atomic
def record_session_attendance(actor, session: CoachingSession, attended: bool) -> CoachingSession:
    session.attended = attended
    session.save(update_fields=["attended"])
    record_event(actor, "candidate.session_attendance", session.candidate, details={"attended": attended})
    return session
