"""Erasure of a person (AVG/GDPR right to be forgotten): their personal data is removed from every table while the
figures stay. Special-care records (intake and assessment results) are deleted; in every other row that points at
the person (found as for the right of access) each text that holds one of their names, addresses or numbers has
it replaced; the candidate record and the account keep their place in the figures under a neutral name. The audit
log's own lines keep what happened, and lose only the person's address."""

import json
import re

from django.db import models, transaction
from django.utils import timezone

from mhw.accounts.audit import record_event
from mhw.candidates.models import Candidate
from mhw.web import personal_data

SPECIAL_CARE = frozenset({"candidates.IntakeResult"})
ERASED = "[gewist]"


def _identifying(candidate: Candidate) -> list[str]:
    user = candidate.user
    values = [candidate.first_name, candidate.last_name, candidate.full_name, candidate.email, candidate.phone]
    if user is not None:
        values += [user.email, user.full_name]
    return sorted({v.strip() for v in values if v and len(v.strip()) >= 2}, key=len, reverse=True)


def _scrub(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(ERASED, text)


def _scrub_json(value, pattern: re.Pattern):
    return json.loads(_scrub(json.dumps(value, ensure_ascii=False), pattern)) if value is not None else None


def _anonymise_rows(model, instances, pattern: re.Pattern) -> int:
    changed = 0
    text_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)]
    json_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.JSONField)]
    for instance in instances:
        updates = {}
        for field in text_fields:
            value = field.value_from_object(instance)
            if isinstance(value, str) and pattern.search(value):
                scrubbed = _scrub(value, pattern)
                if isinstance(field, models.EmailField):
                    scrubbed = f"gewist-{model._meta.model_name}-{instance.pk}@example.invalid"
                updates[field.attname] = scrubbed[: field.max_length] if field.max_length else scrubbed
        for field in json_fields:
            value = field.value_from_object(instance)
            if value is not None and pattern.search(json.dumps(value, ensure_ascii=False)):
                updates[field.attname] = _scrub_json(value, pattern)
        if updates:
            # .update(): also rows whose save() refuses changes (the audit log) lose the person's values.
            model._default_manager.filter(pk=instance.pk).update(**updates)
            changed += 1
    return changed


@transaction.atomic
def erase(actor, candidate: Candidate) -> dict[str, int]:
    """Erase the person; returns per model how many rows were deleted or changed (no personal values)."""
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(v)}(?!\w)" for v in _identifying(candidate)), re.IGNORECASE)
    found = personal_data.rows(candidate)
    report = {}
    for model, instances in found.items():
        label = model._meta.label
        if label in SPECIAL_CARE:
            report[label] = model._default_manager.filter(pk__in=[i.pk for i in instances]).delete()[0]
        elif label not in ("candidates.Candidate", "accounts.User"):
            report[label] = _anonymise_rows(model, instances, pattern)
    Candidate.objects.filter(pk=candidate.pk).update(
        first_name="Gewiste", last_name=f"deelnemer {candidate.pk}", email=f"gewist-{candidate.pk}@example.invalid",
        phone="", city="", current_occupation="", background="", motivation="", erased_at=timezone.now(),
    )  # fmt: skip
    if candidate.user_id:
        user = candidate.user
        user.email, user.full_name, user.is_active = (
            f"gewist-account-{user.pk}@example.invalid",
            "Gewiste gebruiker",
            False,
        )
        user.set_unusable_password()
        user.save(update_fields=["email", "full_name", "is_active", "password"])
    record_event(actor, "candidate.erased", candidate, details={"rows": sum(report.values())})
    return report
