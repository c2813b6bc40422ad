"""Planning a candidate's development path from the regional offer, and storing it with the trajectory."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mhw.accounts.audit import record_event
from mhw.candidates.services.skills import proven_levels
from mhw.learning.models import Module, ModuleOutcome, ModulePrerequisite, ModuleRun
from mhw.paths.models import DevelopmentPath, PathStep
from mhw.paths.optimizer import PathProblem, Run, plan_development_path, runs_that_can_matter


def _week(start: datetime.date, day: datetime.date) -> int:
    return (day - start).days // 7


# Hours a week assumed for a candidate without a planned path, the path form's default.
DEFAULT_HOURS_PER_WEEK = 20
# Seconds the path engine may spend on one estimate in a ranking; past them the estimate says no plan was found in time.
ESTIMATE_SECONDS = 2.0


def _required_levels(version) -> dict:
    return {r.skill_key: r.level for r in version.requirements.select_related("item", "specialism")}


def offer_runs(start_date: datetime.date) -> tuple[list[Run], dict]:
    """The regional offer as the optimiser sees it: every run of an offered module starting on or after
    `start_date`, with its weeks counted from that date; and the stored run's id behind each run id.

    Read as plain rows, five queries whatever the size of the offer: at national size (5,000 modules, 7,000 runs)
    building model objects for every module, outcome and run took about three seconds."""
    offered = Module.objects.offered()
    teaches: dict = defaultdict(dict)
    for module_id, code, level in ModuleOutcome.objects.filter(module__in=offered).values_list(
        "module_id", "item__code", "level"
    ):
        teaches[module_id][f"item:{code}"] = level
    levels_needed: dict = defaultdict(dict)
    for module_id, code, level in ModulePrerequisite.objects.filter(module__in=offered).values_list(
        "module_id", "item__code", "level"
    ):
        levels_needed[module_id][f"item:{code}"] = level
    modules_needed: dict = defaultdict(set)
    for module_id, needed_id in Module.prerequisite_modules.through.objects.filter(from_module__in=offered).values_list(
        "from_module_id", "to_module_id"
    ):
        modules_needed[module_id].add(needed_id)
    runs_of: dict = defaultdict(list)
    for run_pk, module_id, starts_on in ModuleRun.objects.filter(
        module__in=offered, starts_on__gte=start_date
    ).values_list("pk", "module_id", "starts_on"):
        runs_of[module_id].append((run_pk, starts_on))
    runs, by_id = [], {}
    for module_id, duration, hours, cost, online, provider in offered.values_list(
        "pk", "duration_weeks", "hours", "cost", "online", "provider__name"
    ):
        for run_pk, starts_on in runs_of.get(module_id, ()):
            run_id = f"run:{run_pk}"
            by_id[run_id] = run_pk
            runs.append(
                Run(
                    run_id=run_id, module_id=module_id, start_week=_week(start_date, starts_on),
                    duration_weeks=duration, hours=hours, cost=float(cost), teaches=teaches[module_id],
                    prerequisite_modules=frozenset(modules_needed[module_id]),
                    prerequisite_levels=levels_needed[module_id], online=online, provider=provider,
                )
            )  # fmt: skip
    return runs, by_id


def build_problem(candidate, version, *, start_date, hours_per_week, online_only=False, max_cost=None,
                  pinned=(), excluded=()) -> tuple[PathProblem, dict]:  # fmt: skip
    """The optimiser's problem for this candidate and profile version, and the stored run's id behind each run id."""
    runs, by_id = offer_runs(start_date)
    problem = PathProblem(
        required=_required_levels(version), current=proven_levels(candidate), runs=runs,
        hours_per_week=hours_per_week, pinned_modules=frozenset(m.pk for m in pinned),
        excluded_modules=frozenset(m.pk for m in excluded), online_only=online_only,
        max_cost=float(max_cost) if max_cost is not None else None,
    )  # fmt: skip
    return problem, by_id


@dataclass(frozen=True)
class TrainingEstimate:
    """How long training would take to close a candidate's gap to a role, by the path engine."""

    weeks: int | None  # None when no combination of runs closes the gap that can be closed, or none was found in time
    proven: bool  # False when the engine ran out of time before it found the soonest week (`weeks` is then None)
    unclosable: int  # required skills no module in the offer teaches
    hours_per_week: int  # assumed: the candidate's latest planned path, else the default


