"""Use cases of skills mappings: create one, fill in its grid, import and export it, and read its gaps."""

from django.db import transaction
from django.utils import timezone

from mhw.accounts.audit import record_event
from mhw.accounts.concurrency import save_versioned
from mhw.skills.gap import Requirement, compute_gap
from mhw.skills.mapping_sheet import MappingGrid
from mhw.skills.models import MappingCell, MappingRole, SkillsMapping, Specialism


@transaction.atomic
def create_mapping(actor, *, campus, title_nl: str, title_en: str, description: str, grid: MappingGrid):
    """A new mapping with the roles, specialisms and levels of `grid` (levels default to 0)."""
    mapping = SkillsMapping.objects.create(
        campus=campus, title_nl=title_nl, title_en=title_en or title_nl, description=description, created_by=actor
    )
    roles = MappingRole.objects.bulk_create(
        MappingRole(mapping=mapping, position=i, name_nl=nl, name_en=en or nl) for i, (nl, en) in enumerate(grid.roles)
    )
    specialisms = Specialism.objects.bulk_create(
        Specialism(mapping=mapping, code=code, name_nl=nl, name_en=en or nl) for code, nl, en in grid.specialisms
    )
    MappingCell.objects.bulk_create(
        MappingCell(
            role=role,
            specialism=specialism,
            current=grid.cells.get((r, s), (0, 0))[0],
            future=grid.cells.get((r, s), (0, 0))[1],
        )
        for r, role in enumerate(roles)
        for s, specialism in enumerate(specialisms)
    )
    record_event(actor, "skills_mapping.created", mapping)
    return mapping


@transaction.atomic
def update_levels(actor, mapping: SkillsMapping, *, levels: dict[int, tuple[int, int]], expected_version: int):
    """Set (current, future) per cell id; refused with ConcurrentEditError if the grid changed since it was opened."""
    mapping.updated_at = timezone.now()
    save_versioned(mapping, ["updated_at"], expected_version)
    cells = list(MappingCell.objects.filter(role__mapping=mapping, pk__in=levels))
    changed = 0
    for cell in cells:
        current, future = levels[cell.pk]
        if (cell.current, cell.future) != (current, future):
            cell.current, cell.future = current, future
            changed += 1
    MappingCell.objects.bulk_update(cells, ["current", "future"])
    record_event(actor, "skills_mapping.levels_updated", mapping, details={"cells_changed": changed})
    return mapping


def grid_of(mapping: SkillsMapping) -> MappingGrid:
    """The mapping as a plain grid, in position and code order (for export and for the pictures)."""
    roles = list(mapping.roles.order_by("position", "pk"))
    specialisms = list(mapping.specialisms.order_by("code"))
    role_index = {role.pk: i for i, role in enumerate(roles)}
    spec_index = {spec.pk: i for i, spec in enumerate(specialisms)}
    grid = MappingGrid(
        roles=[(r.name_nl, r.name_en) for r in roles],
        specialisms=[(s.code, s.name_nl, s.name_en) for s in specialisms],
    )
    for cell in MappingCell.objects.filter(role__mapping=mapping):
        grid.cells[(role_index[cell.role_id], spec_index[cell.specialism_id])] = (cell.current, cell.future)
    return grid


def gaps_of(grid: MappingGrid) -> list[list[int | None]]:
    """The gap (future − current, never negative) per role and specialism, through the shared gap module."""
    result = []
    for r in range(len(grid.roles)):
        required = {}
        current = {}
        for s in range(len(grid.specialisms)):
            if (r, s) in grid.cells:
                now, future = grid.cells[(r, s)]
                required[s], current[s] = Requirement(future), now
        by_specialism = {g.skill: g.gap for g in compute_gap(required, current).skills}
        result.append([by_specialism.get(s) for s in range(len(grid.specialisms))])
    return result
