"""The regional offer: open pages to browse modules and runs; providers and offer managers maintain it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.decorators import login_required_or_403
from mhw.accounts.models import Campus, Organisation
from mhw.accounts.permissions import campus_scope, can
from mhw.accounts.roles import Capability
from mhw.learning import services
from mhw.learning.forms import ModuleForm, OfferUploadForm
from mhw.learning.models import Module
from mhw.learning.offer_sheet import OfferSheetError, SheetProblem, parse_rows, read_csv, read_xlsx, write_rows
from mhw.learning.problems import worded


def _managed_providers(user):
    """The education providers whose offer `user` maintains."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    providers = Organisation.objects.filter(kind=Organisation.Kind.EDUCATION_PROVIDER)
    scope = campus_scope(user, Capability.MANAGE_OFFER)
    return providers.filter(Q(pk__in=user.provider_ids) | Q(campus__in=scope.filter(Campus.objects.all(), "pk")))


def offer(request):
    modules = (
        Module.objects.offered()
        .select_related("provider", "provider__campus")
        .with_run_count()
        .order_by("title_nl", "pk")
    )
    campus = request.GET.get("campus", "")
    if campus.isdigit():
        modules = modules.filter(provider__campus_id=campus)
    fmt = request.GET.get("format", "")
    if fmt in Module.Format.values:
        modules = modules.filter(format=fmt)
    if request.GET.get("basic") == "1":
        modules = modules.filter(is_basic=True)
    if request.GET.get("online") == "1":
        modules = modules.filter(online=True)
    query = request.GET.get("q", "").strip()
    if query:
        modules = modules.filter(
            Q(title_nl__icontains=query)
            | Q(title_en__icontains=query)
            | Q(provider__name__icontains=query)
            | Q(outcomes__item__code__iexact=query)
        ).distinct()
    context = {
        "page": Paginator(modules, 30).get_page(request.GET.get("page")),
        "campuses": Campus.objects.all(),
        "formats": Module.Format.choices,
        "filters": request.GET,
        "providers": _managed_providers(request.user),
    }
    return render(request, "learning/_offer_rows.html" if request.htmx else "learning/offer.html", context)


def module_detail(request, pk: int):
    module = get_object_or_404(Module.objects.select_related("provider", "provider__campus"), pk=pk)
    context = {
        "module": module,
        "outcomes": module.outcomes.select_related("item__version__ulo"),
        "level_prerequisites": module.level_prerequisites.select_related("item"),
        "runs": module.runs.all(),
        "may_edit": Module.objects.manageable_by(request.user).filter(pk=pk).exists(),
    }
    return render(request, "learning/module_detail.html", context)


def _provider(request, provider_id: int):
    provider = _managed_providers(request.user).filter(pk=provider_id).first()
    if provider is None:
        raise Http404
    return provider


def _save(request, provider, module=None):
    initial = services.as_row(module) | {"version": module.version} if module else {"language": "nl"}
    form = ModuleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            known = frozenset(Module.objects.filter(provider=provider).values_list("code", flat=True))
            row = parse_rows([(1, form.record())], known)[0]
            taken = Module.objects.filter(provider=provider, code=row.code).exclude(pk=module.pk if module else None)
            if taken.exists():
                raise OfferSheetError(
                    [SheetProblem(gettext_noop("This provider already has a module with this code."), column="code")]
                )
            module = services.save_module(
                request.user, provider, row, module=module, expected_version=form.cleaned_data.get("version")
            )
        except OfferSheetError as error:
            for problem in worded(error.problems):
                form.add_error(None, str(problem))
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The module has been saved."))
            return redirect("module_detail", pk=module.pk)
    return render(request, "learning/module_form.html", {"form": form, "provider": provider, "module": module})


@login_required_or_403
def module_create(request, provider_id: int):
    return _save(request, _provider(request, provider_id))


@login_required_or_403
def module_edit(request, pk: int):
    module = get_object_or_404(Module.objects.manageable_by(request.user).select_related("provider"), pk=pk)
    return _save(request, module.provider, module)


@login_required_or_403
def offer_upload(request, provider_id: int):
    provider = _provider(request, provider_id)
    form = OfferUploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read()
        try:
            records = read_csv(raw) if form.cleaned_data["format"] == "csv" else read_xlsx(raw)
            saved = services.import_offer(request.user, provider, records)
        except OfferSheetError as error:
            problems = worded(error.problems)
        else:
            count = len(saved)
            messages.success(
                request,
                ngettext("%(count)s module has been saved.", "%(count)s modules have been saved.", count)
                % {"count": count},
            )
            return redirect(f"{request.path}")
    return render(request, "learning/offer_upload.html", {"form": form, "provider": provider, "problems": problems})


@login_required_or_403
def offer_download(request, provider_id: int, fmt: str):
    provider = _provider(request, provider_id)
    if not can(request.user, Capability.VIEW_PARTNERS) and provider.pk not in request.user.provider_ids:
        raise PermissionDenied
    modules = Module.objects.filter(provider=provider).prefetch_related("prerequisite_modules", "runs")
    csv_bytes, excel_bytes = write_rows([services.as_row(m) for m in modules])
    body, content_type = (
        (csv_bytes, "text/csv; charset=utf-8")
        if fmt == "csv"
        else (excel_bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="aanbod-{provider.pk}.{fmt}"'
    return response
