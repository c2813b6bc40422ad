import pytest
from django.db import IntegrityError, transaction

from mhw.accounts.audit import record_event
from mhw.accounts.models import AuditEvent, Membership, Organisation, User
from mhw.accounts.roles import Role
from tests.factories import CampusFactory, OrganisationFactory, UserFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "with_campus", "with_organisation"),
    [
        (Role.COACH, False, False),
        (Role.COACH, True, True),
        (Role.COMPANY_HR, True, False),
        (Role.COMPANY_HR, False, False),
        (Role.NATIONAL_ADMIN, True, False),
    ],
)
def test_a_membership_must_have_the_scope_its_role_needs(role, with_campus, with_organisation):
    campus = CampusFactory()
    organisation = OrganisationFactory(campus=campus)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=UserFactory(),
            role=role,
            campus=campus if with_campus else None,
            organisation=organisation if with_organisation else None,
        )


@pytest.mark.django_db
def test_the_same_national_role_cannot_be_given_twice():
    user = UserFactory()
    Membership.objects.create(user=user, role=Role.NATIONAL_ADMIN)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, role=Role.NATIONAL_ADMIN)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "size_class"),
    [(Organisation.Kind.COMPANY, ""), (Organisation.Kind.EDUCATION_PROVIDER, Organisation.SizeClass.SME)],
)
def test_only_companies_have_a_size_class(kind, size_class):
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(campus=CampusFactory(), name="X", kind=kind, size_class=size_class)


@pytest.mark.django_db
def test_e_mail_addresses_are_stored_in_lower_case():
    user = User.objects.create_user("Anouk.De.Vries@Example.ORG", "secret-secret", full_name="Anouk")
    assert user.email == "anouk.de.vries@example.org"


@pytest.mark.django_db
def test_audit_events_can_be_neither_changed_nor_deleted():
    event = record_event(UserFactory(), "test.happened")
    event.action = "test.rewritten"
    with pytest.raises(RuntimeError):
        event.save()
    with pytest.raises(RuntimeError):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "test.happened"


@pytest.mark.django_db
def test_an_audit_event_takes_the_campus_of_its_object():
    organisation = OrganisationFactory()
    event = record_event(None, "organisation.viewed", organisation)
    assert event.campus_id == organisation.campus_id
    assert event.actor_label == "anonymous"
    assert event.object_type == "accounts.organisation"
    assert event.object_id == str(organisation.pk)
