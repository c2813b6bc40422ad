"""The registering bodies of a campus: registers outside the platform that receive the credentials of participants
who consented, with what each received and what failed."""

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Campus
from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability
from mhw.credentials import services
from mhw.credentials.models import RegisteringBody


class RegisteringBodyForm(forms.ModelForm):
    endpoint = forms.URLField(
        label=RegisteringBody._meta.get_field("endpoint").verbose_name, assume_scheme="https",
        help_text=RegisteringBody._meta.get_field("endpoint").help_text,
    )  # fmt: skip

    class Meta:
        model = RegisteringBody
        fields = ["campus", "name", "endpoint", "active"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campus"].queryset = campus_scope(user, Capability.MANAGE_CREDENTIALS).filter(
            Campus.objects.all(), field="id"
        )


def _manageable(request):
    scope = campus_scope(request.user, Capability.MANAGE_CREDENTIALS)
    return scope.filter(RegisteringBody.objects.select_related("campus")).annotate(
        delivered=Count("deliveries", filter=Q(deliveries__delivered_at__isnull=False)),
        failing=Count("deliveries", filter=Q(deliveries__delivered_at__isnull=True)),
    )


@capability_required(Capability.MANAGE_CREDENTIALS)
def register_list(request):
    form = RegisteringBodyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.save_registering_body(request.user, form.save(commit=False))
        messages.success(request, _("The registering body has been saved."))
        return redirect("register_list")
    return render(request, "credentials/register_list.html", {"bodies": _manageable(request), "form": form})


@capability_required(Capability.MANAGE_CREDENTIALS)
def register_edit(request, pk: int):
    body = get_object_or_404(_manageable(request), pk=pk)
    form = RegisteringBodyForm(request.POST or None, instance=body, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.save_registering_body(request.user, form.save(commit=False))
        messages.success(request, _("The registering body has been saved."))
        return redirect("register_list")
    failures = body.deliveries.filter(delivered_at__isnull=True).select_related("credential__achievement")[:50]
    return render(request, "credentials/register_edit.html", {"body": body, "form": form, "failures": failures})
