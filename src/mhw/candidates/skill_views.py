"""The candidate's skills profile and gap pages: shown levels with their source, roles aimed at, gap and spider."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mhw.candidates.models import Candidate, CandidateSkill
from mhw.candidates.services import skills as services
from mhw.skills.charts import Series, spider_svg
from mhw.skills.models import SkillsProfile, UloItem, UloStatus


class SkillLevelForm(forms.Form):
    # Prefixed: the candidate page also holds the intake form, whose "source" means something else.
    prefix = "skill"
    item_code = forms.CharField(max_length=8, label=gettext_lazy("Catalogue item code"))
    level = forms.IntegerField(min_value=0, max_value=5, label=gettext_lazy("Level shown (0–5)"))
    source = forms.ChoiceField(choices=CandidateSkill.Source.choices, label=gettext_lazy("Source"))
    evidence = forms.CharField(max_length=300, required=False, label=gettext_lazy("Evidence"))

    def clean_item_code(self):
        code = self.cleaned_data["item_code"].strip().upper()
        item = UloItem.objects.filter(code=code, version__status=UloStatus.PUBLISHED).first()
        if item is None:
            raise forms.ValidationError(_("No published catalogue item has this code."))
        return item


class TargetRolesForm(forms.Form):
    target_roles = forms.ModelMultipleChoiceField(
        queryset=SkillsProfile.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Roles aimed at"),
    )

    def __init__(self, *args, candidate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_roles"].queryset = SkillsProfile.objects.filter(campus=candidate.campus)
        self.fields["target_roles"].initial = list(candidate.target_roles.all())


def gap_context(candidate: Candidate) -> list[dict]:
    """Per role aimed at: coverage, the missing skills in words, and the spider chart of required against shown."""
    english = get_language() == "en"
    result = []
    for role_gap in services.gaps_to_target_roles(candidate):
        skills = role_gap.result.skills
        chart = ""
        if len(skills) >= 3:
            chart = spider_svg(
                [role_gap.labels[s.skill][:40] for s in skills],
                [
                    Series(_("Required"), [s.required for s in skills]),
                    Series(_("Shown (proven)"), [s.current for s in skills]),
                ],
                _("%(name)s against %(role)s") % {"name": candidate.full_name, "role": role_gap.profile},
            )
        result.append(
            {
                "profile": role_gap.profile,
                "coverage": round(role_gap.result.coverage * 100),
                "missing": [
                    {"label": role_gap.labels[s.skill], "required": s.required, "current": s.current, "gap": s.gap}
                    for s in role_gap.result.missing
                ],
                "chart": chart,
                "english": english,
            }
        )
    return result


@require_POST
@login_required
def skill_record(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.manageable_by(request.user), pk=pk)
    form = SkillLevelForm(request.POST, prefix=SkillLevelForm.prefix)
    if form.is_valid():
        data = form.cleaned_data
        services.record_skill_level(
            request.user, candidate, item=data["item_code"], level=data["level"], source=data["source"],
            evidence=data["evidence"],
        )  # fmt: skip
        messages.success(request, _("The skill level has been recorded."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("candidate_detail", pk=pk)


@require_POST
@login_required
def target_roles_set(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.manageable_by(request.user), pk=pk)
    form = TargetRolesForm(request.POST, candidate=candidate)
    if form.is_valid():
        candidate.target_roles.set(form.cleaned_data["target_roles"])
        messages.success(request, _("The roles aimed at have been saved."))
    else:
        messages.error(request, _("Choose roles of the candidate's campus."))
    return redirect("candidate_detail", pk=pk)
