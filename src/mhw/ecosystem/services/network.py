"""Use cases of the L&D network: members join and leave, questions are taken up and answered, meetings record their
decisions. Each checks that the actor manages the campus's partners, and is audited."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mhw.accounts.audit import record_event
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.ecosystem.models import Decision, NetworkMeeting, NetworkMember, NetworkQuestion, Relation


class EcosystemError(ValueError):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def require_manager(actor, campus_id: int) -> None:
    if not can(actor, Capability.MANAGE_PARTNERS, campus_id):
        raise EcosystemError(_("Your role does not allow changing the campus's network."))


@transaction.atomic
def add_member(actor, member: NetworkMember) -> NetworkMember:
    require_manager(actor, member.campus_id)
    if member.organisation_id and member.organisation.campus_id != member.campus_id:
        raise EcosystemError(_("Choose an organisation of the campus."))
    member.save()
    record_event(actor, "network.member_added", member, details={"member": member.pk})
    return member


@transaction.atomic
def remove_member(actor, member: NetworkMember) -> None:
    require_manager(actor, member.campus_id)
    record_event(actor, "network.member_removed", member, details={"member": member.pk})
    member.delete()


@transaction.atomic
def add_question(actor, question: NetworkQuestion) -> NetworkQuestion:
    require_manager(actor, question.campus_id)
    question.save()
    record_event(actor, "network.question_added", question, details={"question": question.pk})
    return question


@transaction.atomic
def set_question_status(actor, question: NetworkQuestion, status: str) -> None:
    require_manager(actor, question.campus_id)
    if status not in NetworkQuestion.Status.values:
        raise EcosystemError(_("Choose one of the statuses."))
    question.status = status
    question.save(update_fields=["status"])
    record_event(actor, "network.question_status", question, details={"question": question.pk, "status": status})


@transaction.atomic
def record_meeting(actor, meeting: NetworkMeeting, decisions: list[dict]) -> NetworkMeeting:
    """A meeting and the decisions it took (each a text, who acts on it, and the question it is about, if any)."""
    require_manager(actor, meeting.campus_id)
    meeting.save()
    for decision in decisions:
        question = decision.get("question")
        if question is not None and question.campus_id != meeting.campus_id:
            raise EcosystemError(_("A decision can only be about a question of the campus's network."))
        Decision.objects.create(
            meeting=meeting, text=decision["text"], owner=decision.get("owner", ""), question=question
        )
    record_event(
        actor, "network.meeting_recorded", meeting, details={"meeting": meeting.pk, "decisions": len(decisions)}
    )
    return meeting


@transaction.atomic
def add_relation(actor, relation: Relation) -> Relation:
    require_manager(actor, relation.campus_id)
    if relation.source_id == relation.target_id:
        raise EcosystemError(_("A relation is between two different players."))
    if {relation.source.campus_id, relation.target.campus_id} != {relation.campus_id}:
        raise EcosystemError(_("Choose players of the campus."))
    if Relation.objects.filter(source=relation.source, target=relation.target, kind=relation.kind).exists():
        raise EcosystemError(_("This relation is on the map already."))
    relation.save()
    record_event(actor, "ecosystem.relation_added", relation, details={"relation": relation.pk})
    return relation


@transaction.atomic
def remove_relation(actor, relation: Relation) -> None:
    require_manager(actor, relation.campus_id)
    record_event(actor, "ecosystem.relation_removed", relation, details={"relation": relation.pk})
    relation.delete()
