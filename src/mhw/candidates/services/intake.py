"""Intake results: special-care data. Recorded by the candidate office, read by few, every read audited."""

from django.db import transaction

from mhw.accounts.audit import record_event
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates.models import Candidate, IntakeResult


def may_read_intake(user, candidate: Candidate) -> bool:
    return candidate.user_id == user.pk or can(user, Capability.READ_INTAKE, candidate.campus_id)


def read_intake_results(user, candidate: Candidate) -> list[IntakeResult]:
    """The candidate's intake results for someone who may read them; the read is written to the audit log."""
    if not may_read_intake(user, candidate):
        return []
    results = list(candidate.intake_results.select_related("recorded_by"))
    record_event(user, "candidate.intake_viewed", candidate, details={"results": len(results)})
    return results


@transaction.atomic
def record_intake_result(actor, candidate: Candidate, *, data: dict) -> IntakeResult:
    result = IntakeResult.objects.create(candidate=candidate, recorded_by=actor, **data)
    record_event(actor, "candidate.intake_recorded", candidate, details={"kind": result.kind})
    return result
