"""A step of the route issues what the campus awards for it: the go decision earns its certificate, once, signed
like any other credential; a no-go earns nothing, and another campus's achievements are never issued."""

import pytest

from mhw.candidates.models import Candidate
from mhw.candidates.services import route
from mhw.credentials import services
from mhw.credentials.models import Achievement, IssuedCredential
from mhw.credentials.sealing import SealBroken


def _certificate(campus, step="go"):
    return Achievement.objects.create(
        campus=campus, kind="Certificate", name_nl="Basisfase", name_en="Foundation phase", description_nl="d",
        description_en="d", criteria_nl="Go na de basismodules.", criteria_en="Go after the basic modules.",
        route_step=step,
    )  # fmt: skip


def _at_go_no_go(world):
    Candidate.objects.filter(pk=world.candidate_a.pk).update(stage="basic_modules_done")
    return Candidate.objects.get(pk=world.candidate_a.pk)


def test_the_go_decision_issues_the_campus_certificate_that_verifies(world):
    certificate, _other_step = _certificate(world.campus_a), _certificate(world.campus_a, "complete_training")
    _certificate(world.campus_b)
    teacher = world.user("teacher")
    route.take_step(teacher, _at_go_no_go(world), "go")
    [credential] = IssuedCredential.objects.filter(candidate=world.candidate_a)
    assert credential.achievement == certificate
    assert credential.issued_by == teacher
    assert services.verify(credential.document).valid
    assert credential.document["evidence"][0]["narrative"].startswith(("Recorded by", "Vastgelegd door"))


def test_a_no_go_issues_nothing(world):
    _certificate(world.campus_a)
    route.take_step(world.user("teacher"), _at_go_no_go(world), "no_go", reason="Onvoldoende voortgang")
    assert not IssuedCredential.objects.exists()


def test_a_credential_already_held_is_not_issued_again(world):
    certificate = _certificate(world.campus_a)
    services.issue(world.user("teacher"), certificate, world.candidate_a)
    route.take_step(world.user("teacher"), _at_go_no_go(world), "go")
    assert IssuedCredential.objects.filter(candidate=world.candidate_a).count() == 1


def test_when_issuing_fails_the_step_is_not_taken_either(world, settings):
    services.active_key(_certificate(world.campus_a))
    settings.CREDENTIAL_KEY = "not-the-passphrase-the-key-was-sealed-with"
    candidate = _at_go_no_go(world)
    with pytest.raises(SealBroken):
        route.take_step(world.user("teacher"), candidate, "go")
    assert Candidate.objects.get(pk=candidate.pk).stage == "basic_modules_done"
    assert not IssuedCredential.objects.exists()
