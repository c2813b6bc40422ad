"""Writing qualifications, regulated acts and rubrics. Experts shape qualifications; authors write rubrics."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Campus
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.skills.models import BlueprintEntry, Qualification, RegulatedAct, UloItem, UloVersion
from mhw.skills.services import frameworks as services


class QualificationForm(forms.Form):
    campus = forms.ModelChoiceField(queryset=Campus.objects.none(), label=gettext_lazy("Campus"))
    kind = forms.ChoiceField(choices=Qualification.Kind.choices, label=gettext_lazy("Kind"))
    name_nl = forms.CharField(max_length=200, label=gettext_lazy("Name (Dutch)"))
    name_en = forms.CharField(max_length=200, required=False, label=gettext_lazy("Name (English)"))
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label=gettext_lazy("Description")
    )
    ulo_versions = forms.ModelMultipleChoiceField(
        queryset=UloVersion.objects.published().select_related("ulo"),
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Learning outcomes"),
    )

    def __init__(self, *args, campuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campus"].queryset = campuses
        if campuses.count() == 1:
            self.fields["campus"].initial = campuses.first()


class ActForm(forms.Form):
    description_nl = forms.CharField(max_length=300, label=gettext_lazy("Act (Dutch)"))
    description_en = forms.CharField(max_length=300, required=False, label=gettext_lazy("Act (English)"))
    responsibility = forms.ChoiceField(choices=RegulatedAct.Responsibility.choices, label=gettext_lazy("Reserved to"))
    item_code = forms.CharField(max_length=8, required=False, label=gettext_lazy("Catalogue item code"))

    def __init__(self, *args, qualification, **kwargs):
        super().__init__(*args, **kwargs)
        self.qualification = qualification
        for form, label in BlueprintEntry.TestForm.choices:
            self.fields[f"questions_{form}"] = forms.IntegerField(
                min_value=0, max_value=500, initial=0, label=label, required=False
            )

    def clean_item_code(self):
        code = self.cleaned_data["item_code"].strip().upper()
        if not code:
            return None
        item = UloItem.objects.filter(code=code, version__in=self.qualification.ulo_versions.all()).first()
        if item is None:
            raise forms.ValidationError(_("No item with this code in the learning outcomes of this set."))
        return item

    def blueprint(self):
        return [(form, self.cleaned_data.get(f"questions_{form}") or 0) for form in BlueprintEntry.TestForm.values]

    def clean(self):
        cleaned = super().clean()
        if not any(count for _form, count in self.blueprint()):
            raise forms.ValidationError(_("Give the number of questions of at least one test form."))
        return cleaned


@capability_required(Capability.REVIEW_OUTCOMES)
def qualification_create(request):
    form = QualificationForm(
        request.POST or None, campuses=Campus.objects.where(request.user, Capability.REVIEW_OUTCOMES)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        qualification = services.create_qualification(
            request.user,
            campus=data["campus"],
            kind=data["kind"],
            name_nl=data["name_nl"],
            name_en=data["name_en"],
            description=data["description"],
            ulo_versions=data["ulo_versions"],
        )
        messages.success(request, _("The set has been saved."))
        return redirect("qualification_detail", pk=qualification.pk)
    return render(request, "skills/qualification_form.html", {"form": form})


@require_POST
@capability_required(Capability.REVIEW_OUTCOMES)
def act_add(request, pk: int):
    qualification = get_object_or_404(Qualification, pk=pk)
    if not can(request.user, Capability.REVIEW_OUTCOMES, qualification.campus_id):
        raise Http404
    form = ActForm(request.POST, qualification=qualification)
    if form.is_valid():
        data = form.cleaned_data
        services.add_act(
            request.user,
            qualification,
            description_nl=data["description_nl"],
            description_en=data["description_en"],
            responsibility=data["responsibility"],
            item=data["item_code"],
            blueprint=form.blueprint(),
        )
        messages.success(request, _("The act has been added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("qualification_detail", pk=pk)


def _pairs(text: str, with_score: bool):
    rows = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if with_score:
            if len(parts) != 3 or not parts[2].isdigit():
                raise forms.ValidationError(_("Write each level as: Dutch name | English name | score."))
            rows.append((parts[0], parts[1], int(parts[2])))
        else:
            rows.append((parts[0], parts[1] if len(parts) > 1 else ""))
    return rows


class RubricStructureForm(forms.Form):
    title_nl = forms.CharField(max_length=200, label=gettext_lazy("Title (Dutch)"))
    title_en = forms.CharField(max_length=200, required=False, label=gettext_lazy("Title (English)"))
    levels = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label=gettext_lazy("Levels"),
        help_text=gettext_lazy("One per line, from low to high: Dutch | English | score."),
    )
    criteria = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label=gettext_lazy("Criteria"),
        help_text=gettext_lazy("One per line: Dutch | English."),
    )

    def clean_levels(self):
        levels = _pairs(self.cleaned_data["levels"], with_score=True)
        if not 2 <= len(levels) <= 6:
            raise forms.ValidationError(_("A rubric has two to six levels."))
        if [score for *_names, score in levels] != sorted({score for *_names, score in levels}):
            raise forms.ValidationError(_("Scores rise from level to level."))
        return levels

    def clean_criteria(self):
        criteria = _pairs(self.cleaned_data["criteria"], with_score=False)
        if not 1 <= len(criteria) <= 12:
            raise forms.ValidationError(_("A rubric has one to twelve criteria."))
        return criteria


@capability_required(Capability.AUTHOR_OUTCOMES)
def rubric_create(request, pk: int):
    """Two steps in one page: first the levels and criteria, then a descriptor for every cell of the grid."""
    version = get_object_or_404(UloVersion.objects.visible_to(request.user).select_related("ulo"), pk=pk)
    if not can(request.user, Capability.AUTHOR_OUTCOMES, version.ulo.campus_id):
        raise Http404
    structure = RubricStructureForm(request.POST or None)
    grid, missing = None, []
    if request.method == "POST" and structure.is_valid():
        levels, criteria = structure.cleaned_data["levels"], structure.cleaned_data["criteria"]
        # Each cell keeps what was typed, so a missing descriptor does not cost the others.
        grid = [
            (
                c,
                criterion,
                [
                    (
                        index,
                        level,
                        request.POST.get(f"d-{c}-{index}-nl", "")[:2000],
                        request.POST.get(f"d-{c}-{index}-en", "")[:2000],
                    )
                    for index, level in enumerate(levels)
                ],
            )
            for c, criterion in enumerate(criteria)
        ]
        if request.POST.get("step") == "descriptors":
            descriptors = {
                (c, index): (
                    request.POST.get(f"d-{c}-{index}-nl", "").strip()[:2000],
                    request.POST.get(f"d-{c}-{index}-en", "").strip()[:2000],
                )
                for c in range(len(criteria))
                for index in range(len(levels))
            }
            missing = [key for key, (nl, _en) in descriptors.items() if not nl]
            if not missing:
                services.create_rubric(
                    request.user,
                    version,
                    title_nl=structure.cleaned_data["title_nl"],
                    title_en=structure.cleaned_data["title_en"],
                    levels=levels,
                    criteria=criteria,
                    descriptors=descriptors,
                )
                messages.success(request, _("The rubric has been saved."))
                return redirect("ulo_detail", pk=version.pk)
    context = {"version": version, "structure": structure, "grid": grid, "missing": missing}
    return render(request, "skills/rubric_form.html", context)
