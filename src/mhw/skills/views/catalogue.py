"""Pages of the skills catalogue: the open catalogue, a ULO with its versions, writing and reviewing ULOs."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.forms.models import model_to_dict
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Campus
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.skills.bloom import BLOOM_LEVELS
from mhw.skills.catalogue_export import EXPORTERS, published_versions
from mhw.skills.catalogue_import import READERS, CatalogueImportError, import_catalogue
from mhw.skills.catalogue_search import search_versions
from mhw.skills.forms import (
    CatalogueFilterForm,
    NewUloItemFormSet,
    TaxonomyLinkForm,
    TransitionForm,
    UloItemFormSet,
    UloVersionForm,
    item_initial,
)
from mhw.skills.levels import SKILL_LEVELS
from mhw.skills.meaning_search import meaning_matches
from mhw.skills.models import EscoOccupation, EscoSkill, Ulo, UloItem, UloStatus, UloVersion
from mhw.skills.services import catalogue as services
from mhw.skills.services.catalogue import VERSION_FIELDS, TransitionError


def _statuses(user):
    if can(user, Capability.VIEW_SKILLS_WORK):
        return [("", _("current (not retired)")), *UloStatus.choices]
    return [("", _("published")), (UloStatus.RETIRED, _("retired"))]


def catalogue(request):
    form = CatalogueFilterForm(request.GET or None, statuses=_statuses(request.user))
    page = Paginator(search_versions(request.user, form), 25).get_page(request.GET.get("page"))
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    meaning = []
    if query and page.number == 1:
        meaning = meaning_matches(query, shown_versions={version.pk for version in page})
    context = {
        "form": form,
        "page": page,
        "meaning": meaning,
        "may_author": can(request.user, Capability.AUTHOR_OUTCOMES),
        "may_review": can(request.user, Capability.REVIEW_OUTCOMES),
    }
    template = "skills/_catalogue_rows.html" if request.htmx else "skills/catalogue.html"
    return render(request, template, context)


def skill_levels(request):
    return render(request, "skills/skill_levels.html", {"levels": SKILL_LEVELS, "bloom_levels": BLOOM_LEVELS})


def _visible_version(request, pk: int) -> UloVersion:
    return get_object_or_404(
        UloVersion.objects.visible_to(request.user).select_related("ulo", "ulo__campus", "author", "validated_by"),
        pk=pk,
    )


def ulo_detail(request, pk: int):
    version = _visible_version(request, pk)
    items = version.items.prefetch_related("links")
    siblings = UloVersion.objects.visible_to(request.user).filter(ulo=version.ulo).order_by("-number")
    staff = can(request.user, Capability.VIEW_SKILLS_WORK, version.ulo.campus_id)
    context = {
        "version": version,
        "items": items,
        "siblings": siblings,
        "transitions": version.transitions.select_related("actor") if staff else [],
        "actions": services.allowed_actions(request.user, version) if request.user.is_authenticated else [],
        "problems": (services.statement_problems(version) + services.structure_problems(version))
        if version.is_editable and staff
        else [],
        "may_edit": version.is_editable and can(request.user, Capability.AUTHOR_OUTCOMES, version.ulo.campus_id),
        "may_new_version": version.status == UloStatus.PUBLISHED
        and can(request.user, Capability.AUTHOR_OUTCOMES, version.ulo.campus_id)
        and not version.ulo.versions.filter(
            status__in=[UloStatus.DRAFT, UloStatus.IN_REVIEW, UloStatus.VALIDATED]
        ).exists(),
        "transition_form": TransitionForm(),
        "may_write_rubric": can(request.user, Capability.AUTHOR_OUTCOMES, version.ulo.campus_id),
        "link_form": TaxonomyLinkForm(),
        "rubrics": version.rubrics.prefetch_related("levels", "criteria__descriptors"),
        "qualifications": version.qualifications.all(),
    }
    return render(request, "skills/ulo_detail.html", context)


def _author_campus(request) -> Campus:
    campuses = Campus.objects.where(request.user, Capability.AUTHOR_OUTCOMES)
    chosen = request.POST.get("campus") or request.GET.get("campus") or ""
    if chosen:
        if not chosen.isdigit():
            raise Http404
        return get_object_or_404(campuses, pk=chosen)
    return campuses.order_by("pk").first()


def _editor(request, *, version=None, campus=None):
    initial = model_to_dict(version, fields=VERSION_FIELDS) | {"row_version": version.row_version} if version else {}
    form = UloVersionForm(request.POST or None, initial=initial)
    formset_class = UloItemFormSet if version else NewUloItemFormSet
    items = formset_class(request.POST or None, initial=item_initial(version) if version else None, prefix="items")
    if request.method == "POST" and form.is_valid() and items.is_valid():
        data = {name: form.cleaned_data[name] for name in VERSION_FIELDS}
        try:
            if version is None:
                version = services.create_ulo(request.user, campus=campus, data=data, items=items.items())
            else:
                expected = form.cleaned_data.get("row_version") or 0
                services.update_draft(request.user, version, data=data, items=items.items(), expected_version=expected)
        except (ConcurrentEditError, TransitionError) as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The ULO has been saved."))
            return redirect("ulo_detail", pk=version.pk)
    context = {"form": form, "items": items, "version": version, "campus": campus, "bloom_levels": BLOOM_LEVELS}
    return render(request, "skills/ulo_form.html", context)


@capability_required(Capability.AUTHOR_OUTCOMES)
def ulo_create(request):
    return _editor(request, campus=_author_campus(request))


@capability_required(Capability.AUTHOR_OUTCOMES)
def ulo_edit(request, pk: int):
    version = _visible_version(request, pk)
    if not can(request.user, Capability.AUTHOR_OUTCOMES, version.ulo.campus_id):
        raise Http404
    if not version.is_editable:
        messages.error(request, _("Only a draft can be edited. Start a new version to change a published ULO."))
        return redirect("ulo_detail", pk=pk)
    return _editor(request, version=version, campus=version.ulo.campus)


@require_POST
@capability_required(Capability.VIEW_SKILLS_WORK)
def ulo_transition(request, pk, action: str):
    version = _visible_version(request, pk)
    form = TransitionForm(request.POST)
    form.is_valid()
    try:
        services.take_transition(request.user, version, action, remarks=form.cleaned_data.get("remarks", ""))
    except TransitionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done: %(step)s.") % {"step": services.TRANSITIONS[action].label})
    return redirect("ulo_detail", pk=pk)


@require_POST
@capability_required(Capability.AUTHOR_OUTCOMES)
def ulo_new_version(request, pk: int):
    version = _visible_version(request, pk)
    try:
        draft = services.start_new_version(request.user, version.ulo)
    except TransitionError as error:
        messages.error(request, error.message)
        return redirect("ulo_detail", pk=pk)
    messages.success(request, _("Version %(n)s has been started as a draft.") % {"n": draft.number})
    return redirect("ulo_edit", pk=draft.pk)


@require_POST
@capability_required(Capability.AUTHOR_OUTCOMES)
def item_link(request, pk: int):
    item = get_object_or_404(UloItem.objects.select_related("version__ulo"), pk=pk)
    version = _visible_version(request, item.version_id)
    if not can(request.user, Capability.AUTHOR_OUTCOMES, version.ulo.campus_id):
        raise Http404
    form = TaxonomyLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("ulo_detail", pk=version.pk)
    data = form.cleaned_data
    esco_skill = None
    if data["scheme"] == "esco":
        esco_skill = EscoSkill.objects.filter(uri=data["concept_uri"]).first()
    label = data["preferred_label"] or (esco_skill.label if esco_skill else data["concept_uri"])
    try:
        services.link_item(
            request.user,
            item,
            scheme=data["scheme"],
            concept_uri=data["concept_uri"],
            preferred_label=label,
            esco_skill=esco_skill,
        )
    except TransitionError as error:
        messages.error(request, error.message)
    return redirect("ulo_detail", pk=version.pk)


def ulo_latest(request, code: str):
    """A stable address for a ULO: its latest version the visitor may see."""
    ulo = get_object_or_404(Ulo, code=code.upper())
    version = UloVersion.objects.visible_to(request.user).filter(ulo=ulo).order_by("-number").first()
    if version is None:
        raise Http404
    return redirect("ulo_detail", pk=version.pk)


def catalogue_export(request):
    """The published catalogue as a file: ?format=json (default), csv or xlsx."""
    fmt = request.GET.get("format", "json")
    if fmt not in EXPORTERS:
        return HttpResponseBadRequest(_("Unknown format; choose json, csv or xlsx."))
    build, content_type, extension = EXPORTERS[fmt]
    response = HttpResponse(build(published_versions()), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="skillscatalogus.{extension}"'
    return response


class CatalogueImportForm(forms.Form):
    campus = forms.ModelChoiceField(queryset=Campus.objects.none(), label=gettext_lazy("Campus"))
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("JSON, CSV or Excel in the shape of the catalogue download; at most 5 MB."),
    )

    def __init__(self, *args, campuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campus"].queryset = campuses
        if campuses.count() == 1:
            self.fields["campus"].initial = campuses.first()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = upload.name.rsplit(".", 1)[-1].lower()
        if extension not in READERS:
            raise forms.ValidationError(_("Choose a .json, .csv or .xlsx file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        self.cleaned_data["format"] = extension
        return upload


@capability_required(Capability.AUTHOR_OUTCOMES)
def catalogue_import(request):
    """Upload learning outcomes; they become drafts of the chosen campus, all or none."""
    campuses = Campus.objects.where(request.user, Capability.AUTHOR_OUTCOMES)
    form = CatalogueImportForm(request.POST or None, request.FILES or None, campuses=campuses)
    problems = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = import_catalogue(request.user, campus=data["campus"], raw=data["file"].read(), fmt=data["format"])
        except CatalogueImportError as error:
            problems = error.problems
        else:
            count = len(created)
            messages.success(
                request,
                ngettext(
                    "%(count)s learning outcome was imported as a draft.",
                    "%(count)s learning outcomes were imported as drafts.",
                    count,
                )
                % {"count": count},
            )
            return redirect(f"{reverse('catalogue')}?status=draft")
    return render(request, "skills/catalogue_import.html", {"form": form, "problems": problems})


@require_POST
@capability_required(Capability.AUTHOR_OUTCOMES)
def occupation_link(request, pk: int):
    version = _visible_version(request, pk)
    if not can(request.user, Capability.AUTHOR_OUTCOMES, version.ulo.campus_id):
        raise Http404
    uri = request.POST.get("uri", "").strip()
    occupation = EscoOccupation.objects.filter(uri=uri).first()
    if occupation is None:
        messages.error(request, _("No imported ESCO occupation has this URI."))
    else:
        try:
            services.link_occupation(request.user, version, occupation)
        except TransitionError as error:
            messages.error(request, error.message)
    return redirect("ulo_detail", pk=pk)
