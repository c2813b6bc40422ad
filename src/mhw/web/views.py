"""The public front door, the role-based dashboard and the health check."""

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from mhw.accounts.models import AuditEvent, Campus, Organisation
from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability
from mhw.candidates.models import Candidate, ConsentText, DeclarationOfIntent
from mhw.candidates.models.consent import ConsentScope
from mhw.candidates.services import intake, route
from mhw.candidates.services.evaluation import EVALUATING_STAGES

# The five use cases of the toolbox's table 1, as entrances of the front door.
USE_CASES = [
    {
        "key": "company-staff",
        "audience": _("Companies"),
        "title": _("I am looking for staff trained for hydrogen work"),
        "text": _(
            "Meet selected, motivated professionals at a job fair and train them in at most six months, with a "
            "declaration of intent before the training starts."
        ),
    },
    {
        "key": "professional-job",
        "entrance": "register",
        "audience": _("Professionals"),
        "title": _("I am looking for an interesting job in hydrogen"),
        "text": _(
            "Several years of technical experience? Retrain in at most six months towards a job in the hydrogen "
            "sector, with a job guarantee from an employer."
        ),
    },
    {
        "key": "company-upskilling",
        "audience": _("Companies"),
        "title": _("I want to upskill my staff for hydrogen work"),
        "text": _(
            "We map the skills your people have and need, and build a short development path from the modules of "
            "several providers."
        ),
    },
    {
        "key": "employee-growth",
        "entrance": "register",
        "audience": _("Employees"),
        "title": _("I want to grow within my organisation with hydrogen skills"),
        "text": _(
            "Together with your employer you follow a path that closes exactly your skills gap, and you earn "
            "credentials that count nationwide."
        ),
    },
    {
        "key": "orientation",
        "audience": _("Companies and clusters"),
        "title": _("We want to learn what hydrogen can mean for us"),
        "text": _(
            "With companies like yours you design metro lines: short learning routes that translate hydrogen to "
            "your own work."
        ),
    },
]


def home(request):
    campuses = Campus.objects.only("name", "slug", "region")
    return render(request, "web/home.html", {"use_cases": USE_CASES, "campuses": campuses})


def _count_per_campus(queryset):
    """The number of rows of `queryset` at the campus of the outer row, as a subquery (0 when there are none)."""
    counted = queryset.filter(campus=OuterRef("pk")).order_by().values("campus").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)


def _campus_figures(campus_ids, everywhere: bool):
    """Per campus: partners by kind and candidates by trajectory, in one query. Each count is its own subquery:
    joining organisations and candidates in one grouped query would multiply them (thousands × thousands rows)."""
    campuses = Campus.objects.all() if everywhere else Campus.objects.filter(pk__in=campus_ids)
    return campuses.annotate(
        companies=_count_per_campus(Organisation.objects.filter(kind=Organisation.Kind.COMPANY)),
        providers=_count_per_campus(Organisation.objects.filter(kind=Organisation.Kind.EDUCATION_PROVIDER)),
        candidate_total=_count_per_campus(Candidate.objects.all()),
        upskilling=_count_per_campus(Candidate.objects.filter(trajectory=Candidate.Trajectory.UPSKILLING)),
    ).order_by("name")


@login_required
def dashboard(request):
    user = request.user
    context = {"memberships": user.active_memberships}
    staff_scope = campus_scope(user, Capability.VIEW_PARTNERS)
    if staff_scope:
        context["campus_figures"] = _campus_figures(staff_scope.campus_ids, staff_scope.everywhere)
    candidate_scope = campus_scope(user, Capability.VIEW_CANDIDATES)
    if candidate_scope:
        context["recent_candidates"] = (
            Candidate.objects.visible_to(user).select_related("campus").order_by("-created_at")[:8]
        )
        context["my_candidates"] = Candidate.objects.filter(coach=user).select_related("campus")[:20]
    if campus_scope(user, Capability.VIEW_AUDIT):
        context["recent_events"] = AuditEvent.objects.visible_to(user)[:8]
    own = Candidate.objects.filter(user=user).select_related("campus", "coach", "employer").first()
    context["own_candidate"] = own
    if own is not None:
        context["own_steps"] = route.next_steps(user, own)
        context["own_may_evaluate"] = (
            own.stage in EVALUATING_STAGES and not own.evaluations.filter(by="student").exists()
        )
        context["own_intake"] = [r for r in intake.read_intake_results(user, own) if r.conclusions_for_candidate]
        context["own_consents"] = own.consents.select_related("text")
        context["own_sessions"] = own.sessions.filter(planned_at__gte=timezone.now()).select_related("coach")
        given = {c.text.scope for c in context["own_consents"] if c.in_force}
        context["missing_consents"] = [
            text for text in (ConsentText.current(s) for s in ConsentScope.values) if text and text.scope not in given
        ]
    if own is not None or user.organisation_ids:
        context["my_declarations"] = DeclarationOfIntent.objects.visible_to(user).select_related("candidate", "company")
        context["matched_candidates"] = (
            Candidate.objects.visible_to(user).exclude(user=user) if user.organisation_ids else []
        )
    context["organisations"] = Organisation.objects.filter(pk__in=user.organisation_ids).select_related("campus")
    return render(request, "web/dashboard.html", context)


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "engine": connection.vendor})
