"""Use cases of step 1: fill in a canvas, collect and rank "How might we …" questions, name the actors."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.accounts.audit import record_event
from mhw.accounts.concurrency import save_versioned
from mhw.metro.models import CANVAS_FIELDS, Actor, Canvas, Question
from mhw.metro.models.canvas import CANVAS_FIELD_LENGTH
from mhw.metro.services.common import MetroError, require_manager


def _clean_content(kind: str, content: dict) -> dict:
    keys = {key for key, _label in CANVAS_FIELDS[kind]}
    cleaned = {key: str(content.get(key, "")).strip() for key in keys}
    if any(len(text) > CANVAS_FIELD_LENGTH for text in cleaned.values()):
        raise MetroError(_("A part of the canvas is longer than %(n)s characters.") % {"n": CANVAS_FIELD_LENGTH})
    return cleaned


@transaction.atomic
def create_canvas(actor, cluster, *, kind: str, title: str) -> Canvas:
    require_manager(actor, cluster)
    canvas = Canvas.objects.create(
        cluster=cluster, kind=kind, title=title, content=_clean_content(kind, {}), updated_by=actor
    )
    record_event(actor, "canvas.created", cluster, details={"canvas": canvas.pk, "kind": kind})
    return canvas


@transaction.atomic
def save_canvas(actor, canvas: Canvas, *, title: str, content: dict, expected_version: int) -> Canvas:
    require_manager(actor, canvas.cluster)
    canvas.title, canvas.content = title, _clean_content(canvas.kind, content)
    canvas.updated_by, canvas.updated_at = actor, timezone.now()
    save_versioned(canvas, ["title", "content", "updated_by_id", "updated_at"], expected_version)
    record_event(actor, "canvas.saved", canvas.cluster, details={"canvas": canvas.pk})
    return canvas


def add_question(actor, cluster, text: str) -> Question:
    require_manager(actor, cluster)
    try:
        with transaction.atomic():
            question = Question.objects.create(cluster=cluster, text=text.strip(), created_by=actor)
            question.voters.add(actor)
    except IntegrityError:
        raise MetroError(_("This question has been asked already.")) from None
    record_event(actor, "cluster.question_added", cluster, details={"question": question.pk})
    return question


@transaction.atomic
def toggle_vote(actor, question: Question) -> bool:
    """Vote for the question, or take the vote back; True when the actor now votes for it."""
    require_manager(actor, question.cluster)
    if question.voters.filter(pk=actor.pk).exists():
        question.voters.remove(actor)
        return False
    question.voters.add(actor)
    return True


@transaction.atomic
def add_actor(actor, cluster, *, name: str, goal: str) -> Actor:
    require_manager(actor, cluster)
    added = Actor.objects.create(cluster=cluster, name=name.strip(), goal=goal.strip())
    record_event(actor, "cluster.actor_added", cluster, details={"actor": added.pk})
    return added
