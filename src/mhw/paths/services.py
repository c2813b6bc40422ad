"""Planning a candidate's development path from the regional offer, and storing it with the trajectory."""

import datetime

from django.db import transaction
from django.db.models import Prefetch

from mhw.accounts.audit import record_event
from mhw.candidates.services.skills import proven_levels
from mhw.learning.models import Module, ModuleOutcome, ModuleRun
from mhw.paths.models import DevelopmentPath, PathStep
from mhw.paths.optimizer import PathProblem, Run, plan_development_path


def _week(start: datetime.date, day: datetime.date) -> int:
    return (day - start).days // 7


def build_problem(candidate, version, *, start_date, hours_per_week, online_only=False, max_cost=None,
                  pinned=(), excluded=()) -> tuple[PathProblem, dict]:  # fmt: skip
    """The optimiser's problem for this candidate and profile version, and the stored run behind each run id."""
    required = {}
    for requirement in version.requirements.select_related("item", "specialism"):
        required[requirement.skill_key] = requirement.level
    current = proven_levels(candidate)
    runs, by_id = [], {}
    modules = (
        Module.objects.offered()
        .prefetch_related(
            Prefetch("outcomes", queryset=ModuleOutcome.objects.select_related("item")),
            "level_prerequisites__item",
            "prerequisite_modules",
            Prefetch("runs", queryset=ModuleRun.objects.filter(starts_on__gte=start_date)),
        )
        .select_related("provider")
    )
    for module in modules:
        teaches = {f"item:{o.item.code}": o.level for o in module.outcomes.all()}
        prerequisite_levels = {f"item:{p.item.code}": p.level for p in module.level_prerequisites.all()}
        for run in module.runs.all():
            run_id = f"run:{run.pk}"
            by_id[run_id] = run
            runs.append(
                Run(
                    run_id=run_id, module_id=module.pk, start_week=_week(start_date, run.starts_on),
                    duration_weeks=module.duration_weeks, hours=module.hours, cost=float(module.cost),
                    teaches=teaches, prerequisite_modules=frozenset(m.pk for m in module.prerequisite_modules.all()),
                    prerequisite_levels=prerequisite_levels, online=module.online, provider=module.provider.name,
                )
            )  # fmt: skip
    problem = PathProblem(
        required=required, current=current, runs=runs, hours_per_week=hours_per_week,
        pinned_modules=frozenset(m.pk for m in pinned), excluded_modules=frozenset(m.pk for m in excluded),
        online_only=online_only, max_cost=float(max_cost) if max_cost is not None else None,
    )  # fmt: skip
    return problem, by_id


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
            path=path, run=by_id[run.run_id], position=position, start_week=run.start_week, end_week=run.end_week,
            closes=sorted(closes_by_run.get(run.run_id, [])),
        )
        for position, run in enumerate(plan.runs)
    )  # fmt: skip
    record_event(actor, "candidate.path_planned", candidate, details={"path": path.pk, "weeks": plan.finish_week})
    return path
