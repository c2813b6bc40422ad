"""The main pages and API lists ask the database a fixed number of questions, however many rows there are: the count
is pinned for the test world, and stays the same after many more candidates (on the route, with consents), companies,
providers, modules with outcomes and runs, vacancies and audit lines are added. A count that grows with the rows is
an N+1 query; a count that changes on purpose is updated here (see benchmarks/load.py for the time it costs)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mhw.accounts.audit import record_event
from mhw.accounts.models import Organisation
from mhw.candidates.models import Candidate, Consent, ConsentText, IntakeResult, PipelineEvent
from mhw.candidates.models.consent import ConsentScope
from mhw.ecosystem.models import Vacancy
from mhw.learning.models import Module, ModuleOutcome, ModuleRun
from mhw.skills.models import UloItem

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _every_page_drawn(settings):
    # The questions a page asks when it is drawn; an answer kept from before asks three (tests/web/test_page_cache.py).
    settings.PAGE_CACHE_SECONDS = 0


# (path, actor, queries). The actor is campus A's administrator (campus staff who may open every list page) or the
# national administrator, who sees every campus.
PAGES = [
    ("/candidates/", "campus_admin", 6),
    ("/candidates/?page=2", "campus_admin", 6),
    ("/candidates/?q=Zwart", "campus_admin", 6),
    ("/candidates/", "national_admin", 5),
    ("/vacancies/?campus=campus-a", "campus_admin", 10),
    ("/vacancies/?campus=campus-a&record=1", "campus_admin", 11),
    ("/offer/", "campus_admin", 7),
    ("/catalogue/", "campus_admin", 5),
    ("/programme/", "campus_admin", 14),
    ("/programme/", "national_admin", 14),
    ("/organisations/", "campus_admin", 5),
    ("/clusters/", "campus_admin", 4),
    ("/clusters/?new=1", "campus_admin", 8),
    ("/dashboard/", "campus_admin", 9),
    ("/figures/", "campus_admin", 10),
    ("/audit/", "campus_admin", 5),
    ("/api/v1/candidates", "campus_admin", 6),
    ("/api/v1/organisations", "campus_admin", 5),
    ("/api/v1/offer/modules", "campus_admin", 7),
    ("/api/v1/catalogue/ulos", "campus_admin", 5),
]


def grow(world, n: int, tag: str) -> None:
    """Add `n` of each kind of row the main pages list, on both campuses, as the national demo has them; `tag` keeps
    the names of one call apart from another's."""
    campus, office, coach = world.campus_a, world.user("candidate_account_manager"), world.user("coach")
    programme = ConsentText.current(ConsentScope.PROGRAMME)
    items = list(UloItem.objects.all()[:3])
    now = timezone.now()
    companies = Organisation.objects.bulk_create(
        Organisation(campus=c, name=f"Bedrijf {c.slug} {tag}{i}", kind="company", size_class="sme", city="Groningen")
        for c in (campus, world.campus_b)
        for i in range(n)
    )
    providers = Organisation.objects.bulk_create(
        Organisation(campus=campus, name=f"Opleider {tag}{i}", kind="education_provider", city="Assen")
        for i in range(n)
    )
    modules = Module.objects.bulk_create(
        Module(provider=p, code=f"M{i}", title_nl=f"Module {i}", title_en=f"Module {i}", hours=8, duration_weeks=1,
               format="classroom", cost=Decimal(100), language="nl")
        for i, p in enumerate(providers)
    )  # fmt: skip
    ModuleOutcome.objects.bulk_create(ModuleOutcome(module=m, item=item, level=2) for m in modules for item in items)
    ModuleRun.objects.bulk_create(
        ModuleRun(module=m, starts_on=datetime.date(2027, 1, d), seats=12) for m in modules for d in (4, 11)
    )
    Vacancy.objects.bulk_create(
        Vacancy(campus=campus, company=company, role_title=f"Monteur {i}", number=2, region="Noord",
                posted_on=timezone.localdate() - datetime.timedelta(days=20 * (i % 12)),
                profile=world.skills.profile if i % 2 else None)
        for i, company in enumerate(companies[:n])
    )  # fmt: skip
    for c in (campus, world.campus_b):
        candidates = Candidate.objects.bulk_create(
            Candidate(campus=c, first_name="Anna", last_name=f"Zwart {c.slug} {tag}{i}",
                      email=f"anna{tag}{i}@{c.slug}.example",
                      coach=coach, stage="intake_done", current_occupation="Lasser")
            for i in range(n)
        )  # fmt: skip
        Consent.objects.bulk_create(Consent(candidate=k, text=programme, given_by=office) for k in candidates)
        IntakeResult.objects.bulk_create(
            IntakeResult(candidate=k, kind="interview", taken_on=now.date(), source="coach", summary="Gesprek",
                         recorded_by=coach)
            for k in candidates
        )  # fmt: skip
        PipelineEvent.objects.bulk_create(
            PipelineEvent(candidate=k, action=action, from_stage=source, to_stage=target, actor=office, at=now)
            for k in candidates
            for action, source, target in (("register", "interested", "registered"),
                                           ("complete_intake", "registered", "intake_done"))
        )  # fmt: skip
        for k in candidates[:5]:
            record_event(office, "candidate.viewed", k)


def count(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


@pytest.mark.parametrize(("path", "actor", "expected"), PAGES)
def test_the_number_of_queries_is_pinned_and_does_not_grow_with_the_rows(
    world, client_for, django_assert_num_queries, path, actor, expected
):
    grow(world, 3, "a")
    client = client_for(world.user(actor))
    client.get(path)  # what a first request caches (e.g. content types) is not counted
    few = count(client, path)
    grow(world, 60, "b")
    with django_assert_num_queries(few):
        client.get(path)
    assert few == expected, f"{path} asks {few} queries, pinned at {expected}: update the pin if that is intended"
