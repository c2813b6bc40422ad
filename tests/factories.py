"""Factories for every model, so a test states only what matters to it."""

import factory

from mhw.accounts.models import Campus, Membership, Organisation, User
from mhw.accounts.roles import Role
from mhw.candidates.models import Candidate
from mhw.learning.models import Module

TEST_PASSWORD = "test-password-123"


class CampusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campus

    name = factory.Sequence(lambda n: f"Campus {n}")
    slug = factory.Sequence(lambda n: f"campus-{n}")
    region = "Testregio"
    city = "Teststad"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    campus = factory.SubFactory(CampusFactory)
    name = factory.Sequence(lambda n: f"Bedrijf {n} B.V.")
    kind = Organisation.Kind.COMPANY
    size_class = factory.LazyAttribute(lambda o: Organisation.SizeClass.SME if o.kind == "company" else "")


class ModuleFactory(factory.django.DjangoModelFactory):
    """An offered module of an education provider (at a campus of its own unless one is given)."""

    class Meta:
        model = Module

    provider = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.EDUCATION_PROVIDER)
    code = factory.Sequence(lambda n: f"M-{n}")
    title_nl = factory.Sequence(lambda n: f"Module {n}")
    title_en = factory.Sequence(lambda n: f"Module {n}")
    hours = 8
    duration_weeks = 1
    format = Module.Format.CLASSROOM
    cost = 100
    language = "nl"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.COACH
    campus = factory.SubFactory(CampusFactory)
    organisation = None


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    campus = factory.SubFactory(CampusFactory)
    first_name = "Michael"
    last_name = factory.Sequence(lambda n: f"Zwart{n}")
    email = factory.Sequence(lambda n: f"kandidaat{n}@example.org")
    current_occupation = "Scheepswerktuigkundige"


def staff(role: str, campus: Campus, **user_fields) -> User:
    """A user holding `role` at `campus`."""
    user = UserFactory(**user_fields)
    Membership.objects.create(user=user, role=role, campus=campus)
    return user


def organisation_user(role: str, organisation: Organisation) -> User:
    user = UserFactory()
    Membership.objects.create(user=user, role=role, organisation=organisation)
    return user


def national_admin() -> User:
    user = UserFactory()
    Membership.objects.create(user=user, role=Role.NATIONAL_ADMIN)
    return user
