"""The individual route as a state machine (toolbox ch. 3): which step may follow which, and what must be true first.

Pure module: the stage, the action, the trajectory (lateral entry or upskilling) and the set of facts that hold now
(consent given, intake done, declaration of intent signed, ...) go in; the next stage comes out, or `StepRefused`
says which facts are missing. The Django layer gathers the facts from the records and stores every step.
"""

from dataclasses import dataclass

LATERAL = "lateral_entry"
UPSKILLING = "upskilling"
BOTH = frozenset({LATERAL, UPSKILLING})

STAGES = (
    "interested",
    "registered",
    "intake_done",
    "selected",
    "not_selected",
    "application_training_done",
    "at_job_fair",
    "matched",
    "intent_signed",
    "enrolled",
    "kicked_off",
    "basic_modules_done",
    "in_training",
    "stopped",
    "training_completed",
    "contract_signed",
    "onboarding",
    "completed",
    "withdrawn",
)
FINAL_STAGES = frozenset({"not_selected", "stopped", "completed", "withdrawn"})

# Facts the Django layer establishes from records, never from a checkbox.
FACTS = frozenset(
    {
        "consent",  # the candidate's consent is recorded and not withdrawn
        "intake_results",  # at least one intake result or the intake interview is recorded
        "mutual_match",  # candidate and company chose each other after the job fair
        "intent_signed",  # a declaration of intent signed by company and candidate
        "employer_sponsor",  # upskilling: the current employer is known and sponsors the path
        "contract_signed",  # an employment contract signed by both
        "evaluation",  # the candidate's evaluation form is in
    }
)


@dataclass(frozen=True)
class Step:
    action: str
    sources: frozenset[str]
    target: str
    trajectories: frozenset[str] = BOTH
    requires: frozenset[str] = frozenset()
    needs_reason: bool = False


def _step(action, sources, target, trajectories=BOTH, requires=(), needs_reason=False) -> Step:
    sources = frozenset({sources} if isinstance(sources, str) else sources)
    return Step(action, sources, target, frozenset(trajectories), frozenset(requires), needs_reason)


STEPS: tuple[Step, ...] = (
    _step("register", "interested", "registered", requires={"consent"}),
    _step("complete_intake", "registered", "intake_done", requires={"consent", "intake_results"}),
    _step("select", "intake_done", "selected"),
    _step("reject", "intake_done", "not_selected", needs_reason=True),
    _step("complete_application_training", "selected", "application_training_done", {LATERAL}),
    _step("attend_job_fair", "application_training_done", "at_job_fair", {LATERAL}),
    _step("match", "at_job_fair", "matched", {LATERAL}, {"mutual_match", "consent"}),
    _step("sign_intent", "matched", "intent_signed", {LATERAL}, {"intent_signed"}),
    _step("enrol", "intent_signed", "enrolled", {LATERAL}, {"intent_signed"}),
    _step("enrol", "selected", "enrolled", {UPSKILLING}, {"employer_sponsor"}),
    _step("kick_off", "enrolled", "kicked_off"),
    _step("complete_basic_modules", "kicked_off", "basic_modules_done"),
    _step("go", "basic_modules_done", "in_training"),
    _step("no_go", "basic_modules_done", "stopped", needs_reason=True),
    _step("complete_training", "in_training", "training_completed"),
    _step("sign_contract", "training_completed", "contract_signed", {LATERAL}, {"intent_signed", "contract_signed"}),
    _step("start_onboarding", "contract_signed", "onboarding", {LATERAL}),
    _step("complete", "onboarding", "completed", {LATERAL}, {"evaluation"}),
    _step("complete", "training_completed", "completed", {UPSKILLING}, {"evaluation"}),
    _step("withdraw", frozenset(STAGES) - FINAL_STAGES, "withdrawn", needs_reason=True),
)
ACTIONS = tuple(dict.fromkeys(step.action for step in STEPS))


class StepRefused(Exception):
    """A step that is not allowed now. `code` says why: unknown_action, wrong_stage, wrong_trajectory,
    missing_facts (with `missing`), or reason_required."""

    def __init__(self, code: str, missing: frozenset[str] = frozenset()):
        super().__init__(code if not missing else f"{code}: {', '.join(sorted(missing))}")
        self.code = code
        self.missing = missing


def find_step(stage: str, action: str, trajectory: str) -> Step:
    """The step `action` from `stage` on this trajectory, ignoring facts; StepRefused if there is none."""
    if action not in ACTIONS:
        raise StepRefused("unknown_action")
    candidates = [s for s in STEPS if s.action == action and stage in s.sources]
    if not candidates:
        raise StepRefused("wrong_stage")
    for step in candidates:
        if trajectory in step.trajectories:
            return step
    raise StepRefused("wrong_trajectory")


def next_stage(stage: str, action: str, trajectory: str, facts: frozenset[str], reason: str = "") -> str:
    """The stage after taking `action`, or StepRefused with the reason it is not allowed."""
    step = find_step(stage, action, trajectory)
    missing = step.requires - facts
    if missing:
        raise StepRefused("missing_facts", frozenset(missing))
    if step.needs_reason and not reason.strip():
        raise StepRefused("reason_required")
    return step.target


def available_steps(stage: str, trajectory: str) -> list[Step]:
    """The steps that lead on from `stage` for this trajectory, whether or not their facts hold yet."""
    return [s for s in STEPS if stage in s.sources and trajectory in s.trajectories]
