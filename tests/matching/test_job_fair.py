"""A job fair from invitation to declarations of intent, through the office's pages."""

import datetime

import pytest
from django.urls import reverse

from mhw.candidates.models import Candidate, DeclarationOfIntent
from mhw.learning.services import import_offer
from mhw.matching import services
from mhw.matching.models import FairWish, JobFair, SpeedDate
from mhw.paths.services import plan_path, training_end
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


def test_a_pinned_wish_is_in_the_schedule_and_impossible_wishes_are_refused(world, client_for):
    office = client_for(world.user("coach"))
    fair = world.fair_a
    fair.wishes.all().delete()
    strong = OrganisationFactory(campus=world.campus_a, name="Waddenpijp B.V.")
    office.post(
        reverse("fair_detail", args=[fair.pk]),
        {"add": "company", "company-company": strong.pk, "company-role_title": "Lasser", "company-tables": 1,
         "company-places": 1, "company-work_experience_months": 6},
    )  # fmt: skip
    sanne = CandidateFactory(campus=world.campus_a, first_name="Sanne", stage="at_job_fair")
    office.post(reverse("fair_detail", args=[fair.pk]), {"add": "candidates", "candidates": [sanne.pk]})
    JobFair.objects.filter(pk=fair.pk).update(rounds=1)
    fair.refresh_from_db()
    second = fair.companies.get(company=strong)

    response = office.post(
        reverse("fair_detail", args=[fair.pk]),
        {"add": "wish", "wish-candidate": sanne.pk, "wish-company": second.pk, "wish-wished_by": "company"},
    )
    assert response.status_code == 302
    office.post(reverse("fair_schedule", args=[fair.pk]))
    assert SpeedDate.objects.filter(fair=fair, candidate=sanne, company=second).exists()

    # One round: Sanne cannot have a second pinned date, and an outsider cannot be pinned at all.
    refused = office.post(
        reverse("fair_detail", args=[fair.pk]),
        {"add": "wish", "wish-candidate": sanne.pk, "wish-company": fair.companies.exclude(pk=second.pk).get().pk,
         "wish-wished_by": "candidate"},
    )  # fmt: skip
    assert refused.status_code == 200
    assert "al een vaste wens in elke ronde" in refused.content.decode()
    outsider = CandidateFactory(campus=world.campus_a)
    refused = office.post(
        reverse("fair_detail", args=[fair.pk]),
        {"add": "wish", "wish-candidate": outsider.pk, "wish-company": second.pk, "wish-wished_by": "candidate"},
    )
    assert refused.status_code == 200
    assert FairWish.objects.filter(fair=fair).count() == 1


def test_the_live_board_follows_the_rounds_and_refuses_a_stale_move(world, client_for):
    office = client_for(world.user("coach"))
    fair = world.fair_a
    office.post(reverse("fair_schedule", args=[fair.pk]))
    live = reverse("fair_live", args=[fair.pk])
    assert "nog niet begonnen" in office.get(live).content.decode()

    office.post(reverse("fair_round", args=[fair.pk]), {"from": 0, "to": 1})
    board = office.get(live, headers={"HX-Request": "true"})
    assert board.templates[0].name == "matching/_fair_board.html"
    fair.refresh_from_db()
    assert fair.current_round == 1
    first_round = SpeedDate.objects.filter(fair=fair, round=0)
    for date in first_round:
        assert date.candidate.full_name in board.content.decode()

    # A second screen still showing round 0 presses "start" again: refused, nothing skipped.
    stale = office.post(reverse("fair_round", args=[fair.pk]), {"from": 0, "to": 1}, follow=True)
    assert "Iemand anders" in stale.content.decode()
    fair.refresh_from_db()
    assert fair.current_round == 1
    for bad in ({"from": 1, "to": 9}, {"from": "een", "to": 2}, {}):
        response = office.post(reverse("fair_round", args=[fair.pk]), bad, follow=True)
        assert "Die ronde bestaat niet" in response.content.decode()
    fair.refresh_from_db()
    assert fair.current_round == 1


def test_the_drafted_declaration_carries_the_planned_training_and_starts_when_it_ends(world, client_for):
    fair = world.fair_a
    fair_company = fair.companies.get()
    fair_company.profile = world.skills.profile
    fair_company.save()
    michael = CandidateFactory(campus=world.campus_a, stage="at_job_fair")  # no declaration yet
    fair.candidates.create(candidate=michael)
    item = world.skills.profile.current.requirements.get().item
    import_offer(
        world.user("broker"),
        world.provider_a,
        [(2, {"code": "H2-LEK", "title_nl": "Lekdetectie", "title_en": "Leak detection", "hours": 24,
              "duration_weeks": 3, "format": "practical", "cost": 780, "language": "nl", "outcomes": f"{item.code}:5",
              "runs": "2027-01-18;12;di"})],
    )  # fmt: skip
    path = plan_path(
        world.user("coach"), michael, world.skills.profile.current, start_date=datetime.date(2027, 1, 4),
        hours_per_week=20,
    )  # fmt: skip
    assert path.steps.exists()
    services.record_choices(world.user("coach"), fair, side="candidate", owner=michael, ranked=[fair_company])
    services.record_choices(world.user("coach"), fair, side="company", owner=fair_company, ranked=[michael])

    client_for(world.user("coach")).post(reverse("fair_proposal", args=[fair.pk]), {"proposing": "candidates"})

    fair.refresh_from_db()
    declaration = DeclarationOfIntent.objects.filter(candidate=michael).latest("created_at")
    assert declaration.contract_start == max(training_end(path), fair.held_on)
    assert str(path.steps.first().run.module) in declaration.training
    assert f"{path.finish_week} weken" in declaration.training
