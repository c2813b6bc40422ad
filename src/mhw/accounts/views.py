"""Pages of the accounts app: login, profile and tokens, campuses, partner organisations, staff, audit log."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mhw.accounts import services
from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.decorators import capability_required
from mhw.accounts.forms import ApiTokenForm, AuditFilterForm, LoginForm, ProfileForm
from mhw.accounts.models import AuditEvent, Campus, Membership, Organisation
from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import CAMPUS_ROLES, Capability

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _set_language_cookie(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        _set_language_cookie(response, form.get_user().language)
        return response


@require_POST
def switch_language(request):
    """Switch the interface language; a logged-in user keeps the choice for next time."""
    language = request.POST.get("language", "")
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in LANGUAGE_CODES:
        _set_language_cookie(response, language)
        if request.user.is_authenticated and request.user.language != language:
            request.user.language = language
            request.user.save(update_fields=["language"])
    return response


def _profile_context(request, form=None, token_form=None, new_token=None):
    return {
        "form": form
        or ProfileForm(
            initial={
                "full_name": request.user.full_name,
                "language": request.user.language,
                "version": request.user.version,
            }
        ),
        "token_form": token_form or ApiTokenForm(),
        "tokens": request.user.api_tokens.all(),
        "new_token": new_token,
        "memberships": request.user.active_memberships,
    }


@login_required
def profile(request):
    form = None
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.update_profile(
                    request.user,
                    full_name=form.cleaned_data["full_name"],
                    language=form.cleaned_data["language"],
                    expected_version=form.cleaned_data["version"],
                )
            except ConcurrentEditError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your profile has been saved."))
                response = HttpResponseRedirect(reverse("profile"))
                _set_language_cookie(response, request.user.language)
                return response
    return render(request, "accounts/profile.html", _profile_context(request, form=form))


@login_required
@require_POST
def token_create(request):
    form = ApiTokenForm(request.POST)
    new_token = None
    if form.is_valid():
        _token, new_token = services.create_api_token(request.user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    template = "accounts/_tokens.html" if request.htmx else "accounts/profile.html"
    status = 200 if new_token else 400
    return render(request, template, _profile_context(request, token_form=form, new_token=new_token), status=status)


@login_required
@require_POST
def token_revoke(request, token_id: int):
    token = get_object_or_404(request.user.api_tokens, pk=token_id)
    services.revoke_api_token(request.user, token)
    if request.htmx:
        return render(request, "accounts/_tokens.html", _profile_context(request))
    messages.success(request, _("The token has been revoked."))
    return HttpResponseRedirect(reverse("profile"))


def campus_list(request):
    campuses = Campus.objects.annotate(
        partner_count=Count("organisations", distinct=True),
        company_count=Count("organisations", filter=Q(organisations__kind="company"), distinct=True),
    )
    return render(request, "accounts/campus_list.html", {"campuses": campuses})


def campus_detail(request, slug: str):
    campus = get_object_or_404(Campus, slug=slug)
    partners = campus.organisations.order_by("kind", "name")
    return render(request, "accounts/campus_detail.html", {"campus": campus, "partners": partners})


@capability_required(Capability.VIEW_PARTNERS)
def organisation_list(request):
    organisations = Organisation.objects.visible_to(request.user).select_related("campus")
    kind = request.GET.get("kind", "")
    if kind in Organisation.Kind.values:
        organisations = organisations.filter(kind=kind)
    query = request.GET.get("q", "").strip()
    if query:
        organisations = organisations.filter(Q(name__icontains=query) | Q(city__icontains=query))
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    context = {"page": page, "kinds": Organisation.Kind.choices, "kind": kind, "q": query}
    template = "accounts/_organisation_rows.html" if request.htmx else "accounts/organisation_list.html"
    return render(request, template, context)


@login_required
def organisation_detail(request, pk: int):
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user).select_related("campus"), pk=pk)
    contacts = organisation.memberships.select_related("user")
    return render(request, "accounts/organisation_detail.html", {"organisation": organisation, "contacts": contacts})


@capability_required(Capability.VIEW_STAFF)
def staff_list(request):
    memberships = Membership.objects.filter(role__in=CAMPUS_ROLES).select_related("user", "campus")
    memberships = (
        campus_scope(request.user, Capability.VIEW_STAFF)
        .filter(memberships)
        .order_by("campus__name", "role", "user__full_name")
    )
    return render(request, "accounts/staff_list.html", {"memberships": memberships})


@capability_required(Capability.VIEW_AUDIT)
def audit_log(request):
    events = AuditEvent.objects.visible_to(request.user).select_related("campus")
    form = AuditFilterForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            events = events.filter(action__icontains=data["action"])
        if data["object_type"]:
            events = events.filter(object_type__icontains=data["object_type"])
        if data["actor"]:
            events = events.filter(actor_label__icontains=data["actor"])
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    template = "accounts/_audit_rows.html" if request.htmx else "accounts/audit_log.html"
    return render(request, template, {"page": page, "form": form})
