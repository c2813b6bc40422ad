"""API endpoints of the accounts app: the caller, campuses, partner organisations, API tokens, the audit log."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from mhw.accounts import services
from mhw.accounts.models import AuditEvent, Campus, Organisation
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.api.pagination import Pages

router = Router(tags=["accounts"])


class Error(Schema):
    detail: str


class MembershipOut(Schema):
    role: str
    campus: str | None = Field(None, alias="campus.slug")
    organisation_id: int | None = None


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    language: str
    memberships: list[MembershipOut] = Field(..., alias="active_memberships")


class CampusOut(Schema):
    id: int
    name: str
    slug: str
    region: str
    city: str
    contact_email: str


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    size_class: str
    city: str
    website: str
    campus: str = Field(..., alias="campus.slug")


class OrganisationFilter(Schema):
    kind: Organisation.Kind | None = None
    q: str | None = Field(None, max_length=200)


class TokenIn(Schema):
    name: str = Field(..., min_length=1, max_length=80)


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class NewTokenOut(TokenOut):
    token: str


class AuditEventOut(Schema):
    id: int
    at: datetime
    actor: str = Field(..., alias="actor_label")
    action: str
    object_type: str
    object_id: str
    campus: str | None = Field(None, alias="campus.slug")
    reason: str
    details: dict


class AuditFilter(Schema):
    action: str | None = Field(None, max_length=80)
    object_type: str | None = Field(None, max_length=80)


@router.get("/me", response=MeOut, summary="The logged-in user and their roles")
def me(request):
    return request.user


@router.get("/campuses", response=list[CampusOut], auth=None, summary="All regional campuses (public)")
def list_campuses(request):
    return Campus.objects.all()


@router.get("/campuses/{slug}", response={200: CampusOut, 404: Error}, auth=None, summary="One campus (public)")
def get_campus(request, slug: str):
    return get_object_or_404(Campus, slug=slug)


@router.get("/organisations", response=list[OrganisationOut], summary="Partner organisations you may see")
@paginate(Pages)
def list_organisations(request, filters: Query[OrganisationFilter]):
    organisations = Organisation.objects.visible_to(request.user).select_related("campus")
    if filters.kind:
        organisations = organisations.filter(kind=filters.kind)
    if filters.q:
        organisations = organisations.filter(name__icontains=filters.q)
    return organisations


@router.get("/organisations/{organisation_id}", response={200: OrganisationOut, 404: Error})
def get_organisation(request, organisation_id: int):
    return get_object_or_404(Organisation.objects.visible_to(request.user).select_related("campus"), pk=organisation_id)


@router.get("/tokens", response=list[TokenOut], summary="Your personal API tokens")
def list_tokens(request):
    return request.user.api_tokens.all()


@router.post("/tokens", response={201: NewTokenOut}, summary="Make a personal API token (shown once)")
def create_token(request, payload: TokenIn):
    token, raw = services.create_api_token(request.user, name=payload.name)
    token.token = raw
    return Status(201, token)


@router.delete("/tokens/{token_id}", response={200: TokenOut, 404: Error}, summary="Revoke one of your tokens")
def revoke_token(request, token_id: int):
    token = get_object_or_404(request.user.api_tokens, pk=token_id)
    return services.revoke_api_token(request.user, token)


@router.get("/audit-events", response={200: list[AuditEventOut], 403: Error}, summary="The audit log")
@paginate(Pages)
def list_audit_events(request, filters: Query[AuditFilter]):
    if not can(request.user, Capability.VIEW_AUDIT):
        raise PermissionDenied
    events = AuditEvent.objects.visible_to(request.user).select_related("campus")
    if filters.action:
        events = events.filter(action__icontains=filters.action)
    if filters.object_type:
        events = events.filter(object_type__icontains=filters.object_type)
    return events
