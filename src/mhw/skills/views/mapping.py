"""Skills mapping pages: the grid of current and future levels, its heatmap and spider charts, Excel in and out."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language, gettext, gettext_lazy
from django.utils.translation import gettext as _
from weasyprint import HTML

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Campus
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.skills.charts import HeatmapLabels, Series, heatmap_svg, spider_svg
from mhw.skills.mapping_sheet import WHOLE_FILE, MappingGrid, SheetError, SheetProblem, read_workbook, write_workbook
from mhw.skills.models import MappingCell, SkillsMapping
from mhw.skills.services import mapping as services


def sheet_problem_text(problem: SheetProblem) -> str:
    """A problem of an uploaded workbook in the active language, after its cell (mapping_sheet keeps the msgid)."""
    text = gettext(problem.text) % problem.params
    return text if problem.cell == WHOLE_FILE else f"{problem.cell}: {text}"


def _lines(text: str) -> list[tuple[str, str]]:
    pairs = []
    for line in text.splitlines():
        if line.strip():
            nl, _sep, en = line.partition("|")
            pairs.append((nl.strip(), en.strip() or nl.strip()))
    return pairs


class MappingForm(forms.Form):
    campus = forms.ModelChoiceField(queryset=Campus.objects.none(), label=gettext_lazy("Campus"))
    title_nl = forms.CharField(label=gettext_lazy("Occupational group (Dutch)"), max_length=200)
    title_en = forms.CharField(label=gettext_lazy("Occupational group (English)"), max_length=200, required=False)
    description = forms.CharField(
        label=gettext_lazy("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    roles = forms.CharField(
        label=gettext_lazy("Roles"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=gettext_lazy("One per line, Dutch | English, e.g. “Servicemonteur | Service engineer”."),
    )
    specialisms = forms.CharField(
        label=gettext_lazy("Specialisms"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=gettext_lazy("One per line, Dutch | English. They are numbered in this order."),
    )
    workbook = forms.FileField(
        label=gettext_lazy("Or import the grid from Excel"),
        required=False,
        help_text=gettext_lazy(
            "A workbook in the shape of the Excel download: it replaces the roles and specialisms above."
        ),
    )

    def __init__(self, *args, campuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campus"].queryset = campuses
        if campuses.count() == 1:
            self.fields["campus"].initial = campuses.first()

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("workbook")
        if upload:
            if upload.size > 5 * 1024 * 1024:
                self.add_error("workbook", _("The file is larger than 5 MB."))
                return cleaned
            try:
                cleaned["grid"] = read_workbook(upload.read())
            except SheetError as error:
                self.add_error("workbook", [sheet_problem_text(p) for p in error.problems])
            return cleaned
        roles, specialisms = _lines(cleaned.get("roles", "")), _lines(cleaned.get("specialisms", ""))
        if not roles:
            self.add_error("roles", _("Name at least one role."))
        if len(specialisms) < 3:
            self.add_error("specialisms", _("Name at least three specialisms."))
        if len({nl for nl, _en in roles}) != len(roles):
            self.add_error("roles", _("Each role may appear only once."))
        cleaned["grid"] = MappingGrid(
            roles=roles, specialisms=[(i + 1, nl, en) for i, (nl, en) in enumerate(specialisms)]
        )
        return cleaned


@capability_required(Capability.VIEW_SKILLS_WORK)
def mapping_list(request):
    mappings = SkillsMapping.objects.visible_to(request.user).select_related("campus")
    return render(
        request,
        "skills/mapping_list.html",
        {"mappings": mappings, "may_manage": can(request.user, Capability.MANAGE_MAPPINGS)},
    )


@capability_required(Capability.MANAGE_MAPPINGS)
def mapping_create(request):
    form = MappingForm(
        request.POST or None,
        request.FILES or None,
        campuses=Campus.objects.where(request.user, Capability.MANAGE_MAPPINGS),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        mapping = services.create_mapping(
            request.user,
            campus=data["campus"],
            title_nl=data["title_nl"],
            title_en=data["title_en"],
            description=data["description"],
            grid=data["grid"],
        )
        messages.success(request, _("The skills mapping has been made. Fill in the levels with your front-runners."))
        return redirect("mapping_detail", pk=mapping.pk)
    return render(request, "skills/mapping_form.html", {"form": form})


def _language_index() -> int:
    return 1 if get_language() == "en" else 0


def _heatmap(mapping, grid: MappingGrid) -> str:
    lang = _language_index()
    return heatmap_svg(
        [role[lang] for role in grid.roles],
        [spec[1 + lang] for spec in grid.specialisms],
        services.gaps_of(grid),
        HeatmapLabels(
            title=_("Gap per role and specialism — %(mapping)s") % {"mapping": mapping},
            legend=_("Gap (future − current):"),
            no_data=_("no data"),
        ),
    )


def _spider(mapping, grid: MappingGrid, role: int) -> str:
    lang = _language_index()
    current = [grid.cells.get((role, s), (None, None))[0] for s in range(len(grid.specialisms))]
    future = [grid.cells.get((role, s), (None, None))[1] for s in range(len(grid.specialisms))]
    return spider_svg(
        [spec[1 + lang] for spec in grid.specialisms],
        [Series(_("Current"), current), Series(_("Future"), future)],
        _("Development spider — %(role)s") % {"role": grid.roles[role][lang]},
    )


def _role_index(request, grid: MappingGrid) -> int:
    value = request.GET.get("role", "0")
    if not value.isdigit() or int(value) >= len(grid.roles):
        raise Http404
    return int(value)


def _visible(request, pk: int) -> SkillsMapping:
    return get_object_or_404(SkillsMapping.objects.visible_to(request.user).select_related("campus"), pk=pk)


@capability_required(Capability.VIEW_SKILLS_WORK)
def mapping_detail(request, pk: int):
    mapping = _visible(request, pk)
    grid = services.grid_of(mapping)
    lang = _language_index()
    role = _role_index(request, grid) if grid.roles else 0
    gaps = services.gaps_of(grid)
    rows = [
        {
            "code": code,
            "name": (nl, en)[lang],
            "cells": [(*grid.cells.get((r, s), (0, 0)), gaps[r][s]) for r in range(len(grid.roles))],
        }
        for s, (code, nl, en) in enumerate(grid.specialisms)
    ]
    context = {
        "mapping": mapping,
        "roles": [(i, names[lang]) for i, names in enumerate(grid.roles)],
        "rows": rows,
        "role": role,
        "heatmap": _heatmap(mapping, grid) if grid.roles and grid.specialisms else "",
        "spider": _spider(mapping, grid, role) if grid.roles and len(grid.specialisms) >= 3 else "",
        "may_manage": can(request.user, Capability.MANAGE_MAPPINGS, mapping.campus_id),
    }
    return render(request, "skills/mapping_detail.html", context)


@capability_required(Capability.MANAGE_MAPPINGS)
def mapping_edit(request, pk: int):
    mapping = get_object_or_404(SkillsMapping.objects.manageable_by(request.user), pk=pk)
    cells = list(
        MappingCell.objects.filter(role__mapping=mapping)
        .select_related("role", "specialism")
        .order_by("specialism__code", "role__position", "role__pk")
    )
    errors = []
    if request.method == "POST":
        levels = {}
        for cell in cells:
            pair = []
            for name in ("current", "future"):
                raw = request.POST.get(f"cell-{cell.pk}-{name}", "").strip()
                if not raw.isdigit() or int(raw) > 5:
                    errors.append(
                        _("%(specialism)s / %(role)s: a level is a whole number from 0 to 5.")
                        % {"specialism": cell.specialism, "role": cell.role}
                    )
                    pair.append(getattr(cell, name))
                else:
                    pair.append(int(raw))
            levels[cell.pk] = tuple(pair)
        version = request.POST.get("version", "")
        if not version.isdigit():
            errors.append(_("The form is incomplete; reload the page and try again."))
        if not errors:
            try:
                services.update_levels(request.user, mapping, levels=levels, expected_version=int(version))
            except ConcurrentEditError as error:
                errors.append(error.message)
            else:
                messages.success(request, _("The levels have been saved."))
                return redirect("mapping_detail", pk=mapping.pk)
        for cell in cells:
            cell.current, cell.future = levels.get(cell.pk, (cell.current, cell.future))
    roles = sorted({cell.role for cell in cells}, key=lambda r: (r.position, r.pk))
    rows = {}
    for cell in cells:
        rows.setdefault(cell.specialism, []).append(cell)
    return render(
        request,
        "skills/mapping_edit.html",
        {"mapping": mapping, "roles": roles, "rows": rows.items(), "errors": errors},
    )


@capability_required(Capability.VIEW_SKILLS_WORK)
def mapping_export(request, pk: int):
    mapping = _visible(request, pk)
    response = HttpResponse(
        write_workbook(services.grid_of(mapping)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="skills-mapping-{mapping.pk}.xlsx"'
    return response


@capability_required(Capability.VIEW_SKILLS_WORK)
def mapping_chart(request, pk, chart: str, fmt: str):
    """The heatmap or a role's spider chart as SVG, or as a one-page PDF for printing."""
    mapping = _visible(request, pk)
    grid = services.grid_of(mapping)
    if not grid.roles or len(grid.specialisms) < 3:
        raise Http404
    svg = _heatmap(mapping, grid) if chart == "heatmap" else _spider(mapping, grid, _role_index(request, grid))
    filename = f"{chart}-{mapping.pk}"
    if fmt == "svg":
        response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    else:
        html = render_to_string("skills/chart_print.html", {"mapping": mapping, "svg": svg})
        response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
