"""A job fair from invitation to declarations of intent, through the office's pages."""

import pytest
from django.urls import reverse

from mhw.candidates.models import Candidate, DeclarationOfIntent
from mhw.matching.models import SpeedDate
from tests.factories import CandidateFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_schedule_choices_and_an_accepted_stable_matching(world, client_for):
    office = client_for(world.user("coach"))
    fair = world.fair_a
    second_company = OrganisationFactory(campus=world.campus_a, name="Waddenpijp B.V.")
    sanne = CandidateFactory(campus=world.campus_a, first_name="Sanne", stage="at_job_fair")
    Candidate.objects.filter(pk=world.candidate_a.pk).update(stage="at_job_fair")
    office.post(
        reverse("fair_detail", args=[fair.pk]),
        {"add": "company", "company-company": second_company.pk, "company-role_title": "Lasser", "company-tables": 1,
         "company-places": 1, "company-work_experience_months": 6},
    )  # fmt: skip
    office.post(reverse("fair_detail", args=[fair.pk]), {"add": "candidates", "candidates": [sanne.pk]})
    assert fair.companies.count() == 2
    assert fair.candidates.count() == 2
    office.post(reverse("fair_schedule", args=[fair.pk]))
    dates = SpeedDate.objects.filter(fair=fair)
    assert dates.count() == 4  # two candidates meet both companies over three rounds
    assert len({(d.round, d.candidate_id) for d in dates}) == 4
    pdf = office.get(reverse("fair_schedule_pdf", args=[fair.pk]))
    assert pdf.content.startswith(b"%PDF")

    first, second = fair.companies.order_by("pk")
    michael = world.candidate_a
    office.post(
        reverse("fair_choices", args=[fair.pk]),
        {
            f"cand-{michael.pk}-1": first.pk, f"cand-{michael.pk}-2": second.pk,
            f"cand-{sanne.pk}-1": first.pk,
            f"comp-{first.pk}-1": sanne.pk, f"comp-{first.pk}-2": michael.pk,
            f"comp-{second.pk}-1": michael.pk,
        },
    )  # fmt: skip
    proposal = office.get(reverse("fair_proposal", args=[fair.pk]))
    pairs = {(c.pk, fc.pk) for c, fc in proposal.context["pairs"]}
    assert pairs == {(sanne.pk, first.pk), (michael.pk, second.pk)}
    office.post(reverse("fair_proposal", args=[fair.pk]), {"proposing": "candidates"})
    assert DeclarationOfIntent.objects.filter(candidate=sanne, company=first.company).exists()
    sanne.refresh_from_db()
    assert sanne.stage == "at_job_fair"  # no consent recorded: the declaration waits, and so does the step
    michael.refresh_from_db()
    assert michael.stage == "matched"
    assert michael.declarations.filter(company=second_company).exists()
