"""The end-of-route evaluation: the student evaluates their route, the company its new employee's preparation."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mhw.accounts.audit import record_event
from mhw.candidates.models import Candidate, Evaluation
from mhw.candidates.services.agreements import signing_side

EVALUATING_STAGES = frozenset({"training_completed", "contract_signed", "onboarding", "completed"})


class EvaluationError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def evaluating_side(actor, candidate: Candidate) -> str | None:
    """ "student" for the candidate, "company" for the HR of a company with a signed declaration, else None."""
    for declaration in candidate.declarations.all():
        side = signing_side(actor, candidate, declaration.company_id)
        if side == "company" and declaration.is_signed:
            return "company"
    if candidate.user_id == actor.pk:
        return "student"
    if candidate.employer_id and signing_side(actor, candidate, candidate.employer_id) == "company":
        return "company"
    return None


@transaction.atomic
def submit_evaluation(actor, candidate: Candidate, *, data: dict) -> Evaluation:
    side = evaluating_side(actor, candidate)
    if side is None:
        raise EvaluationError(_("Only the student and their employer evaluate this route."))
    if candidate.stage not in EVALUATING_STAGES:
        raise EvaluationError(_("The evaluation opens when the training is completed."))
    if candidate.evaluations.filter(by=side).exists():
        raise EvaluationError(_("This evaluation has been submitted already."))
    evaluation = Evaluation.objects.create(candidate=candidate, by=side, submitted_by=actor, **data)
    record_event(actor, "candidate.evaluated", candidate, details={"by": side})
    return evaluation
