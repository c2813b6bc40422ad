"""Use cases on candidate records. Each owns its transaction and writes the audit line."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from mhw.accounts.audit import record_event
from mhw.accounts.concurrency import save_versioned
from mhw.candidates.models import Candidate

EDITABLE_FIELDS = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "city",
    "current_occupation",
    "trajectory",
    "employer",
    "coach",
]

#: What a candidate corrects in their own record (the right to rectification); the route, campus, coach and employer
#: are the campus's to keep.
OWN_DETAILS_FIELDS = ["first_name", "last_name", "email", "phone", "city", "current_occupation"]


def open_candidate_record(actor, candidate: Candidate) -> None:
    """Record that `actor` read the candidate's personal data."""
    record_event(actor, "candidate.viewed", candidate)


@transaction.atomic
def register_candidate(actor, *, campus, data: dict) -> Candidate:
    """Campus staff register a candidate (e.g. after an information session)."""
    candidate = Candidate.objects.create(campus=campus, **{name: data[name] for name in EDITABLE_FIELDS})
    record_event(actor, "candidate.registered", candidate)
    return candidate


def _write_fields(actor, candidate: Candidate, fields: list[str], data: dict, expected_version: int, action: str):
    """Save `fields` from `data` if nobody saved the record since `expected_version` (else ConcurrentEditError).
    Only the names of the changed fields are logged: the audit log holds no personal values."""
    stored = Candidate.objects.get(pk=candidate.pk)
    changed = [name for name in fields if getattr(stored, name) != data[name]]
    for name in fields:
        setattr(candidate, name, data[name])
    candidate.updated_at = timezone.now()
    save_versioned(candidate, [*fields, "updated_at"], expected_version)
    record_event(actor, action, candidate, details={"fields": changed})
    return candidate


@transaction.atomic
def update_candidate(actor, candidate: Candidate, *, data: dict, expected_version: int) -> Candidate:
    """Change a candidate's record; refused with ConcurrentEditError if someone else saved it in the meantime."""
    return _write_fields(actor, candidate, EDITABLE_FIELDS, data, expected_version, "candidate.updated")


@transaction.atomic
def rectify_own_details(actor, candidate: Candidate, *, data: dict, expected_version: int) -> Candidate:
    """The candidate corrects their own details (the right to rectification)."""
    if candidate.user_id is None or candidate.user_id != actor.pk:
        raise PermissionDenied
    return _write_fields(actor, candidate, OWN_DETAILS_FIELDS, data, expected_version, "candidate.rectified")
