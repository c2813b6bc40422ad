"""Assessing a participant by an achievement's rubric; a pass issues the achievement's credential at once."""

from django.db import transaction
from django.utils.translation import gettext as _

from mhw.accounts.audit import record_event
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.credentials import services
from mhw.credentials.models import Achievement, RubricAssessment, RubricScore


def assessable(achievement: Achievement) -> bool:
    return achievement.rubric_id is not None and achievement.rubric_pass_level_id is not None


@transaction.atomic
def assess(actor, achievement: Achievement, candidate, *, scores: dict) -> RubricAssessment:
    """Record one level per criterion (`scores`: criterion -> level, both of the achievement's rubric)."""
    if not can(actor, Capability.RECORD_TRAINING, candidate.campus_id):
        raise services.CredentialError(_("Your role does not allow assessing."))
    if not assessable(achievement):
        raise services.CredentialError(_("This achievement has no rubric to assess by."))
    criteria = set(achievement.rubric.criteria.all())
    levels = set(achievement.rubric.levels.all())
    if set(scores) != criteria or not set(scores.values()) <= levels:
        raise services.CredentialError(_("Give every criterion of the rubric one of its levels."))
    passed = all(level.score >= achievement.rubric_pass_level.score for level in scores.values())
    assessment = RubricAssessment.objects.create(
        candidate=candidate, achievement=achievement, assessor=actor, passed=passed
    )
    RubricScore.objects.bulk_create(
        RubricScore(assessment=assessment, criterion=criterion, level=level) for criterion, level in scores.items()
    )
    record_event(actor, "candidate.rubric_assessed", candidate, details={"assessment": assessment.pk, "passed": passed})
    if passed:
        ordered = sorted(scores.items(), key=lambda pair: pair[0].position)
        assessment.credential = services.issue(
            actor, achievement, candidate,
            narrative=_("Assessed by the rubric “%(rubric)s” by %(assessor)s.")
            % {"rubric": achievement.rubric, "assessor": actor.full_name},
            evidence=[{
                "name": str(achievement.rubric),
                "narrative": "; ".join(f"{criterion}: {level}" for criterion, level in ordered),
            }],
        )  # fmt: skip
        assessment.save(update_fields=["credential"])
    return assessment
