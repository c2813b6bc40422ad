"""API endpoints for candidate records."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.forms.models import model_to_dict
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from mhw.accounts.api import Error
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates import services
from mhw.candidates.forms import CandidateForm
from mhw.candidates.models import Candidate

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
@paginate(LimitOffsetPagination)
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
