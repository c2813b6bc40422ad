"""Skills from a CV or intake notes: the coach pastes the text, the platform suggests catalogue items with a level
and the sentence each came from, and the coach records the ones that hold as self-reported (never proven) levels."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from mhw.candidates.models import Candidate
from mhw.candidates.services import skills as services
from mhw.skills.models import UloItem, UloStatus
from mhw.skills.services.suggestions import TextWithoutSkills, suggest_skills

ALL_KINDS = tuple(UloItem.Kind.values)


class ExperienceTextForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("CV or intake notes"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        help_text=gettext_lazy("Paste the CV, the candidate's story of their experience, or your intake notes."),
    )


class AcceptedSkillForm(forms.Form):
    item = forms.ModelChoiceField(queryset=UloItem.objects.filter(version__status=UloStatus.PUBLISHED))
    level = forms.IntegerField(min_value=1, max_value=5)
    sentence = forms.CharField(max_length=1000)


def _accepted_rows(post) -> list[dict] | None:
    """The rows the coach ticked, each checked; None when one of them is not valid."""
    rows = []
    for key in post.getlist("accept"):
        form = AcceptedSkillForm(
            {"item": key, "level": post.get(f"level-{key}"), "sentence": post.get(f"sentence-{key}")}
        )
        if not form.is_valid():
            return None
        data = form.cleaned_data
        evidence = _("From the CV or intake notes: “%(sentence)s”") % {"sentence": data["sentence"]}
        rows.append({"item": data["item"], "level": data["level"], "evidence": evidence})
    return rows


@login_required
def skills_from_text(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.manageable_by(request.user).select_related("campus"), pk=pk)
    form = ExperienceTextForm(request.POST or None)
    suggestions, problem = [], ""
    if request.method == "POST" and "save" in request.POST:
        rows = _accepted_rows(request.POST)
        if rows is None:
            problem = _("A chosen skill or level is not valid. Suggest the skills again and choose once more.")
        elif not rows:
            problem = _("Tick the skills that hold before you record them.")
        else:
            services.record_self_reported(request.user, candidate, rows)
            message = ngettext(
                "%(count)d self-reported skill has been recorded.",
                "%(count)d self-reported skills have been recorded.",
                len(rows),
            )
            messages.success(request, message % {"count": len(rows)})
            return redirect("candidate_detail", pk=pk)
    if request.method == "POST" and form.is_valid():
        try:
            suggestions = [s for s in suggest_skills(form.cleaned_data["text"], kinds=ALL_KINDS) if s.item]
        except TextWithoutSkills:
            problem = _("The text holds no sentences to look for skills in.")
    context = {"candidate": candidate, "form": form, "suggestions": suggestions, "problem": problem}
    return render(request, "candidates/skills_from_text.html", context)
