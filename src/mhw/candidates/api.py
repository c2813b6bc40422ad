"""API endpoints for candidate records."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.forms.models import model_to_dict
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from mhw.accounts.api import Error
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.api.pagination import Pages
from mhw.candidates import services
from mhw.candidates.forms import CandidateForm
from mhw.candidates.models import Candidate
from mhw.candidates.services import intake, route

router = Router(tags=["candidates"])


class CandidateOut(Schema):
    id: int
    campus: str = Field(..., alias="campus.slug")
    first_name: str
    last_name: str
    email: str
    phone: str
    city: str
    current_occupation: str
    trajectory: str
    employer_id: int | None
    coach_id: int | None
    created_at: datetime
    updated_at: datetime
    version: int


class CandidateFilter(Schema):
    q: str | None = Field(None, max_length=200)
    trajectory: Candidate.Trajectory | None = None


class CandidatePatch(Schema):
    version: int = Field(..., description="The version you read; a stale version answers 409.")
    first_name: str | None = Field(None, max_length=80)
    last_name: str | None = Field(None, max_length=120)
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=30)
    city: str | None = Field(None, max_length=120)
    current_occupation: str | None = Field(None, max_length=200)
    trajectory: Candidate.Trajectory | None = None
    employer_id: int | None = None
    coach_id: int | None = None


def _require(request, capability: Capability) -> None:
    if not can(request.user, capability):
        raise PermissionDenied


@router.get("/candidates", response={200: list[CandidateOut], 403: Error}, summary="Candidates you may see")
@paginate(Pages)
def list_candidates(request, filters: Query[CandidateFilter]):
    _require(request, Capability.VIEW_CANDIDATES)
    candidates = Candidate.objects.visible_to(request.user).select_related("campus")
    if filters.q:
        candidates = candidates.filter(Q(last_name__icontains=filters.q) | Q(first_name__icontains=filters.q))
    if filters.trajectory:
        candidates = candidates.filter(trajectory=filters.trajectory)
    return candidates


@router.get("/candidates/{candidate_id}", response={200: CandidateOut, 403: Error, 404: Error})
def get_candidate(request, candidate_id: int):
    _require(request, Capability.VIEW_CANDIDATES)
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user).select_related("campus"), pk=candidate_id)
    services.open_candidate_record(request.user, candidate)
    return candidate


@router.patch(
    "/candidates/{candidate_id}", response={200: CandidateOut, 403: Error, 404: Error, 409: Error, 422: Error}
)
def update_candidate(request, candidate_id: int, payload: CandidatePatch):
    """Change fields of a candidate's record. Send the `version` you read; if it is stale the answer is 409."""
    _require(request, Capability.MANAGE_CANDIDATES)
    candidate = get_object_or_404(
        Candidate.objects.manageable_by(request.user).select_related("campus"), pk=candidate_id
    )
    changes = payload.dict(exclude_unset=True)
    data = model_to_dict(candidate, fields=services.EDITABLE_FIELDS) | {"version": payload.version}
    for name, value in changes.items():
        data[name.removesuffix("_id")] = value
    form = CandidateForm(data, instance=candidate, campus=candidate.campus)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return services.update_candidate(request.user, candidate, data=form.cleaned_data, expected_version=payload.version)


class StepOut(Schema):
    action: str
    label: str
    needs_reason: bool
    missing: list[str]


class EventOut(Schema):
    action: str
    from_stage: str
    to_stage: str
    actor: str = Field(..., alias="actor.full_name")
    at: datetime
    reason: str


class RouteOut(Schema):
    stage: str
    stage_since: datetime
    next_steps: list[StepOut]
    history: list[EventOut]


class StepIn(Schema):
    action: str = Field(..., max_length=40)
    reason: str = Field("", max_length=500)


class IntakeOut(Schema):
    kind: str
    taken_on: date
    source: str
    summary: str
    conclusions_for_candidate: str


def _route(request, candidate) -> dict:
    return {
        "stage": candidate.stage,
        "stage_since": candidate.stage_since,
        "next_steps": [
            {**step, "label": str(step["label"]), "missing": [str(m) for m in step["missing"]]}
            for step in route.next_steps(request.user, candidate)
        ],
        "history": list(candidate.pipeline_events.select_related("actor")),
    }


@router.get("/candidates/{candidate_id}/route", response={200: RouteOut, 404: Error}, summary="Stage, steps, history")
def get_route(request, candidate_id: int):
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=candidate_id)
    return _route(request, candidate)


@router.post(
    "/candidates/{candidate_id}/steps",
    response={200: RouteOut, 404: Error, 409: Error},
    summary="Take a step on the candidate's route",
)
def take_step(request, candidate_id: int, payload: StepIn):
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=candidate_id)
    try:
        candidate = route.take_step(request.user, candidate, payload.action, reason=payload.reason)
    except route.RouteError as error:
        raise HttpError(409, str(error.message)) from None
    return _route(request, candidate)


@router.get(
    "/candidates/{candidate_id}/intake-results",
    response={200: list[IntakeOut], 403: Error, 404: Error},
    summary="Intake results (special-care data; every read is audited)",
)
def get_intake_results(request, candidate_id: int):
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=candidate_id)
    if not intake.may_read_intake(request.user, candidate):
        raise PermissionDenied
    return intake.read_intake_results(request.user, candidate)
