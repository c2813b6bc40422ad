"""Vacancies of a campus's companies, each linked to the skills profile made from it, and the demand per role and
region over the last twelve months."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Campus, Organisation
from mhw.accounts.permissions import campus_scope, can
from mhw.accounts.roles import Capability
from mhw.ecosystem import demand
from mhw.ecosystem.campus_choice import chosen_campus, visible_campuses
from mhw.ecosystem.forms import VacancyForm, VacancyProfileForm
from mhw.ecosystem.models import Vacancy
from mhw.ecosystem.services import vacancies
from mhw.ecosystem.services.network import EcosystemError
from mhw.skills.models import SkillsProfile
from mhw.skills.views.profiles import new_profile_page
from mhw.widgets import LongSelect

MONTHS = 12
PAGE_SIZE = 50


def _back(campus) -> str:
    return f"{reverse('vacancies')}?campus={campus.slug}"


@capability_required(Capability.VIEW_PARTNERS)
def vacancy_list(request):
    campus = chosen_campus(request)
    may_manage = can(request.user, Capability.MANAGE_PROFILES, campus.pk)
    form = VacancyForm(request.POST or None, campus=campus)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                vacancies.record_vacancy(request.user, form.save(commit=False))
            except EcosystemError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The vacancy has been recorded."))
                return redirect(_back(campus))
    page = Paginator(Vacancy.objects.filter(campus=campus).select_related("company", "profile"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    months = demand.months_back(timezone.localdate(), MONTHS)
    asked = vacancies.demand_since(campus, months[0])
    # The skills-profile choice on every row is drawn in one pass by a widget, once for each profile chosen.
    choose_profile = LongSelect(
        attrs={"aria-label": _("Skills profile")},
        choices=[("", "—"), *((p.pk, str(p)) for p in SkillsProfile.objects.filter(campus=campus))],
    )
    drawn: dict[int | None, str] = {}

    def profile_choice(profile_id):
        if profile_id not in drawn:
            drawn[profile_id] = choose_profile.render("profile", profile_id)
        return drawn[profile_id]

    rows = [{"vacancy": v, **({"profile_choice": profile_choice(v.profile_id)} if may_manage else {})} for v in page]
    context = {
        "campus": campus, "campuses": visible_campuses(request.user), "may_manage": may_manage, "form": form,
        "show_form": request.method == "POST" or "record" in request.GET, "page": page, "rows": rows,
        "months": months, "by_role": demand.per_month(asked, months, key=lambda a: a.role),
        "by_region": demand.per_month(asked, months, key=lambda a: a.region),
    }  # fmt: skip
    return render(request, "ecosystem/vacancies.html", context)


@capability_required(Capability.MANAGE_PROFILES)
def vacancy_new_profile(request, pk: int):
    """The new-profile form filled in from a vacancy (its campus, company, role and text), linked to it once saved.
    The address holds only the vacancy's number: a vacancy's text is too long for an address."""
    vacancy = get_object_or_404(Vacancy.objects.filter(campus__in=_managed_campuses(request)), pk=pk)
    if request.method == "GET" and vacancy.profile_id is not None:  # a form sent meanwhile is refused, kept on screen
        messages.info(request, _("This vacancy already has a skills profile."))
        return redirect("profile_detail", pk=vacancy.profile_id)

    def save(actor, **fields):
        return vacancies.create_profile_from(actor, vacancy, **fields)

    return new_profile_page(
        request,
        campuses=Campus.objects.filter(pk=vacancy.campus_id),
        companies=Organisation.objects.filter(pk=vacancy.company_id),
        initial={"organisation": vacancy.company_id, "title_nl": vacancy.role_title, "vacancy_text": vacancy.text},
        save=save,
        refused=EcosystemError,
        saved_message=_("The skills profile has been saved and linked to the vacancy."),
    )


@require_POST
@capability_required(Capability.MANAGE_PROFILES)
def vacancy_profile(request, pk: int):
    vacancy = get_object_or_404(Vacancy.objects.filter(campus__in=_managed_campuses(request)), pk=pk)
    form = VacancyProfileForm(request.POST, campus=vacancy.campus)
    if not form.is_valid():
        messages.error(request, _("Choose a skills profile of the campus."))
        return redirect(_back(vacancy.campus))
    try:
        vacancies.link_profile(request.user, vacancy, form.cleaned_data["profile"], shown=form.cleaned_data["shown"])
    except EcosystemError as error:
        messages.error(request, error.message)
    return redirect(_back(vacancy.campus))


def _managed_campuses(request):
    return campus_scope(request.user, Capability.MANAGE_PROFILES).filter(Campus.objects.all(), field="id")
