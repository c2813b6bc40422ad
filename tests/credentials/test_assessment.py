"""A teacher assesses by an achievement's rubric: a pass issues the credential with the scores as evidence."""

import pytest
from django.urls import reverse

from mhw.credentials import assessment, services
from mhw.credentials.models import IssuedCredential, RubricAssessment
from mhw.skills.models import Rubric, RubricCriterion, RubricLevel

pytestmark = pytest.mark.django_db


@pytest.fixture
def rubric_badge(world, achievement):
    rubric = Rubric.objects.create(ulo_version=world.skills.published, title_nl="Lektest", title_en="Leak test")
    levels = [RubricLevel.objects.create(rubric=rubric, position=i, name_nl=n, name_en=n, score=i + 1)
              for i, n in enumerate(["Onvoldoende", "Vakbekwaam", "Voorbeeldig"])]  # fmt: skip
    for i, text in enumerate(["Voorbereiding", "Uitvoering"]):
        RubricCriterion.objects.create(rubric=rubric, position=i, text_nl=text, text_en=text)
    achievement.rubric, achievement.rubric_pass_level = rubric, levels[1]
    achievement.save()
    return achievement


def _form(badge, *level_names):
    levels = {level.name_nl: level.pk for level in badge.rubric.levels.all()}
    return {f"criterion-{c.pk}": levels[n] for c, n in zip(badge.rubric.criteria.all(), level_names, strict=False)}


def test_a_pass_issues_the_credential_and_a_fail_does_not(world, rubric_badge, client_for):
    teacher = client_for(world.user("teacher"))
    url = reverse("rubric_assessment", args=[world.candidate_a.pk]) + f"?achievement={rubric_badge.pk}"
    assert "Voorbereiding" in teacher.get(url).content.decode()

    teacher.post(url, _form(rubric_badge, "Vakbekwaam", "Onvoldoende"))
    assert RubricAssessment.objects.get().passed is False
    assert not IssuedCredential.objects.exists()

    teacher.post(url, _form(rubric_badge, "Voorbeeldig", "Vakbekwaam"))
    passed = RubricAssessment.objects.filter(passed=True).get()
    evidence = passed.credential.document["evidence"][0]
    assert evidence["narrative"] == "Voorbereiding: Voorbeeldig; Uitvoering: Vakbekwaam"
    assert services.verify(passed.credential.document).valid


def test_an_incomplete_assessment_is_refused_and_changes_nothing(world, rubric_badge, client_for):
    url = reverse("rubric_assessment", args=[world.candidate_a.pk]) + f"?achievement={rubric_badge.pk}"
    response = client_for(world.user("teacher")).post(url, _form(rubric_badge, "Voorbeeldig"))
    assert response.status_code == 422
    assert "Geef elk criterium" in response.content.decode()
    assert not RubricAssessment.objects.exists()


def test_only_who_records_training_assesses(world, rubric_badge):
    scores = dict.fromkeys(rubric_badge.rubric.criteria.all(), rubric_badge.rubric_pass_level)
    with pytest.raises(services.CredentialError):
        assessment.assess(world.user("candidate_account_manager"), rubric_badge, world.candidate_a, scores=scores)
    other = Rubric.objects.create(ulo_version=world.skills.published, title_nl="Ander", title_en="Other")
    stranger = RubricLevel.objects.create(rubric=other, position=0, name_nl="x", name_en="x", score=9)
    with pytest.raises(services.CredentialError):
        assessment.assess(world.user("teacher"), rubric_badge, world.candidate_a,
                          scores=dict.fromkeys(rubric_badge.rubric.criteria.all(), stranger))  # fmt: skip
    assert not RubricAssessment.objects.exists()
