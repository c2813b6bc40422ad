"""The achievements page of a campus: define and change achievements (badge classes) aligned to the catalogue, and
manage the issuers' signing keys."""

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Campus, Organisation
from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability
from mhw.credentials import services
from mhw.credentials.models import Achievement, IssuerKey
from mhw.learning.models import Module
from mhw.skills.models import Rubric, RubricLevel, UloItem, UloStatus
from mhw.widgets import LongSelect, LongSelectMultiple


class AchievementForm(forms.ModelForm):
    outcomes = forms.ModelMultipleChoiceField(
        queryset=UloItem.objects.filter(version__status=UloStatus.PUBLISHED).select_related("version"),
        widget=LongSelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Achievement
        fields = [
            "campus", "organisation", "kind", "name_nl", "name_en", "description_nl", "description_en",
            "criteria_nl", "criteria_en", "outcomes", "rubric", "rubric_pass_level", "module", "route_step",
            "nlqf_level",
            "study_hours", "ects", "assessment_form", "quality_assurance", "valid_months",
        ]  # fmt: skip
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in
                   ("description_nl", "description_en", "criteria_nl", "criteria_en")}  # fmt: skip
        widgets["module"] = LongSelect

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = campus_scope(user, Capability.MANAGE_CREDENTIALS)
        self.fields["campus"].queryset = scope.filter(Campus.objects.all(), field="id")
        self.fields["organisation"].queryset = scope.filter(
            Organisation.objects.filter(kind=Organisation.Kind.EDUCATION_PROVIDER)
        )
        self.fields["rubric"].queryset = Rubric.objects.all()
        self.fields["rubric_pass_level"].queryset = RubricLevel.objects.select_related("rubric")
        # The modules of the providers the user may issue for (all of them are thousands at national size), and the
        # module the achievement already has.
        modules = scope.filter(Module.objects.offered(), field="provider__campus")
        if self.instance.module_id:
            modules |= Module.objects.filter(pk=self.instance.module_id)
        self.fields["module"].queryset = modules
        self.fields["outcomes"].label = _("Learning outcomes it proves")

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("campus")) == bool(cleaned.get("organisation")):
            raise forms.ValidationError(_("Choose the issuer: the campus or one of its providers, not both."))
        rubric, level = cleaned.get("rubric"), cleaned.get("rubric_pass_level")
        if bool(rubric) != bool(level) or (level and level.rubric_id != rubric.pk):
            self.add_error("rubric_pass_level", _("Choose a level of the chosen rubric, or neither."))
        return cleaned


def _manageable(request):
    return Achievement.objects.manageable_by(request.user).select_related("campus", "organisation", "rubric")


@capability_required(Capability.MANAGE_CREDENTIALS)
def achievement_list(request):
    form = AchievementForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        achievement = services.save_achievement(request.user, form.save(commit=False), form.cleaned_data["outcomes"])
        messages.success(request, _("The achievement has been saved."))
        return redirect("achievement_edit", pk=achievement.pk)
    scope = campus_scope(request.user, Capability.MANAGE_CREDENTIALS)
    keys = IssuerKey.objects.select_related("campus", "organisation")
    if not scope.everywhere:
        keys = keys.filter(Q(campus_id__in=scope.campus_ids) | Q(organisation__campus_id__in=scope.campus_ids))
    context = {"achievements": _manageable(request), "form": form, "keys": keys}
    return render(request, "credentials/achievement_list.html", context)


@capability_required(Capability.MANAGE_CREDENTIALS)
def achievement_edit(request, pk: int):
    achievement = get_object_or_404(_manageable(request), pk=pk)
    form = AchievementForm(request.POST or None, instance=achievement, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.save_achievement(request.user, form.save(commit=False), form.cleaned_data["outcomes"])
        messages.success(request, _("The achievement has been saved."))
        return redirect("achievement_edit", pk=pk)
    return render(request, "credentials/achievement_edit.html", {"achievement": achievement, "form": form})


@require_POST
@capability_required(Capability.MANAGE_CREDENTIALS)
def issuer_key_rotate(request, pk: int):
    key = get_object_or_404(IssuerKey, pk=pk)
    try:
        services.rotate_key(request.user, key)
    except services.CredentialError as error:
        raise Http404 from error
    messages.success(request, _("The key is retired: the next credential gets a new key; earlier ones stay valid."))
    return redirect("achievement_list")
