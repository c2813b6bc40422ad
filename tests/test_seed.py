import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from mhw.accounts.models import Campus, Membership, Organisation, User
from mhw.accounts.roles import Role
from mhw.candidates.models import Candidate
from mhw.credentials import services as credentials
from mhw.credentials.models import Achievement, IssuedCredential
from mhw.demo.data import DEMO_PASSWORD
from mhw.demo.seed import demo_logins
from mhw.skills.models import MappingCell, Rubric, SkillsMapping, UloItem, UloStatus, UloVersion

pytestmark = pytest.mark.django_db

MODELS = (
    Campus, Organisation, User, Membership, Candidate, UloVersion, UloItem, SkillsMapping, MappingCell, Rubric,
    Achievement, IssuedCredential,
)  # fmt: skip


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_seed_demo_is_idempotent():
    call_command("seed_demo", quiet_logins=True)
    first = _counts()
    call_command("seed_demo", quiet_logins=True)
    assert _counts() == first
    assert first["Campus"] == 7


def test_the_demo_has_every_role_and_every_kind_of_partner():
    call_command("seed_demo", quiet_logins=True)
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    assert set(Organisation.objects.values_list("kind", flat=True)) == set(Organisation.Kind.values)
    assert set(Organisation.objects.filter(kind="company").values_list("size_class", flat=True)) == {
        "large",
        "sme",
    }


def test_the_demo_holds_the_toolbox_candidates():
    call_command("seed_demo", quiet_logins=True)
    michael = Candidate.objects.get(first_name="Michael")
    sophie = Candidate.objects.get(first_name="Sophie")
    mo = Candidate.objects.get(first_name="Mo")
    assert michael.trajectory == Candidate.Trajectory.LATERAL_ENTRY
    assert sophie.trajectory == Candidate.Trajectory.UPSKILLING
    assert sophie.employer is not None
    assert mo.employer.kind == Organisation.Kind.GOVERNMENT
    assert all(c.user is not None for c in (michael, sophie, mo))


def test_every_printed_demo_login_works(capsys):
    call_command("seed_demo")
    printed = capsys.readouterr().out
    for _role, email in demo_logins():
        assert email in printed
        assert authenticate(username=email, password=DEMO_PASSWORD) is not None


def test_the_demo_catalogue_shows_the_life_cycle_and_a_full_mapping():
    call_command("seed_demo", quiet_logins=True)
    statuses = set(UloVersion.objects.values_list("status", flat=True))
    assert {UloStatus.PUBLISHED, UloStatus.IN_REVIEW, UloStatus.DRAFT} <= statuses
    assert UloVersion.objects.published().count() >= 8
    mapping = SkillsMapping.objects.get(campus__slug="noord")
    assert mapping.roles.count() >= 3
    assert mapping.specialisms.count() >= 10
    assert (
        MappingCell.objects.filter(role__mapping=mapping).count() == mapping.roles.count() * mapping.specialisms.count()
    )
    assert UloItem.objects.filter(links__scheme="esco").exists()


def test_the_demo_credential_verifies_and_proves_catalogue_outcomes():
    call_command("seed_demo", quiet_logins=True)
    credential = IssuedCredential.objects.get(candidate__first_name="Sophie")
    report = credentials.verify(credential.document)
    assert report.valid, report.problems
    outcomes = set(credential.achievement.outcomes.values_list("code", flat=True))
    assert {a.code for a in report.summary.alignments} >= outcomes
    assert credential.achievement.outcomes.count() == 3
