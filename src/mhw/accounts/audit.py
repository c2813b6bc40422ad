"""Writing the audit log. Services call `record_event` inside their transaction, so the line and the change it
describes are committed together or not at all."""

from django.db import models

from mhw.accounts.models import AuditEvent


def record_event(
    actor,
    action: str,
    obj: models.Model | None = None,
    *,
    campus_id: int | None = None,
    reason: str = "",
    details: dict | None = None,
) -> AuditEvent:
    """Append one event: who (`actor`, may be anonymous), did what (`action`, e.g. ``candidate.viewed``), to what.

    `details` holds field names and ids, never personal values.
    """
    authenticated = actor is not None and actor.is_authenticated
    if campus_id is None and obj is not None:
        campus_id = getattr(obj, "campus_id", None)
    return AuditEvent.objects.create(
        actor=actor if authenticated else None,
        actor_label=actor.email if authenticated else "anonymous",
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        campus_id=campus_id,
        reason=reason[:500],
        details=details or {},
    )
