from django import forms
from django.utils.translation import gettext_lazy as _

from mhw.learning.models import Module
from mhw.learning.offer_sheet import COLUMNS


class ModuleForm(forms.ModelForm):
    """A module with its outcomes, prerequisites and runs written in the same compact notation as the sheet, so the
    form and an upload are checked by the same code."""

    outcomes = forms.CharField(
        label=_("Outcomes"),
        help_text=_("Catalogue items with the level reached, e.g. VO003:3 | KO002:2"),
        required=False,
    )
    prerequisite_modules = forms.CharField(
        label=_("Modules required first"), help_text=_("The provider's module codes, e.g. H2-BASIS"), required=False
    )
    prerequisite_levels = forms.CharField(label=_("Levels required first"), help_text=_("e.g. VO001:2"), required=False)
    runs = forms.CharField(
        label=_("Runs"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or more: start date;seats;schedule | ... e.g. 2027-01-12;16;Tue and Thu 18:00-21:30"),
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Module
        fields = [c for c in COLUMNS if c not in ("outcomes", "prerequisite_modules", "prerequisite_levels", "runs")]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def record(self) -> dict:
        """The form's values as one sheet row."""
        data = dict(self.data.items())
        return {c: data.get(c, "") for c in COLUMNS} | {
            "online": "yes" if data.get("online") in ("on", "true", "True", "yes") else "no",
            "is_basic": "yes" if data.get("is_basic") in ("on", "true", "True", "yes") else "no",
        }


class OfferUploadForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("CSV or Excel with the columns of the download; at most 5 MB."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = upload.name.rsplit(".", 1)[-1].lower()
        if extension not in ("csv", "xlsx"):
            raise forms.ValidationError(_("Choose a .csv or .xlsx file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        self.cleaned_data["format"] = extension
        return upload
