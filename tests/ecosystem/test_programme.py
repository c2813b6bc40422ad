"""The programme dashboard: a campus's staff see their own campus, the national admin all side by side; the figures
count what the records hold in the period; the Excel export holds the same figures; a bad period is refused."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mhw.accounts.models import Organisation
from mhw.candidates.models import Candidate
from mhw.credentials.models import Achievement, IssuedCredential
from mhw.ecosystem.models import Vacancy
from tests.credentials.conftest import issue_badge
from tests.metro import fixtures

pytestmark = pytest.mark.django_db


def _measure(page, label):
    return next(values for name, values in page.context["measures"] if name == label)


def test_staff_see_their_campus_and_the_figures_count_the_records(world, client_for):
    badge = Achievement.objects.create(campus=world.campus_a, name_nl="B", name_en="B", description_nl="d",
                                       description_en="d", criteria_nl="c", criteria_en="c")  # fmt: skip
    issue_badge(world, badge)
    fixtures.registration(world)  # one participant of a metro line session
    Vacancy.objects.create(campus=world.campus_a, company=world.company_a, role_title="Monteur", number=4,
                           region="Groningen", profile=world.skills.profile)  # fmt: skip
    world.candidate_a.target_roles.add(world.skills.profile)
    page = client_for(world.user("coach")).get(reverse("programme_dashboard"))
    [row] = page.context["rows"]
    assert row.campus == world.campus_a
    assert row.companies == Organisation.objects.filter(campus=world.campus_a, kind="company").count()
    assert sum(row.stages.values()) == Candidate.objects.filter(campus=world.campus_a).count()
    assert row.credentials == IssuedCredential.objects.count() == 1
    assert row.participants == 1
    assert row.lines_running == 1
    assert row.roles == [(str(world.skills.profile), 4, 1)]
    assert _measure(page, "Bedrijven") == [row.companies]


def test_the_national_admin_sees_all_campuses_and_exports_them(world, client_for):
    admin = client_for(world.user("national_admin"))
    page = admin.get(reverse("programme_dashboard"))
    names = [r.campus.name for r in page.context["rows"]]
    assert {world.campus_a.name, world.campus_b.name} <= set(names)
    workbook = load_workbook(io.BytesIO(admin.get(reverse("programme_export")).content))
    header = [cell.value for cell in workbook.worksheets[0][1]]
    assert header[1:] == names
    only_b = admin.get(reverse("programme_dashboard"), {"campus": world.campus_b.pk})
    assert [r.campus for r in only_b.context["rows"]] == [world.campus_b]


def test_all_campuses_side_by_side_count_what_each_campus_counts_alone(world, client_for):
    """The national view counts every figure in one query per figure, grouped by campus: it must count exactly what
    the view of one campus counts, whoever issued what where."""
    by_campus = Achievement.objects.create(campus=world.campus_a, name_nl="B", name_en="B", description_nl="d",
                                           description_en="d", criteria_nl="c", criteria_en="c")  # fmt: skip
    by_provider = Achievement.objects.create(organisation=world.provider_a, name_nl="P", name_en="P",
                                             description_nl="d", description_en="d", criteria_nl="c",
                                             criteria_en="c")  # fmt: skip
    issue_badge(world, by_campus)
    issue_badge(world, by_provider)
    fixtures.registration(world)
    Vacancy.objects.create(campus=world.campus_a, company=world.company_a, role_title="Monteur", number=4,
                           region="Groningen", profile=world.skills.profile)  # fmt: skip
    Vacancy.objects.create(campus=world.campus_b, company=world.company_a, role_title="Lasser", number=2,
                           region="Zeeland")  # fmt: skip
    world.candidate_a.target_roles.add(world.skills.profile)
    admin = client_for(world.user("national_admin"))
    together = admin.get(reverse("programme_dashboard")).context["rows"]
    assert len(together) >= 2
    for row in together:
        [alone] = admin.get(reverse("programme_dashboard"), {"campus": row.campus.pk}).context["rows"]
        assert row == alone
    row_a = next(r for r in together if r.campus == world.campus_a)
    assert row_a.credentials == 2
    assert row_a.participants == 1
    assert row_a.roles == [(str(world.skills.profile), 4, 1)]
    assert next(r for r in together if r.campus == world.campus_b).roles == [("Lasser", 2, 0)]


def test_a_period_that_ends_before_it_starts_is_refused(world, client_for):
    page = client_for(world.user("coach")).get(
        reverse("programme_dashboard"), {"start": "2026-12-01", "end": "2026-01-01"}
    )
    assert page.status_code == 200
    assert page.context["form"].errors
    assert client_for(world.user("candidate")).get(reverse("programme_dashboard")).status_code == 403
