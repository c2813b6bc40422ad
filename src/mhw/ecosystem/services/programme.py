"""The programme's figures per campus for a period: partners, candidates per step of the route, metro lines running
and their participants, credentials issued, time-to-job, and vacancies against candidates per role."""

import datetime
import statistics
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from mhw.accounts.models import Organisation
from mhw.candidates.models import Candidate, EmploymentContract, PipelineEvent
from mhw.credentials.models import IssuedCredential
from mhw.ecosystem.models import Vacancy
from mhw.metro.models import MetroLine, Registration
from mhw.skills.models import SkillsProfile

LEFT = ("not_selected", "stopped", "withdrawn")


@dataclass
class CampusFigures:
    campus: object
    companies: int
    partners: int
    stages: dict[str, int]
    lines_running: int
    participants: int
    credentials: int
    time_to_job_days: float | None
    jobs: int
    roles: list[tuple[str, int, int]] = field(default_factory=list)  # (role, places asked, candidates aiming)


def _between(field_name: str, start: datetime.date | None, end: datetime.date | None) -> Q:
    query = Q()
    if start:
        query &= Q(**{f"{field_name}__gte": start})
    if end:
        query &= Q(**{f"{field_name}__lte": end})
    return query


def _time_to_job(campus, start, end) -> tuple[float | None, int]:
    """Median days from registration to the start of a signed contract, for contracts starting in the period."""
    contracts = EmploymentContract.objects.filter(
        declaration__candidate__campus=campus, signed_by_company_at__isnull=False,
        signed_by_candidate_at__isnull=False,
    ).filter(_between("starts_on", start, end)).select_related("declaration")  # fmt: skip
    registered = dict(
        PipelineEvent.objects.filter(
            action="register", candidate__in=contracts.values("declaration__candidate")
        ).values_list("candidate", "at")
    )
    days = [
        (c.starts_on - registered[c.declaration.candidate_id].date()).days
        for c in contracts
        if c.declaration.candidate_id in registered
    ]
    return (statistics.median(days) if days else None), len(days)


def figures_for(campus, start: datetime.date | None = None, end: datetime.date | None = None) -> CampusFigures:
    organisations = Organisation.objects.filter(campus=campus)
    candidates = Candidate.objects.filter(campus=campus).filter(_between("created_at__date", start, end))
    stages = dict(candidates.values_list("stage").annotate(n=Count("pk")).values_list("stage", "n"))
    running = MetroLine.objects.filter(cluster__campus=campus).filter(
        Q(stations__sessions__isnull=False) & _between("stations__sessions__starts_at__date", start, end)
    ).distinct()  # fmt: skip
    participants = (
        Registration.objects.filter(session__station__cluster__campus=campus, status=Registration.Status.CONFIRMED)
        .filter(_between("session__starts_at__date", start, end))
        .values("email").distinct().count()
    )  # fmt: skip
    credentials = IssuedCredential.objects.filter(
        Q(achievement__campus=campus) | Q(achievement__organisation__campus=campus)
    ).filter(_between("issued_at__date", start, end))
    median, jobs = _time_to_job(campus, start, end)
    asked = list(
        Vacancy.objects.filter(campus=campus).filter(_between("posted_on", start, end))
        .values_list("profile", "role_title").annotate(places=Sum("number")).order_by("profile", "role_title")
    )  # fmt: skip
    profiles = SkillsProfile.objects.in_bulk({profile_id for profile_id, _role, _n in asked if profile_id})
    aiming = dict(
        Candidate.target_roles.through.objects.filter(
            skillsprofile__in=list(profiles), candidate__campus=campus
        ).exclude(candidate__stage__in=LEFT)
        .values_list("skillsprofile").annotate(n=Count("candidate", distinct=True)).order_by()
    ) if profiles else {}  # fmt: skip
    places: dict = {}
    for profile_id, role_title, number in asked:
        profile = profiles.get(profile_id)
        label = str(profile) if profile else role_title
        known, count = places.get(label, (profile, 0))
        places[label] = (known or profile, count + number)
    roles = [(label, count, aiming.get(profile.pk, 0) if profile else 0) for label, (profile, count) in places.items()]
    return CampusFigures(
        campus=campus, companies=organisations.filter(kind="company").count(),
        partners=organisations.exclude(kind="company").count(), stages=stages, lines_running=running.count(),
        participants=participants, credentials=credentials.count(), time_to_job_days=median, jobs=jobs,
        roles=sorted(roles, key=lambda r: (-r[1], r[0])),
    )  # fmt: skip
