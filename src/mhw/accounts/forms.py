from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from mhw.accounts.models import User


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )
    error_messages = {
        "invalid_login": _("That e-mail address and password do not match an active account."),
        "inactive": _("This account has been deactivated."),
    }


class ProfileForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = User
        fields = ["full_name", "language"]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the token"),
        max_length=80,
        help_text=_("So you recognise it later, e.g. the name of the script or tool that uses it."),
    )


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Action"), required=False, max_length=80)
    object_type = forms.CharField(label=_("Object type"), required=False, max_length=80)
    actor = forms.CharField(label=_("Actor (e-mail)"), required=False, max_length=254)
