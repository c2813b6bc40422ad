"""API endpoints of the regional offer (open, like the catalogue it teaches)."""

import datetime
from decimal import Decimal

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from mhw.accounts.api import Error
from mhw.api.pagination import Pages
from mhw.learning.models import Module, ModuleOutcome, ModuleRun

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

    # What MODULE_PREFETCH read, for a page of modules and for one module alike.
    @staticmethod
    def resolve_outcomes(module):
        return module.outcomes_read

    @staticmethod
    def resolve_prerequisite_modules(module):
        return [m.pk for m in module.prerequisites_read]

    @staticmethod
    def resolve_runs(module):
        return module.runs_read


# What a module's answer shows besides the module, fetched for a whole page at once.
# Only the columns the answer shows (the items' and modules' texts are long, and a page of 50 modules reads some 400
# rows through these), into plain lists: prefetching into the related managers made a queryset per module and
# relation, which cost more than reading the rows.
MODULE_PREFETCH = (
    Prefetch(
        "outcomes",
        queryset=ModuleOutcome.objects.select_related("item").only("module", "level", "item__code"),
        to_attr="outcomes_read",
    ),
    Prefetch("prerequisite_modules", queryset=Module.objects.only("pk"), to_attr="prerequisites_read"),
    Prefetch("runs", queryset=ModuleRun.objects.only("module", "starts_on", "schedule", "seats"), to_attr="runs_read"),
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
