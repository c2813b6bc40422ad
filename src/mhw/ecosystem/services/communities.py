"""Use cases of microlearning communities: start one on a prioritised question or development with its partners,
move its steps along, and share its lessons with the L&D network."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.accounts.audit import record_event
from mhw.ecosystem.models import Community, CommunityStep, CommunityStepRecord
from mhw.ecosystem.services.network import EcosystemError, require_manager


@transaction.atomic
def start(actor, community: Community, partners) -> Community:
    require_manager(actor, community.campus_id)
    priority = community.question or community.development
    if priority is None:
        raise EcosystemError(_("Start a community on a question of the network or a prioritised development."))
    if priority.campus_id != community.campus_id or any(p.campus_id != community.campus_id for p in partners):
        raise EcosystemError(_("Choose a question, development and partners of the campus."))
    if not partners:
        raise EcosystemError(_("A community starts with the partners who share the ambition."))
    community.save()
    community.partners.set(partners)
    CommunityStepRecord.objects.bulk_create(
        CommunityStepRecord(community=community, step=s) for s in CommunityStep.values
    )
    record_event(actor, "community.started", community, details={"community": community.pk})
    return community


@transaction.atomic
def update_step(actor, record: CommunityStepRecord, *, status: str, note: str) -> None:
    require_manager(actor, record.community.campus_id)
    if status not in CommunityStepRecord.Status.values:
        raise EcosystemError(_("Choose one of the statuses."))
    record.status, record.note = status, note
    record.save(update_fields=["status", "note"])
    record_event(actor, "community.step", record.community, details={"step": record.step, "status": status})


@transaction.atomic
def share_lessons(actor, community: Community, lessons: str) -> None:
    """Write down what the community learned and share it with the L&D network (shown on the network's page)."""
    require_manager(actor, community.campus_id)
    if not lessons.strip():
        raise EcosystemError(_("Write down what the community learned."))
    community.lessons, community.shared_at = lessons.strip(), timezone.now()
    community.save(update_fields=["lessons", "shared_at"])
    record_event(actor, "community.lessons_shared", community, details={"community": community.pk})
