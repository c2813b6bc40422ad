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
from mhw.periods import within_days
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


def _time_to_job(campus_ids, start, end) -> dict[int, tuple[float | None, int]]:
    """Per campus: median days from registration to the start of a signed contract, for contracts starting in the
    period, and how many contracts that is."""
    contracts = list(
        EmploymentContract.objects.filter(
            declaration__candidate__campus__in=campus_ids, signed_by_company_at__isnull=False,
            signed_by_candidate_at__isnull=False,
        ).filter(_between("starts_on", start, end))
        .values_list("declaration__candidate__campus", "declaration__candidate", "starts_on")
    )  # fmt: skip
    registered = dict(
        PipelineEvent.objects.filter(
            action="register", candidate__in={candidate for _campus, candidate, _starts in contracts}
        ).values_list("candidate", "at")
    )
    days: dict[int, list[int]] = {}
    for campus_id, candidate_id, starts_on in contracts:
        if candidate_id in registered:
            days.setdefault(campus_id, []).append((starts_on - registered[candidate_id].date()).days)
    return {campus_id: (statistics.median(found), len(found)) for campus_id, found in days.items()}


def _roles(asked, profiles, aiming) -> list[tuple[str, int, int]]:
    """(role, places asked, candidates aiming at it), most places first; vacancies for the same profile or, without
    a profile, the same role title count together."""
    places: dict = {}
    for profile_id, role_title, number in asked:
        profile = profiles.get(profile_id)
        label = str(profile) if profile else role_title
        known, count = places.get(label, (profile, 0))
        places[label] = (known or profile, count + number)
    roles = [(label, count, aiming.get(profile.pk, 0) if profile else 0) for label, (profile, count) in places.items()]
    return sorted(roles, key=lambda r: (-r[1], r[0]))


def figures_for(campuses, start: datetime.date | None = None, end: datetime.date | None = None) -> list[CampusFigures]:
    """The figures of each of `campuses` for the period, in their order. Every figure is one query grouped by campus,
    so all seven campuses side by side cost what one does."""
    campuses = list(campuses)
    ids = [campus.pk for campus in campuses]
    organisations = {
        campus_id: (companies, partners)
        for campus_id, companies, partners in Organisation.objects.filter(campus__in=ids)
        .values_list("campus").annotate(
            companies=Count("pk", filter=Q(kind="company")), partners=Count("pk", filter=~Q(kind="company"))
        ).order_by()
    }  # fmt: skip
    stages: dict[int, dict[str, int]] = {campus_id: {} for campus_id in ids}
    for campus_id, stage, n in (
        Candidate.objects.filter(campus__in=ids).filter(within_days("created_at", start, end))
        .values_list("campus", "stage").annotate(n=Count("pk")).order_by()
    ):  # fmt: skip
        stages[campus_id][stage] = n
    running = dict(
        MetroLine.objects.filter(cluster__campus__in=ids).filter(
            Q(stations__sessions__isnull=False) & within_days("stations__sessions__starts_at", start, end)
        ).values_list("cluster__campus").annotate(n=Count("pk", distinct=True)).order_by()
    )  # fmt: skip
    participants = dict(
        Registration.objects.filter(session__station__cluster__campus__in=ids, status=Registration.Status.CONFIRMED)
        .filter(within_days("session__starts_at", start, end))
        .values_list("session__station__cluster__campus").annotate(n=Count("email", distinct=True)).order_by()
    )  # fmt: skip
    # A credential counts for the campus that issues its achievement, or, when a provider issues it, for the
    # provider's campus.
    credentials: dict[int, int] = {}
    for own_campus, organisation_campus, n in (
        IssuedCredential.objects.filter(
            Q(achievement__campus__in=ids) | Q(achievement__organisation__campus__in=ids)
        ).filter(within_days("issued_at", start, end))
        .values_list("achievement__campus", "achievement__organisation__campus").annotate(n=Count("pk")).order_by()
    ):  # fmt: skip
        for campus_id in {own_campus, organisation_campus} & set(ids):
            credentials[campus_id] = credentials.get(campus_id, 0) + n
    time_to_job = _time_to_job(ids, start, end)
    asked: dict[int, list] = {campus_id: [] for campus_id in ids}
    for campus_id, profile_id, role_title, places in (
        Vacancy.objects.filter(campus__in=ids).filter(_between("posted_on", start, end))
        .values_list("campus", "profile", "role_title").annotate(places=Sum("number"))
        .order_by("campus", "profile", "role_title")
    ):  # fmt: skip
        asked[campus_id].append((profile_id, role_title, places))
    profiles = SkillsProfile.objects.in_bulk(
        {profile_id for rows in asked.values() for profile_id, _role, _n in rows if profile_id}
    )
    aiming: dict[int, dict[int, int]] = {campus_id: {} for campus_id in ids}
    if profiles:
        for campus_id, profile_id, n in (
            Candidate.target_roles.through.objects.filter(skillsprofile__in=list(profiles), candidate__campus__in=ids)
            .exclude(candidate__stage__in=LEFT)
            .values_list("candidate__campus", "skillsprofile").annotate(n=Count("candidate", distinct=True))
            .order_by()
        ):  # fmt: skip
            aiming[campus_id][profile_id] = n
    figures = []
    for campus in campuses:
        companies, partners = organisations.get(campus.pk, (0, 0))
        median, jobs = time_to_job.get(campus.pk, (None, 0))
        figures.append(
            CampusFigures(
                campus=campus, companies=companies, partners=partners, stages=stages[campus.pk],
                lines_running=running.get(campus.pk, 0), participants=participants.get(campus.pk, 0),
                credentials=credentials.get(campus.pk, 0), time_to_job_days=median, jobs=jobs,
                roles=_roles(asked[campus.pk], profiles, aiming[campus.pk]),
            )
        )  # fmt: skip
    return figures
