from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mhw.skills.bloom import BLOOM_LEVELS
from mhw.skills.models import TaxonomyLink, UloItem, UloVersion
from mhw.skills.services.catalogue import ITEM_FIELDS, VERSION_FIELDS

EQF_CHOICES = [(n, str(n)) for n in range(1, 9)]


def bloom_choices():
    language = "en" if get_language() == "en" else "nl"
    return [(level.level, f"{level.level} — {level.name[language]}") for level in BLOOM_LEVELS]


class UloVersionForm(forms.ModelForm):
    """The text of a ULO version. Never bound to the stored row, so a refused save leaves it untouched."""

    row_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = UloVersion
        fields = VERSION_FIELDS
        widgets = {
            "tasks": forms.Textarea(attrs={"rows": 3}),
            "functions": forms.Textarea(attrs={"rows": 2}),
            "verb_nl": forms.TextInput(attrs={"list": "bloom-verbs-nl"}),
            "verb_en": forms.TextInput(attrs={"list": "bloom-verbs-en"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eqf_level"] = forms.TypedChoiceField(
            label=_("EQF/NLQF level"), choices=EQF_CHOICES, coerce=int, initial=self.initial.get("eqf_level", 4)
        )
        self.fields["bloom_level"] = forms.TypedChoiceField(
            label=_("Bloom level"), choices=bloom_choices(), coerce=int, initial=self.initial.get("bloom_level", 3)
        )


class UloItemForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput, required=False)
    # The empty first choice keeps an untouched extra row unchanged, so it is skipped instead of refused.
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *UloItem.Kind.choices])
    verb_nl = forms.CharField(label=_("Action verb (NL)"), max_length=60, required=False)
    verb_en = forms.CharField(label=_("Action verb (EN)"), max_length=60, required=False)
    object_nl = forms.CharField(label=_("Object (NL)"), max_length=300)
    object_en = forms.CharField(label=_("Object (EN)"), max_length=300)
    preposition_nl = forms.CharField(label=_("Preposition (NL)"), max_length=20, required=False)
    preposition_en = forms.CharField(label=_("Preposition (EN)"), max_length=20, required=False)
    context_nl = forms.CharField(label=_("Context (NL)"), max_length=300, required=False)
    context_en = forms.CharField(label=_("Context (EN)"), max_length=300, required=False)
    regulation_nl = forms.CharField(label=_("Regulatory requirement (NL)"), max_length=200, required=False)
    regulation_en = forms.CharField(label=_("Regulatory requirement (EN)"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("placeholder", field.label)
            field.widget.attrs.setdefault("aria-label", field.label)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") in (UloItem.Kind.RESPONSIBILITY, UloItem.Kind.SKILL):
            for language in ("nl", "en"):
                if not (cleaned.get(f"verb_{language}") or "").strip():
                    self.add_error(f"verb_{language}", _("A responsibility or skill starts with an action verb."))
        return cleaned


class BaseItemFormSet(forms.BaseFormSet):
    def items(self) -> list[dict]:
        """The filled-in items in order; untouched empty rows and rows marked for deletion are left out."""
        result = []
        for form in self.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE"):
                continue
            result.append(
                {"code": data.get("code", ""), "kind": data["kind"]} | {n: data.get(n, "") for n in ITEM_FIELDS}
            )
        return result


UloItemFormSet = forms.formset_factory(UloItemForm, formset=BaseItemFormSet, extra=2, can_delete=True, max_num=40)
# A new ULO needs at least a responsibility, a skill and a knowledge item: offer room for four.
NewUloItemFormSet = forms.formset_factory(UloItemForm, formset=BaseItemFormSet, extra=4, can_delete=True, max_num=40)


def item_initial(version: UloVersion) -> list[dict]:
    return [
        {"code": item.code, "kind": item.kind} | {name: getattr(item, name) for name in ITEM_FIELDS}
        for item in version.items.all()
    ]


class TransitionForm(forms.Form):
    remarks = forms.CharField(label=_("Remarks"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class TaxonomyLinkForm(forms.Form):
    scheme = forms.ChoiceField(label=_("Taxonomy"), choices=TaxonomyLink.Scheme.choices)
    concept_uri = forms.CharField(label=_("Concept URI or code"), max_length=200)
    preferred_label = forms.CharField(label=_("Preferred label"), max_length=400, required=False)

    def clean_concept_uri(self):
        value = self.cleaned_data["concept_uri"].strip()
        if self.data.get("scheme") == TaxonomyLink.Scheme.ESCO and not value.startswith("http://data.europa.eu/esco/"):
            raise forms.ValidationError(_("An ESCO concept URI starts with http://data.europa.eu/esco/."))
        return value


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    eqf = forms.TypedChoiceField(
        label=_("EQF/NLQF level"), choices=[("", _("any")), *EQF_CHOICES], coerce=int, required=False, empty_value=None
    )
    bloom = forms.TypedChoiceField(label=_("Bloom level"), choices=(), coerce=int, required=False, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=())

    def __init__(self, *args, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bloom"].choices = [("", _("any")), *bloom_choices()]
        self.fields["status"].choices = statuses
