"""The candidate's skills profile and the gap to the roles they aim at, through the shared gap module."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from mhw.accounts.audit import record_event
from mhw.candidates.models import Candidate, CandidateSkill
from mhw.skills.gap import GapResult, compute_gap
from mhw.skills.services.profiles import requirements_for_gap


@transaction.atomic
def record_skill_level(actor, candidate: Candidate, *, item, level: int, source: str, evidence: str) -> CandidateSkill:
    """Set the level shown in `item` from `source`; a later record from the same source replaces the earlier one."""
    skill, _created = CandidateSkill.objects.update_or_create(
        candidate=candidate,
        item=item,
        source=source,
        defaults={"level": level, "evidence": evidence, "recorded_by": actor},
    )
    record_event(actor, "candidate.skill_recorded", candidate, details={"item": item.code, "source": source})
    return skill


def proven_levels(candidate: Candidate) -> dict[str, int]:
    """The highest proven level per catalogue item code, keyed as the profiles key them."""
    return proven_levels_of([candidate.pk]).get(candidate.pk, {})


def proven_levels_of(candidates) -> dict[int, dict[str, int]]:
    """`proven_levels` of many candidates (a queryset or ids) in one query, by candidate id; a candidate without
    proven levels is missing."""
    levels: dict[int, dict[str, int]] = defaultdict(dict)
    for candidate_id, code, level in (
        CandidateSkill.objects.filter(candidate__in=candidates)
        .exclude(source=CandidateSkill.Source.SELF)
        .values_list("candidate_id", "item__code", "level")
    ):
        shown, key = levels[candidate_id], f"item:{code}"
        shown[key] = max(shown.get(key, 0), level)
    return dict(levels)


@dataclass(frozen=True)
class RoleGap:
    profile: object
    result: GapResult
    labels: dict[str, str]


def gaps_to_target_roles(candidate: Candidate) -> list[RoleGap]:
    """For each role the candidate aims at: the gap between its current profile version and the proven levels."""
    shown = proven_levels(candidate)
    gaps = []
    for profile in candidate.target_roles.all():
        version = profile.current
        if version is None:
            continue
        requirements = version.requirements.select_related("item", "specialism")
        labels = {req.skill_key: req.label for req in requirements}
        gaps.append(RoleGap(profile, compute_gap(requirements_for_gap(version), shown), labels))
    return gaps


@transaction.atomic
def complete_enrolment(actor, enrolment) -> None:
    """A module completed: its outcomes become the student's proven levels (never lowering a level shown)."""
    if enrolment.completed_at is not None:
        return
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])
    candidate = enrolment.candidate
    for outcome in enrolment.run.module.outcomes.select_related("item"):
        existing = CandidateSkill.objects.filter(candidate=candidate, item=outcome.item, source="module").first()
        if existing is None or existing.level < outcome.level:
            record_skill_level(
                actor, candidate, item=outcome.item, level=outcome.level, source="module",
                evidence=str(enrolment.run.module),
            )  # fmt: skip
    record_event(actor, "candidate.module_completed", candidate, details={"run": enrolment.run_id})


@transaction.atomic
def record_self_reported(actor, candidate: Candidate, rows: list[dict]) -> list[CandidateSkill]:
    """Skills the candidate reports themselves (from a CV or the coach's intake notes), each with the sentence it
    came from as evidence. They are kept as self-assessed: they inform the coach and never count as proven."""
    return [
        record_skill_level(
            actor,
            candidate,
            item=row["item"],
            level=row["level"],
            source=CandidateSkill.Source.SELF,
            evidence=row["evidence"][:300],
        )
        for row in rows
    ]
