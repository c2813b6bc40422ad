"""Taking steps on a candidate's route. The pure state machine (candidates/pipeline.py) decides; this module gathers
the facts from the records, checks the actor's role, stores the step with actor, time and reason, and audits it."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from mhw.accounts.audit import record_event
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates import pipeline
from mhw.candidates.labels import ACTION_LABELS
from mhw.candidates.models import Candidate, Consent, PipelineEvent
from mhw.candidates.models.consent import ConsentScope

# Steps of the training itself, which teachers record too; every other step belongs to the candidate office.
TRAINING_ACTIONS = frozenset({"kick_off", "complete_basic_modules", "go", "no_go", "complete_training"})

FACT_LABELS = {
    "consent": _("the candidate's consent"),
    "intake_results": _("an intake result or intake interview"),
    "mutual_match": _("a mutual choice with a company, drafted as a declaration of intent"),
    "intent_signed": _("a declaration of intent signed by company and candidate"),
    "employer_sponsor": _("the employer who sponsors the upskilling"),
    "contract_signed": _("an employment contract signed by both"),
    "evaluation": _("the candidate's evaluation"),
}
REFUSALS = {
    "unknown_action": _("This step does not exist."),
    "wrong_stage": _("This step is not possible in the current stage."),
    "wrong_trajectory": _("This step is not part of this kind of trajectory."),
    "reason_required": _("Give a reason for this step."),
}


class RouteError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def route_facts(candidate: Candidate) -> frozenset[str]:
    """What the records say holds for this candidate now."""
    facts = set()
    if Consent.objects.filter(
        candidate=candidate, text__scope=ConsentScope.PROGRAMME, withdrawn_at__isnull=True
    ).exists():
        facts.add("consent")
    if candidate.intake_results.exists():
        facts.add("intake_results")
    declarations = list(candidate.declarations.select_related("contract").all()) if candidate.pk else []
    if declarations:
        # The office drafts a declaration only after company and candidate chose each other.
        facts.add("mutual_match")
    if any(d.is_signed for d in declarations):
        facts.add("intent_signed")
    if any(d.is_signed and hasattr(d, "contract") and d.contract.is_signed for d in declarations):
        facts.add("contract_signed")
    if candidate.evaluations.filter(by="student").exists():
        facts.add("evaluation")
    if candidate.trajectory == Candidate.Trajectory.UPSKILLING and candidate.employer_id:
        facts.add("employer_sponsor")
    return frozenset(facts)


def may_take(user, candidate: Candidate, action: str) -> bool:
    if candidate.user_id == user.pk and action == "register":
        return True
    if can(user, Capability.MANAGE_CANDIDATES, candidate.campus_id):
        return True
    return action in TRAINING_ACTIONS and can(user, Capability.RECORD_TRAINING, candidate.campus_id)


def refusal_message(refusal: pipeline.StepRefused) -> str:
    if refusal.code == "missing_facts":
        missing = ", ".join(str(FACT_LABELS[f]) for f in sorted(refusal.missing))
        return str(_("This step needs first: %(missing)s.") % {"missing": missing})
    return str(REFUSALS[refusal.code])


@transaction.atomic
def take_step(actor, candidate: Candidate, action: str, *, reason: str = "") -> Candidate:
    """Move the candidate one step on; RouteError says in words why the route does not allow the step now, and
    PermissionDenied (a 403, audited) that the actor's role never may take it."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if not may_take(actor, candidate, action):
        raise PermissionDenied
    try:
        target = pipeline.next_stage(candidate.stage, action, candidate.trajectory, route_facts(candidate), reason)
    except pipeline.StepRefused as refusal:
        raise RouteError(refusal_message(refusal)) from None
    now = timezone.now()
    PipelineEvent.objects.create(
        candidate=candidate, action=action, from_stage=candidate.stage, to_stage=target, actor=actor, at=now,
        reason=reason.strip()[:500],
    )  # fmt: skip
    Candidate.objects.filter(pk=candidate.pk).update(stage=target, stage_since=now, version=candidate.version + 1)
    candidate.stage, candidate.stage_since, candidate.version = target, now, candidate.version + 1
    record_event(actor, f"candidate.step.{action}", candidate, reason=reason)
    for follow_up in settings.ROUTE_STEP_FOLLOW_UPS:  # e.g. the credentials a step earns
        import_string(follow_up)(actor, candidate, action)
    return candidate


def next_steps(user, candidate: Candidate) -> list[dict]:
    """The steps on from the current stage that this user may take, each with what it still needs."""
    facts = route_facts(candidate)
    steps = []
    for step in pipeline.available_steps(candidate.stage, candidate.trajectory):
        if not may_take(user, candidate, step.action):
            continue
        missing = step.requires - facts
        steps.append(
            {
                "action": step.action,
                "label": ACTION_LABELS[step.action],
                "needs_reason": step.needs_reason,
                "missing": [FACT_LABELS[f] for f in sorted(missing)],
            }
        )
    return steps
