"""The programme figures of the individual route for many candidates at once (`candidates/figures.py` computes them,
pure): counted by the database where it can count — candidates per stage reached, per recruitment channel — and read
as plain values only for the few candidates who left the route or have a contract. A fixed number of queries, and
no model object per candidate or per step, whatever the number of candidates."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from mhw.candidates import figures
from mhw.candidates.models import EmploymentContract, PipelineEvent

LEAVING_ACTIONS = ("withdraw", "no_go", "reject")


@dataclass(frozen=True)
class RouteFigures:
    total: int
    funnel: list[tuple[str, int, float | None]]
    dropouts: list[tuple[str, str, int]]  # (how they left, from which stage, how many)
    reasons: list[str]  # the reasons given for leaving, in the candidates' order, at most 50
    time_to_job: figures.TimeToJob
    channels: Counter  # recruitment channel's stored value ("" when unknown) -> candidates


def route_figures(candidates) -> RouteFigures:
    """The figures of the candidates in the queryset `candidates`."""
    ids = candidates.order_by().values("pk")
    channels = Counter(dict(candidates.order_by().values_list("recruitment_channel").annotate(n=Count("pk"))))
    reached = dict(
        PipelineEvent.objects.filter(candidate__in=ids, to_stage__in=figures.MILESTONES)
        .values_list("to_stage")
        .annotate(n=Count("candidate", distinct=True))
        .order_by()
    )
    left = {}  # the last step off the route counts
    for candidate_id, action, from_stage, reason in (
        PipelineEvent.objects.filter(candidate__in=ids, action__in=LEAVING_ACTIONS)
        .order_by("candidate_id", "at", "id")
        .values_list("candidate_id", "action", "from_stage", "reason")
    ):
        left[candidate_id] = (action, from_stage, reason)
    leavers = [figures.CandidateFacts(frozenset(), left_how=a, left_at_stage=s) for a, s, _r in left.values()]
    with_reason = [candidate_id for candidate_id, (_a, _s, reason) in left.items() if reason]
    in_order = candidates.filter(pk__in=with_reason).values_list("pk", flat=True)[:50] if with_reason else []
    contract_starts = {}  # the newest declaration with a signed contract counts, as on the candidate's page
    for candidate_id, starts_on in (
        EmploymentContract.objects.filter(
            declaration__candidate__in=ids, signed_by_company_at__isnull=False, signed_by_candidate_at__isnull=False
        )
        .order_by("declaration__candidate_id", "-declaration__created_at", "-declaration__id")
        .values_list("declaration__candidate_id", "starts_on")
    ):
        contract_starts.setdefault(candidate_id, starts_on)
    registered = {}
    for candidate_id, at in (
        PipelineEvent.objects.filter(candidate__in=list(contract_starts), action="register")
        .order_by("candidate_id", "-at", "-id")
        .values_list("candidate_id", "at")
    ):
        registered[candidate_id] = at.date()  # the first registration counts
    employed = [
        figures.CandidateFacts(frozenset(), registered_on=registered.get(k), contract_starts_on=starts)
        for k, starts in contract_starts.items()
    ]
    return RouteFigures(
        total=sum(channels.values()),
        funnel=figures.funnel_of_counts(reached),
        dropouts=figures.dropouts(leavers),
        reasons=[left[candidate_id][2] for candidate_id in in_order],
        time_to_job=figures.time_to_job(employed),
        channels=channels,
    )
