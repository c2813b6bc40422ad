"""API endpoints of the regional offer (open, like the catalogue it teaches)."""

import datetime
from decimal import Decimal

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from mhw.accounts.api import Error
from mhw.api.pagination import Pages
from mhw.learning.models import Module, ModuleOutcome

router = Router(tags=["offer"])


class OutcomeOut(Schema):
    item: str = Field(..., alias="item.code")
    level: int


class RunOut(Schema):
    starts_on: datetime.date
    schedule: str
    seats: int


class ModuleOut(Schema):
    id: int
    code: str
    provider: str = Field(..., alias="provider.name")
    campus: str = Field(..., alias="provider.campus.slug")
    title_nl: str
    title_en: str
    hours: int
    duration_weeks: int
    format: str
    online: bool
    cost: Decimal
    language: str
    is_basic: bool
    credential: str
    outcomes: list[OutcomeOut]
    prerequisite_modules: list[int]
    runs: list[RunOut]

    @staticmethod
    def resolve_outcomes(module):
        # .all() uses what the list prefetched (items included); a single module reads them here.
        return list(module.outcomes.all())

    @staticmethod
    def resolve_prerequisite_modules(module):
        return [m.pk for m in module.prerequisite_modules.all()]

    @staticmethod
    def resolve_runs(module):
        return list(module.runs.all())


# What a module's answer shows besides the module, fetched for a whole page at once.
MODULE_PREFETCH = (
    Prefetch("outcomes", queryset=ModuleOutcome.objects.select_related("item")),
    "prerequisite_modules",
    "runs",
)


class OfferFilter(Schema):
    campus: str | None = Field(None, max_length=60, description="campus slug")
    basic: bool | None = None
    online: bool | None = None


@router.get("/offer/modules", response=list[ModuleOut], auth=None, summary="The regional offer of modules")
@paginate(Pages)
def list_modules(request, filters: Query[OfferFilter]):
    modules = Module.objects.offered().select_related("provider__campus").prefetch_related(*MODULE_PREFETCH)
    modules = modules.order_by("title_nl", "pk")
    if filters.campus:
        modules = modules.filter(provider__campus__slug=filters.campus)
    if filters.basic is not None:
        modules = modules.filter(is_basic=filters.basic)
    if filters.online is not None:
        modules = modules.filter(online=filters.online)
    return modules


@router.get("/offer/modules/{module_id}", response={200: ModuleOut, 404: Error}, auth=None)
def get_module(request, module_id: int):
    return get_object_or_404(
        Module.objects.offered().select_related("provider__campus").prefetch_related(*MODULE_PREFETCH), pk=module_id
    )
