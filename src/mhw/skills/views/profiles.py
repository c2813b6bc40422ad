"""Skills profile pages: the required skills of a role or vacancy, with level and weight, in versions."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Campus, Organisation
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.skills.levels import SKILL_LEVELS
from mhw.skills.models import SkillsProfile, Specialism, UloItem, UloStatus
from mhw.skills.services import profiles as services
from mhw.skills.services.suggestions import TextWithoutSkills, suggest_skills
from mhw.widgets import LongSelect


def level_choices():
    """Levels 1–5 with their table-2 name in the user's language, wherever a level is chosen."""
    language = "en" if get_language() == "en" else "nl"
    return [(level.level, f"{level.level} — {level.name[language]}") for level in SKILL_LEVELS]


class ProfileForm(forms.Form):
    campus = forms.ModelChoiceField(queryset=Campus.objects.none(), label=gettext_lazy("Campus"))
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=gettext_lazy("Company"), required=False, widget=LongSelect
    )
    title_nl = forms.CharField(label=gettext_lazy("Role (Dutch)"), max_length=200)
    title_en = forms.CharField(label=gettext_lazy("Role (English)"), max_length=200, required=False)
    vacancy_text = forms.CharField(
        label=gettext_lazy("Vacancy text"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def __init__(self, *args, campuses, companies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campus"].queryset = campuses
        if companies is None:
            companies = Organisation.objects.filter(campus__in=campuses, kind=Organisation.Kind.COMPANY)
        self.fields["organisation"].queryset = companies
        if campuses.count() == 1:
            self.fields["campus"].initial = campuses.first()

    def clean(self):
        cleaned = super().clean()
        organisation, campus = cleaned.get("organisation"), cleaned.get("campus")
        if organisation and campus and organisation.campus_id != campus.pk:
            self.add_error("organisation", _("The company must be a partner of the chosen campus."))
        return cleaned


class RequirementForm(forms.Form):
    item = forms.ModelChoiceField(queryset=UloItem.objects.none(), required=False, label=gettext_lazy("Catalogue item"))
    specialism = forms.ModelChoiceField(
        queryset=Specialism.objects.none(), required=False, label=gettext_lazy("Specialism")
    )
    # Initial 1, as the select shows it: an untouched extra row then counts as unchanged and is left out.
    level = forms.TypedChoiceField(choices=level_choices, coerce=int, initial=1, label=gettext_lazy("Level"))
    weight = forms.DecimalField(min_value=0.1, max_value=10, decimal_places=2, initial=1, label=gettext_lazy("Weight"))
    # Set when the row was suggested from the vacancy text: the sentence it came from, kept with the requirement.
    source_sentence = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)

    def __init__(self, *args, items, specialisms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
        self.fields["specialism"].queryset = specialisms

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("item")) == bool(cleaned.get("specialism")):
            raise forms.ValidationError(_("Choose either a catalogue item or a specialism."))
        return cleaned


class BaseRequirementFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE"):
                continue
            key = data.get("item") or data.get("specialism")
            if key in seen:
                raise forms.ValidationError(_("Each skill may be required only once."))
            seen.add(key)
        if not seen:
            raise forms.ValidationError(_("A profile requires at least one skill."))

    def requirements(self) -> list[dict]:
        return [f.cleaned_data for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


RequirementFormSet = forms.formset_factory(
    RequirementForm, formset=BaseRequirementFormSet, extra=3, can_delete=True, max_num=60
)


def _choices(campus_ids):
    items = (
        UloItem.objects.filter(version__status=UloStatus.PUBLISHED)
        .exclude(kind=UloItem.Kind.RESPONSIBILITY)
        .select_related("version__ulo")
        .order_by("code")
    )
    specialisms = Specialism.objects.filter(mapping__campus_id__in=campus_ids).select_related("mapping")
    return items, specialisms


def _may_see_profiles(user) -> bool:
    # Campus staff, and the HR of companies, who see the profiles of their own vacancies.
    return can(user, Capability.VIEW_SKILLS_WORK) or bool(user.organisation_ids)


@login_required
def profile_list(request):
    if not _may_see_profiles(request.user):
        raise PermissionDenied
    profiles = SkillsProfile.objects.visible_to(request.user).select_related("campus", "organisation")
    query = request.GET.get("q", "").strip()
    if query:
        profiles = profiles.filter(Q(title_nl__icontains=query) | Q(title_en__icontains=query))
    return render(
        request,
        "skills/profile_list.html",
        {"profiles": profiles, "q": query, "may_manage": can(request.user, Capability.MANAGE_PROFILES)},
    )


@capability_required(Capability.MANAGE_PROFILES)
def profile_create(request):
    return new_profile_page(request, campuses=Campus.objects.where(request.user, Capability.MANAGE_PROFILES))


def new_profile_page(
    request, *, campuses, companies=None, initial=None, save=services.create_profile, refused=(), saved_message=None
):
    """The new-profile form at the request's own address, for the caller's checks to guard, offering `campuses` and
    `companies` (by default the companies of those campuses): shown first with `initial`, again with requirements
    suggested from the vacancy text when asked, and saved by
    `save(actor, campus=…, organisation=…, title_nl=…, title_en=…, vacancy_text=…, requirements=…)`. An error of a
    type in `refused` that `save` raises is shown above the form, and nothing is saved."""
    items, specialisms = _choices(campuses.values("pk"))
    if request.method == "POST" and "suggest" in request.POST:
        return _suggest_from_vacancy(request, campuses, companies, items, specialisms)
    form = ProfileForm(request.POST or None, campuses=campuses, companies=companies, initial=initial)
    formset = RequirementFormSet(
        request.POST or None, prefix="req", form_kwargs={"items": items, "specialisms": specialisms}
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        try:
            profile = save(
                request.user,
                campus=data["campus"],
                organisation=data["organisation"],
                title_nl=data["title_nl"],
                title_en=data["title_en"],
                vacancy_text=data["vacancy_text"],
                requirements=formset.requirements(),
            )
        except refused as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, saved_message or _("The skills profile has been saved."))
            return redirect("profile_detail", pk=profile.pk)
    return render(request, "skills/profile_form.html", {"form": form, "formset": formset})


def _suggest_from_vacancy(request, campuses, companies, items, specialisms):
    """The form again, with the requirements the vacancy text suggests filled in for the account manager to keep,
    change or remove row by row; nothing is saved until they save the profile."""
    form = ProfileForm(initial=request.POST.dict(), campuses=campuses, companies=companies)
    suggestions, problem = [], ""
    try:
        suggestions = suggest_skills(request.POST.get("vacancy_text", ""))
    except TextWithoutSkills:
        problem = _("The vacancy text holds no sentences to look for skills in. Paste the text of the vacancy first.")
    choosable = set(items.values_list("pk", flat=True))
    rows = [s for s in suggestions if s.item is not None and s.item.pk in choosable]
    formset = RequirementFormSet(
        prefix="req",
        initial=[{"item": s.item.pk, "level": s.level, "weight": 1, "source_sentence": s.sentence} for s in rows[:50]],
        form_kwargs={"items": items, "specialisms": specialisms},
    )
    context = {
        "form": form,
        "formset": formset,
        "suggested": True,
        "suggestion_problem": problem,
        "uncatalogued": [s for s in suggestions if s.item is None],
    }
    return render(request, "skills/profile_form.html", context)


def _visible_profile(request, pk):
    return get_object_or_404(
        SkillsProfile.objects.visible_to(request.user).select_related("campus", "organisation"), pk=pk
    )


@login_required
def profile_detail(request, pk: int):
    if not _may_see_profiles(request.user):
        raise PermissionDenied
    profile = _visible_profile(request, pk)
    versions = list(profile.versions.select_related("created_by"))
    chosen = request.GET.get("version", "")
    version = next((v for v in versions if str(v.number) == chosen), versions[0] if versions else None)
    requirements = version.requirements.select_related("item__version__ulo", "specialism") if version else []
    context = {
        "profile": profile,
        "version": version,
        "versions": versions,
        "requirements": requirements,
        "levels": SKILL_LEVELS,
        "may_manage": can(request.user, Capability.MANAGE_PROFILES, profile.campus_id),
        "may_view_candidates": can(request.user, Capability.VIEW_CANDIDATES, profile.campus_id),
    }
    return render(request, "skills/profile_detail.html", context)


@capability_required(Capability.MANAGE_PROFILES)
def profile_revise(request, pk: int):
    profile = get_object_or_404(SkillsProfile.objects.manageable_by(request.user), pk=pk)
    latest = profile.current
    items, specialisms = _choices([profile.campus_id])
    initial = [
        {
            "item": r.item,
            "specialism": r.specialism,
            "level": r.level,
            "weight": r.weight,
            "source_sentence": r.source_sentence,
        }
        for r in latest.requirements.all()
    ]
    formset = RequirementFormSet(
        request.POST or None,
        initial=initial,
        prefix="req",
        form_kwargs={"items": items, "specialisms": specialisms},
    )
    note = request.POST.get("note", "")[:300]
    vacancy_text = request.POST.get("vacancy_text", latest.vacancy_text)
    error = None
    if request.method == "POST" and formset.is_valid():
        based_on = request.POST.get("based_on", "")
        try:
            services.revise_profile(
                request.user,
                profile,
                based_on=int(based_on) if based_on.isdigit() else -1,
                vacancy_text=vacancy_text,
                note=note,
                requirements=formset.requirements(),
            )
        except ConcurrentEditError as exc:
            error = exc.message
        else:
            messages.success(request, _("The changes are saved as a new version."))
            return redirect("profile_detail", pk=profile.pk)
    context = {
        "profile": profile,
        "latest": latest,
        "formset": formset,
        "note": note,
        "vacancy_text": vacancy_text,
        "error": error,
    }
    return render(request, "skills/profile_revise.html", context)
