"""Retention: a rejected candidate is erased four weeks after the decision, or a year after with their consent to be
kept; nobody else, and nobody twice."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from mhw.accounts.models import AuditEvent
from mhw.candidates.models import Candidate
from mhw.candidates.models.consent import ConsentScope
from mhw.candidates.services import consent
from mhw.web import retention
from tests.factories import CandidateFactory

pytestmark = pytest.mark.django_db


def _rejected(world, weeks_ago: float, keep: bool = False, stage: str = "not_selected") -> Candidate:
    candidate = CandidateFactory(campus=world.campus_a, first_name="Bewaard")
    if keep:
        consent.give_consent(world.user("coach"), candidate, ConsentScope.KEEP_AFTER_REJECTION)
    Candidate.objects.filter(pk=candidate.pk).update(
        stage=stage, stage_since=timezone.now() - datetime.timedelta(weeks=weeks_ago)
    )
    return candidate


def test_rejected_candidates_are_erased_when_their_retention_ends(world):
    gone = _rejected(world, 5)
    recent = _rejected(world, 2)
    kept = _rejected(world, 5, keep=True)
    kept_too_long = _rejected(world, 53, keep=True)
    other_stage = _rejected(world, 60, stage="registered")
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert out.getvalue().startswith("2 ")
    erased = set(Candidate.objects.filter(erased_at__isnull=False).values_list("pk", flat=True))
    assert erased == {gone.pk, kept_too_long.pk}
    assert Candidate.objects.get(pk=gone.pk).first_name == "Gewiste"
    assert {recent.pk, kept.pk, other_stage.pk}.isdisjoint(erased)
    assert retention.apply() == 0  # nobody twice
    assert AuditEvent.objects.filter(action="candidate.erased").count() == 2
