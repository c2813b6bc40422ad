"""Forms of the ecosystem pages; choices narrowed to the campus the page is about."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mhw.accounts.models import Organisation
from mhw.ecosystem.models import NetworkMeeting, NetworkMember, NetworkQuestion, Relation

DECISION_ROWS = 3


class MemberForm(forms.ModelForm):
    class Meta:
        model = NetworkMember
        fields = ["name", "organisation", "role", "position"]

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(campus=campus)
        self.instance.campus = campus


class QuestionForm(forms.ModelForm):
    class Meta:
        model = NetworkQuestion
        fields = ["theme", "text"]

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.campus = campus


class MeetingForm(forms.ModelForm):
    """A meeting with up to three decisions, each with who acts on it and the question it is about."""

    class Meta:
        model = NetworkMeeting
        fields = ["held_on", "title", "notes"]
        widgets = {"held_on": forms.DateInput(attrs={"type": "date"}), "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.campus = campus
        questions = NetworkQuestion.objects.filter(campus=campus)
        for i in range(DECISION_ROWS):
            self.fields[f"decision_{i}"] = forms.CharField(label=_("Decision"), max_length=300, required=False)
            self.fields[f"owner_{i}"] = forms.CharField(label=_("Who acts on it"), max_length=150, required=False)
            self.fields[f"question_{i}"] = forms.ModelChoiceField(
                questions, label=_("About the question"), required=False
            )

    def decisions(self) -> list[dict]:
        return [
            {"text": self.cleaned_data[f"decision_{i}"].strip(), "owner": self.cleaned_data[f"owner_{i}"].strip(),
             "question": self.cleaned_data[f"question_{i}"]}
            for i in range(DECISION_ROWS)
            if self.cleaned_data.get(f"decision_{i}", "").strip()
        ]  # fmt: skip


class RelationForm(forms.ModelForm):
    class Meta:
        model = Relation
        fields = ["source", "kind", "target", "note"]

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        players = Organisation.objects.filter(campus=campus)
        self.fields["source"].queryset = players
        self.fields["target"].queryset = players
        self.instance.campus = campus
