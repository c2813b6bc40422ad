"""Retention rules (AVG/GDPR storage limitation): a candidate who was not selected is erased four weeks after the
decision, or a year after it when they consented to be kept for a next round. `manage.py apply_retention` runs them
(daily, from a scheduler); it erases each person once and says how many."""

import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone

from mhw.candidates.models import Candidate, Consent
from mhw.candidates.models.consent import ConsentScope
from mhw.web import erasure

REJECTED_STAGE = "not_selected"
WITHOUT_CONSENT = datetime.timedelta(weeks=4)
WITH_CONSENT = datetime.timedelta(days=365)


def due(now: datetime.datetime | None = None):
    """The rejected candidates whose retention period has ended, not erased yet."""
    now = now or timezone.now()
    keep = Consent.objects.filter(
        candidate=OuterRef("pk"), text__scope=ConsentScope.KEEP_AFTER_REJECTION, withdrawn_at__isnull=True
    )
    rejected = Candidate.objects.filter(stage=REJECTED_STAGE, erased_at__isnull=True).annotate(kept=Exists(keep))
    return rejected.filter(kept=False, stage_since__lte=now - WITHOUT_CONSENT) | rejected.filter(
        kept=True, stage_since__lte=now - WITH_CONSENT
    )


def apply(now: datetime.datetime | None = None) -> int:
    erased = 0
    for candidate in due(now).select_related("user"):
        erasure.erase(None, candidate)
        erased += 1
    return erased