class TrainingEstimator:
    """Estimates for many candidate-role pairs at once, reading the regional offer a single time. Starts today."""

    def __init__(self, start_date: datetime.date | None = None):
        self.runs, _ = offer_runs(start_date or timezone.localdate())
        self._roles: dict = {}  # version id -> (required levels, the runs that can matter for them)

    def estimate(self, candidate, version) -> TrainingEstimate:
        if version.pk not in self._roles:
            required = _required_levels(version)
            self._roles[version.pk] = (required, runs_that_can_matter(required, self.runs))
        required, runs = self._roles[version.pk]
        latest = candidate.paths.order_by("-created_at", "-id").values_list("hours_per_week", flat=True).first()
        hours = latest or DEFAULT_HOURS_PER_WEEK
        problem = PathProblem(required, proven_levels(candidate), runs, hours_per_week=hours)
        plan = plan_development_path(problem, time_limit=ESTIMATE_SECONDS, cheapest=False)
        return TrainingEstimate(
            weeks=plan.finish_week if plan.status == "optimal" else None,
            proven=plan.status != "time_limit",
            unclosable=len(plan.unclosable),
            hours_per_week=hours,
        )


@transaction.atomic
def plan_path(actor, candidate, version, *, start_date, hours_per_week, online_only=False, max_cost=None,
              pinned=(), excluded=()) -> DevelopmentPath:  # fmt: skip
    """Plan, store and audit the optimal path; earlier plans stay for comparison."""
    problem, by_id = build_problem(
        candidate, version, start_date=start_date, hours_per_week=hours_per_week, online_only=online_only,
        max_cost=max_cost, pinned=pinned, excluded=excluded,
    )  # fmt: skip
    plan = plan_development_path(problem)
    path = DevelopmentPath.objects.create(
        candidate=candidate, profile=version, start_date=start_date, hours_per_week=hours_per_week,
        online_only=online_only, max_cost=max_cost, status=plan.status, finish_week=plan.finish_week,
        total_hours=plan.total_hours, total_cost=plan.total_cost,
        unclosable=[key.removeprefix("item:") for key in plan.unclosable], reasons=plan.reasons, created_by=actor,
    )  # fmt: skip
    path.pinned_modules.set(pinned)
    path.excluded_modules.set(excluded)
    closes_by_run: dict = {}
    for skill, run_id in plan.closes.items():
        closes_by_run.setdefault(run_id, []).append(skill.removeprefix("item:"))
    PathStep.objects.bulk_create(
        PathStep(
            path=path, run_id=by_id[run.run_id], position=position, start_week=run.start_week, end_week=run.end_week,
            closes=sorted(closes_by_run.get(run.run_id, [])),
        )
        for position, run in enumerate(plan.runs)
    )  # fmt: skip
    record_event(actor, "candidate.path_planned", candidate, details={"path": path.pk, "weeks": plan.finish_week})
    return path


def latest_path_to(candidate, profile) -> DevelopmentPath | None:
    """The candidate's most recent planned path to any version of this role, if one was planned."""
    return candidate.paths.filter(profile__profile=profile).order_by("-created_at", "-id").first()


def training_summary(path: DevelopmentPath) -> str:
    """The planned path in words for an agreement: each module with its provider and dates, then the totals."""
    lines = []
    for step in path.steps.select_related("run__module__provider"):
        run = step.run
        ends = path.start_date + datetime.timedelta(weeks=step.end_week)
        lines.append(f"{run.module} — {run.module.provider.name}, {run.starts_on:%d-%m-%Y} – {ends:%d-%m-%Y}")
    lines.append(
        _("%(weeks)s weeks, %(hours)s hours in total") % {"weeks": path.finish_week, "hours": f"{path.total_hours:g}"}
    )
    return "\n".join(lines)


def training_end(path: DevelopmentPath) -> datetime.date:
    return path.start_date + datetime.timedelta(weeks=path.finish_week)
