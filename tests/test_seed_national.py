"""The national-scale demo (`seed_demo --scale national`), here at a small scale: idempotent, and its records are
what the services would make — every candidate's stage is where the route's steps lead, with the facts each step
needs on record."""

import pytest
from django.core.management import call_command

from mhw.accounts.models import Organisation
from mhw.candidates import pipeline
from mhw.candidates.models import Candidate, PipelineEvent
from mhw.candidates.services.route import route_facts
from mhw.demo.seed_national import Scale, seed_national
from mhw.ecosystem.models import Vacancy
from mhw.learning.models import Module

pytestmark = pytest.mark.django_db

SMALL = Scale(candidates=140, companies=35, providers=14, modules=40, vacancies=21)


def _counts():
    return {
        model.__name__: model.objects.count() for model in (Candidate, Organisation, Module, Vacancy, PipelineEvent)
    }


def test_national_scale_adds_plausible_data_once():
    call_command("seed_demo", quiet_logins=True)
    before = _counts()
    seed_national(lambda *progress: None, SMALL)
    after = _counts()
    assert after["Candidate"] - before["Candidate"] == SMALL.candidates
    assert after["Organisation"] - before["Organisation"] == SMALL.companies + SMALL.providers
    assert after["Module"] - before["Module"] == SMALL.modules
    assert after["Vacancy"] - before["Vacancy"] == SMALL.vacancies
    assert not Module.objects.filter(runs__isnull=True).exists()
    seed_national(lambda *progress: None, SMALL)
    assert _counts() == after
    generated = Candidate.objects.filter(email__regex=r"\.\d{5}@")
    assert generated.values("campus").distinct().count() == 7
    for candidate in generated.prefetch_related("pipeline_events"):
        stage, facts = "interested", route_facts(candidate)
        for event in candidate.pipeline_events.all():
            assert event.from_stage == stage
            stage = pipeline.next_stage(stage, event.action, candidate.trajectory, facts, event.reason)
            assert stage == event.to_stage
        assert stage == candidate.stage
