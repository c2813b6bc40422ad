"""Use cases of the offer: a provider's modules written one by one or uploaded as a sheet, and downloaded again."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from mhw.accounts.audit import record_event
from mhw.accounts.concurrency import save_versioned
from mhw.learning.models import Module, ModuleOutcome, ModulePrerequisite, ModuleRun
from mhw.learning.offer_sheet import ModuleRow, OfferSheetError, SheetProblem, parse_rows
from mhw.skills.models import UloItem, UloStatus

MODULE_FIELDS = [
    "title_nl", "title_en", "description", "hours", "duration_weeks", "format", "location", "online", "cost",
    "language", "credential", "is_basic",
]  # fmt: skip


def published_items(codes) -> dict[str, UloItem]:
    """The published catalogue item for each code (codes stay the same across versions of a ULO)."""
    items = UloItem.objects.filter(code__in=set(codes), version__status=UloStatus.PUBLISHED)
    return {item.code: item for item in items}


def _check_items(rows: list[ModuleRow]) -> dict[str, UloItem]:
    codes = {code for row in rows for code, _level in (*row.outcomes, *row.prerequisite_levels)}
    items = published_items(codes)
    problems = [
        SheetProblem(gettext_noop("%(code)s is not a published catalogue item"), {"code": code}, row=row.row)
        for row in rows
        for code, _level in (*row.outcomes, *row.prerequisite_levels)
        if code not in items
    ]
    if problems:
        raise OfferSheetError(problems)
    return items


def _write(module: Module, row: ModuleRow, items: dict[str, UloItem], by_code: dict[str, Module]) -> None:
    module.outcomes.all().delete()
    ModuleOutcome.objects.bulk_create(ModuleOutcome(module=module, item=items[c], level=lv) for c, lv in row.outcomes)
    module.level_prerequisites.all().delete()
    ModulePrerequisite.objects.bulk_create(
        ModulePrerequisite(module=module, item=items[c], level=lv) for c, lv in row.prerequisite_levels
    )
    module.prerequisite_modules.set([by_code[code] for code in row.prerequisite_modules])
    known = set(module.runs.values_list("starts_on", flat=True))
    ModuleRun.objects.bulk_create(
        ModuleRun(module=module, starts_on=run.starts_on, seats=run.seats, schedule=run.schedule)
        for run in row.runs
        if run.starts_on not in known
    )


@transaction.atomic
def import_offer(actor, provider, records: list[tuple[int, dict]]) -> list[Module]:
    """Create or update the provider's modules from sheet rows, all or none (upsert by the provider's code)."""
    existing = {m.code: m for m in Module.objects.select_for_update().filter(provider=provider)}
    rows = parse_rows(records, frozenset(existing))
    items = _check_items(rows)
    saved = {}
    for row in rows:
        module = existing.get(row.code) or Module(provider=provider, code=row.code)
        for name, value in row.fields.items():
            setattr(module, name, value)
        module.updated_at = timezone.now()
        if module.pk:
            module.version += 1
        module.save()
        saved[row.code] = module
    by_code = existing | saved
    for row in rows:
        _write(saved[row.code], row, items, by_code)
    record_event(actor, "offer.imported", provider, details={"modules": len(saved)})
    return list(saved.values())


@transaction.atomic
def save_module(actor, provider, row: ModuleRow, *, module: Module | None, expected_version: int | None) -> Module:
    """Create or change one module from a form, with the same checks as a sheet row."""
    items = _check_items([row])
    by_code = {m.code: m for m in Module.objects.filter(provider=provider)}
    missing = [code for code in row.prerequisite_modules if code not in by_code]
    if missing:
        raise OfferSheetError(
            [
                SheetProblem(
                    gettext_noop("this provider has no module “%(code)s”"),
                    {"code": code},
                    column="prerequisite_modules",
                )
                for code in missing
            ]
        )
    if module is None:
        module = Module.objects.create(provider=provider, code=row.code, **row.fields)
        record_event(actor, "module.created", module, campus_id=provider.campus_id)
    else:
        for name, value in row.fields.items():
            setattr(module, name, value)
        module.updated_at = timezone.now()
        save_versioned(module, [*MODULE_FIELDS, "updated_at"], expected_version or 0)
        record_event(actor, "module.updated", module, campus_id=provider.campus_id)
    _write(module, row, items, by_code)
    return module


def as_row(module: Module) -> dict:
    """The module in the sheet's columns (for the download and the edit form)."""
    return {
        "code": module.code,
        **{name: getattr(module, name) for name in MODULE_FIELDS},
        "online": "yes" if module.online else "no",
        "is_basic": "yes" if module.is_basic else "no",
        "outcomes": " | ".join(f"{o.item.code}:{o.level}" for o in module.outcomes.select_related("item")),
        "prerequisite_modules": " | ".join(m.code for m in module.prerequisite_modules.all()),
        "prerequisite_levels": " | ".join(
            f"{p.item.code}:{p.level}" for p in module.level_prerequisites.select_related("item")
        ),
        "runs": " | ".join(f"{r.starts_on.isoformat()};{r.seats};{r.schedule}" for r in module.runs.all()),
    }
