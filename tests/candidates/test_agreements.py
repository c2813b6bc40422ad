"""Declarations of intent, contracts and enrolments, and what companies see of candidates."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from mhw.candidates.models import Candidate, DeclarationOfIntent, Enrolment
from mhw.candidates.models.consent import ConsentScope
from mhw.candidates.services import agreements, consent
from mhw.candidates.services.agreements import AgreementError
from tests.factories import CandidateFactory, organisation_user

pytestmark = pytest.mark.django_db

TERMS = {
    "role_title": "Waterstof pipe-engineer",
    "contract_start": datetime.date(2027, 7, 1),
    "minimum_months": 12,
    "work_experience_months": 6,
    "hours_per_week": 38,
    "salary_band": "€ 3.400–3.900 bruto per maand",
}


@pytest.fixture
def fresh(world):
    """A candidate of campus A without agreements, with a portal account."""
    from tests.factories import UserFactory

    user = UserFactory()
    candidate = CandidateFactory(campus=world.campus_a, user=user)
    return candidate


def test_each_side_signs_for_itself_and_nobody_else_can(world, fresh):
    declaration = agreements.draft_declaration(world.user("coach"), fresh, company=world.company_a, data=TERMS)
    with pytest.raises(AgreementError):
        agreements.sign_declaration(world.user("coach"), declaration)
    other_company_hr = organisation_user("company_hr", world.provider_a)
    with pytest.raises(AgreementError):
        agreements.sign_declaration(other_company_hr, declaration)
    agreements.sign_declaration(world.user("company_hr"), declaration)
    declaration = agreements.sign_declaration(fresh.user, declaration)
    assert declaration.is_signed


@pytest.mark.parametrize("changes", [{"minimum_months": 3}, {"company": "provider"}, {"company": "other_campus"}])
def test_a_declaration_with_wrong_terms_is_refused(world, fresh, changes):
    from tests.factories import OrganisationFactory

    company = {
        "provider": world.provider_a,
        "other_campus": OrganisationFactory(campus=world.campus_b),
    }.get(changes.get("company"), world.company_a)
    terms = TERMS | {k: v for k, v in changes.items() if k != "company"}
    with pytest.raises(AgreementError):
        agreements.draft_declaration(world.user("coach"), fresh, company=company, data=terms)
    assert not DeclarationOfIntent.objects.filter(candidate=fresh).exists()


def test_a_contract_needs_a_signed_declaration_and_covers_the_work_experience(world, fresh):
    declaration = agreements.draft_declaration(world.user("coach"), fresh, company=world.company_a, data=TERMS)
    start = datetime.date(2027, 7, 1)
    with pytest.raises(AgreementError):
        agreements.record_contract(
            world.user("coach"), declaration, starts_on=start, duration_months=12, hours_per_week=38
        )
    agreements.sign_declaration(world.user("company_hr"), declaration)
    declaration = agreements.sign_declaration(fresh.user, declaration)
    with pytest.raises(AgreementError):
        agreements.record_contract(
            world.user("coach"), declaration, starts_on=start, duration_months=5, hours_per_week=38
        )
    contract = agreements.record_contract(
        world.user("coach"), declaration, starts_on=start, duration_months=12, hours_per_week=38
    )
    agreements.sign_contract(world.user("company_hr"), contract)
    assert agreements.sign_contract(fresh.user, contract).is_signed


def test_enrolment_sends_the_signed_declaration_to_the_provider(world, django_capture_on_commit_callbacks):
    provider_user = world.user("provider_staff")
    run = world.module_a.runs.get()
    with django_capture_on_commit_callbacks(execute=True):
        agreements.enrol(
            world.user("coach"), world.candidate_a, runs=[run], paid_by=world.company_a, own_contribution=0
        )
    assert Enrolment.objects.filter(candidate=world.candidate_a, run=run).exists()
    assert [m.to for m in mail.outbox] == [[provider_user.email]]
    assert mail.outbox[0].attachments[0][2] == "application/pdf"
    assert mail.outbox[0].attachments[0][1].startswith(b"%PDF")
    world.declaration_a.refresh_from_db()
    assert world.declaration_a.copy_sent_to_provider_at is not None


def test_a_full_run_takes_no_more_students(world):
    run = world.module_a.runs.get()
    run.seats = 2  # one seat is taken by the world's own enrolment
    run.save()
    agreements.enrol(
        world.user("coach"), CandidateFactory(campus=world.campus_a), runs=[run], paid_by=None, own_contribution=0
    )
    with pytest.raises(AgreementError):
        agreements.enrol(world.user("coach"), world.candidate_a, runs=[run], paid_by=None, own_contribution=0)


def test_a_company_sees_a_matched_candidate_only_while_consent_to_share_holds(world, client_for):
    hr = world.user("company_hr")
    assert not Candidate.objects.visible_to(hr).exists()
    given = consent.give_consent(world.user("candidate"), world.candidate_a, ConsentScope.SHARE_WITH_COMPANIES)
    assert list(Candidate.objects.visible_to(hr)) == [world.candidate_a]
    dashboard = client_for(hr).get(reverse("dashboard"))
    assert list(dashboard.context["matched_candidates"]) == [world.candidate_a]
    consent.withdraw_consent(world.user("candidate"), given)
    assert not Candidate.objects.visible_to(hr).exists()
    assert not list(client_for(hr).get(reverse("dashboard")).context["matched_candidates"])


def test_the_declaration_prints_as_a_pdf(world, client_for):
    response = client_for(world.user("company_hr")).get(reverse("declaration_download", args=[world.declaration_a.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_office_corrects_a_draft_until_someone_signs(world, fresh, client_for):
    declaration = agreements.draft_declaration(world.user("coach"), fresh, company=world.company_a, data=TERMS)
    office = client_for(world.user("coach"))
    edit = reverse("declaration_edit", args=[declaration.pk])
    form = {**TERMS, "contract_start": "2027-08-01", "hours_per_week": 32, "training": "Lekdetectie", "version": 0}

    assert office.post(edit, form).status_code == 302
    declaration.refresh_from_db()
    assert (declaration.hours_per_week, declaration.training, declaration.version) == (32, "Lekdetectie", 1)

    # A second tab still holding version 0 does not overwrite the correction.
    stale = office.post(edit, {**form, "hours_per_week": 24})
    assert stale.status_code == 200
    assert "door iemand anders gewijzigd" in stale.content.decode()
    declaration.refresh_from_db()
    assert declaration.hours_per_week == 32

    agreements.sign_declaration(world.user("company_hr"), declaration)
    assert office.post(edit, {**form, "version": 1}).status_code == 302
    declaration.refresh_from_db()
    assert declaration.hours_per_week == 32
    with pytest.raises(AgreementError):
        agreements.update_declaration(world.user("coach"), declaration, data=form, expected_version=1)


def test_nobody_signs_a_text_corrected_after_they_opened_it(world, fresh, client_for):
    declaration = agreements.draft_declaration(world.user("coach"), fresh, company=world.company_a, data=TERMS)
    agreements.update_declaration(
        world.user("coach"), declaration, data={**TERMS, "hours_per_week": 36, "training": ""}, expected_version=0
    )
    company = client_for(world.user("company_hr"))
    sign = reverse("declaration_sign", args=[declaration.pk])

    company.post(sign, {"version": 0})
    declaration.refresh_from_db()
    assert declaration.signed_by_company_at is None
    company.post(sign, {"version": 1})
    declaration.refresh_from_db()
    assert declaration.signed_by_company_at is not None
