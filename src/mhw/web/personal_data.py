"""Everything the platform holds that points at one person (AVG/GDPR right of access): every row of every model that
refers to their candidate record or their account, or carries their e-mail address. Found by walking the models, so
a table added later is included without anyone remembering to. Secrets (password and token hashes, sealed keys)
are left out."""

import json

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q

from mhw.accounts.models import User
from mhw.candidates.models import Candidate

SECRET_FIELDS = frozenset({"password", "key_hash", "token_hash", "sealed_secret", "session_key", "session_data"})


def _matching(model, candidate: Candidate, user: User | None, emails: set[str]) -> Q | None:
    if model is Candidate:
        return Q(pk=candidate.pk)
    if model is User:
        return Q(pk=user.pk) if user else None
    query = None
    for field in model._meta.concrete_fields:
        condition = None
        if isinstance(field, models.ForeignKey) and field.related_model is Candidate:
            condition = Q(**{field.name: candidate})
        elif isinstance(field, models.ForeignKey) and field.related_model is User and user is not None:
            condition = Q(**{field.name: user})
        elif isinstance(field, models.EmailField) and emails:
            condition = Q()
            for email in sorted(emails):  # addresses are compared without regard to case
                condition |= Q(**{f"{field.name}__iexact": email})
        if condition is not None:
            query = condition if query is None else query | condition
    if model._meta.label == "accounts.AuditEvent":
        about = Q(object_type="candidates.candidate", object_id=str(candidate.pk))
        query = about if query is None else query | about
    return query


def _row(instance) -> dict:
    row = {}
    for field in instance._meta.concrete_fields:
        if field.name in SECRET_FIELDS:
            continue
        value = field.value_from_object(instance)
        row[field.name] = value
    for field in instance._meta.many_to_many:
        row[field.name] = [str(related) for related in getattr(instance, field.name).all()]
    return row


def rows(candidate: Candidate) -> dict:
    """Per model, the instances that point at the person."""
    user = candidate.user
    emails = {candidate.email.lower()} | ({user.email.lower()} if user else set())
    result = {}
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
        if not model._meta.managed or model._meta.proxy:
            continue
        query = _matching(model, candidate, user, emails)
        if query is None:
            continue
        instances = list(model._default_manager.filter(query).distinct())
        if instances:
            result[model] = instances
    return result


def collect(candidate: Candidate) -> dict[str, list[dict]]:
    """Per model ("app.Model"), the rows that point at the person, each as field → value."""
    return {model._meta.label: [_row(i) for i in instances] for model, instances in rows(candidate).items()}


def as_json(candidate: Candidate) -> str:
    return json.dumps(collect(candidate), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
