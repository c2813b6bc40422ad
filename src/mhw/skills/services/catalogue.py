"""Use cases of the skills catalogue: write a ULO, move it through review to publication, and version it.

The life cycle is an explicit state machine (TRANSITIONS): one function per transition, guarded, recorded with actor,
time and remarks. A published version is never edited: `start_new_version` copies it into a new draft.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.accounts.audit import record_event
from mhw.accounts.concurrency import save_versioned
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.skills import statement
from mhw.skills.models import TaxonomyLink, Ulo, UloItem, UloStatus, UloTransition, UloVersion
from mhw.skills.services.codes import next_code

VERSION_FIELDS = [
    "title_nl",
    "title_en",
    "eqf_level",
    "bloom_level",
    *(f"{part}_{language}" for part in statement.PARTS for language in statement.LANGUAGES),
    "tasks",
    "functions",
]
ITEM_FIELDS = [
    f"{name}_{language}"
    for name in ("verb", "object", "preposition", "context", "regulation")
    for language in ("nl", "en")
]


class TransitionError(Exception):
    """A step in the life cycle that is not allowed now; `message` says why, in the user's language."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Transition:
    action: str
    source: str
    target: str
    capability: Capability
    label: str


TRANSITIONS = {
    t.action: t
    for t in (
        Transition("submit", UloStatus.DRAFT, UloStatus.IN_REVIEW, Capability.AUTHOR_OUTCOMES, _("Submit for review")),
        Transition("reject", UloStatus.IN_REVIEW, UloStatus.DRAFT, Capability.REVIEW_OUTCOMES, _("Send back")),
        Transition("validate", UloStatus.IN_REVIEW, UloStatus.VALIDATED, Capability.REVIEW_OUTCOMES, _("Validate")),
        Transition("publish", UloStatus.VALIDATED, UloStatus.PUBLISHED, Capability.REVIEW_OUTCOMES, _("Publish")),
        Transition("retire", UloStatus.PUBLISHED, UloStatus.RETIRED, Capability.REVIEW_OUTCOMES, _("Retire")),
    )
}

STATEMENT_MESSAGES = {
    "empty_part": _("The %(part)s (%(language)s) is empty."),
    "verb_not_in_level": _("The verb “%(detail)s” (%(language)s) does not belong to the chosen Bloom level."),
    "verb_not_observable": _(
        "The verb “%(detail)s” (%(language)s) cannot be observed or measured; choose an action verb."
    ),
}
PART_NAMES = {
    "subject": _("knowledge or skill"),
    "verb": _("action verb"),
    "context": _("context"),
    "conditions": _("conditions"),
    "observable_result": _("observable result"),
}
LANGUAGE_NAMES = {"nl": _("Dutch"), "en": _("English")}


def statement_problems(version: UloVersion) -> list[str]:
    """The statement's problems in words; empty when it is complete and its verbs fit the Bloom level."""
    parts = {language: version.statement_parts(language) for language in statement.LANGUAGES}
    messages = []
    for problem in statement.check(parts, version.bloom_level):
        text = STATEMENT_MESSAGES[problem.code] % {
            "part": PART_NAMES[problem.part],
            "language": LANGUAGE_NAMES[problem.language],
            "detail": problem.detail,
        }
        if problem.suggested_levels:
            levels = ", ".join(str(level) for level in problem.suggested_levels)
            text = f"{text} " + str(_("It belongs to level %(levels)s.") % {"levels": levels})
        messages.append(text)
    return messages


def structure_problems(version: UloVersion) -> list[str]:
    """What the ULO's items lack: exactly one responsibility, at least one skill and one knowledge item."""
    kinds = [item.kind for item in version.items.all()]
    problems = []
    if kinds.count(UloItem.Kind.RESPONSIBILITY) != 1:
        problems.append(_("A ULO has exactly one responsibility."))
    if UloItem.Kind.SKILL not in kinds:
        problems.append(_("A ULO has at least one skill."))
    if UloItem.Kind.KNOWLEDGE not in kinds:
        problems.append(_("A ULO has at least one knowledge item."))
    return [str(p) for p in problems]


def allowed_actions(user, version: UloVersion) -> list[Transition]:
    """The transitions `user` may take on `version` now (guards on content are checked when taken)."""
    return [
        t
        for t in TRANSITIONS.values()
        if t.source == version.status
        and can(user, t.capability, version.ulo.campus_id)
        and not (t.action == "validate" and version.author_id == user.pk)
    ]


def _save_items(version: UloVersion, items: list[dict]) -> None:
    """Replace the version's items by `items`; an item with a known code keeps it, a new one gets the next code."""
    keep = {item["code"] for item in items if item.get("code")}
    version.items.exclude(code__in=keep).delete()
    existing = {item.code: item for item in version.items.all()}
    for position, data in enumerate(items):
        item = existing.get(data.get("code") or "")
        if item is None or item.kind != data["kind"]:
            item = UloItem(version=version, kind=data["kind"], code=next_code(UloItem.PREFIXES[data["kind"]]))
        item.position = position
        for name in ITEM_FIELDS:
            setattr(item, name, data.get(name, "") or "")
        item.save()


@transaction.atomic
def create_ulo(actor, *, campus, data: dict, items: list[dict]) -> UloVersion:
    """A new ULO with its first version as a draft."""
    ulo = Ulo.objects.create(code=next_code("ULO"), campus=campus, created_by=actor)
    version = UloVersion.objects.create(ulo=ulo, number=1, author=actor, **{f: data[f] for f in VERSION_FIELDS})
    _save_items(version, items)
    record_event(actor, "ulo.created", version, campus_id=campus.pk, details={"code": ulo.code})
    return version


@transaction.atomic
def update_draft(actor, version: UloVersion, *, data: dict, items: list[dict], expected_version: int) -> UloVersion:
    """Change a draft's text and items; refused for any other status and for a stale form."""
    version = UloVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != UloStatus.DRAFT:
        raise TransitionError(_("Only a draft can be edited. Start a new version to change a published ULO."))
    for name in VERSION_FIELDS:
        setattr(version, name, data[name])
    version.updated_at = timezone.now()
    save_versioned(version, [*VERSION_FIELDS, "updated_at"], expected_version, counter="row_version")
    _save_items(version, items)
    record_event(actor, "ulo.draft_updated", version, campus_id=version.ulo.campus_id)
    return version


@transaction.atomic
def take_transition(actor, version: UloVersion, action: str, *, remarks: str = "") -> UloVersion:
    """Move `version` one step through its life cycle; TransitionError says why a step is not allowed."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise TransitionError(_("Unknown step."))
    version = UloVersion.objects.select_for_update().select_related("ulo").get(pk=version.pk)
    if version.status != transition.source:
        raise TransitionError(
            _("This step is not possible: the ULO is %(status)s.") % {"status": version.get_status_display()}
        )
    if not can(actor, transition.capability, version.ulo.campus_id):
        raise TransitionError(_("Your role does not allow this step."))
    remarks = remarks.strip()
    if action == "submit":
        problems = statement_problems(version) + structure_problems(version)
        if problems:
            raise TransitionError(" ".join(problems))
    if action == "validate" and version.author_id == actor.pk:
        raise TransitionError(_("An expert other than the author must validate a ULO."))
    if action in ("reject", "retire") and not remarks:
        raise TransitionError(_("Give a reason for this step."))
    now = timezone.now()
    if action == "validate":
        version.validated_by, version.validated_at, version.validation_remarks = actor, now, remarks
    if action == "publish":
        # The previous published version stays, retired, for everything that points at it.
        for old in UloVersion.objects.select_for_update().filter(ulo=version.ulo, status=UloStatus.PUBLISHED):
            _record(old, UloStatus.RETIRED, actor, now, _("Replaced by version %(n)s.") % {"n": version.number})
        version.published_at = now
    if action == "retire":
        version.retired_at = now
    _record(version, transition.target, actor, now, remarks)
    record_event(actor, f"ulo.{action}", version, campus_id=version.ulo.campus_id, reason=remarks)
    return version


def _record(version: UloVersion, target: str, actor, now, remarks) -> None:
    UloTransition.objects.create(
        version=version, from_status=version.status, to_status=target, actor=actor, at=now, remarks=str(remarks)
    )
    version.status = target
    if target == UloStatus.RETIRED and version.retired_at is None:
        version.retired_at = now
    version.row_version += 1
    version.save()


@transaction.atomic
def start_new_version(actor, ulo: Ulo) -> UloVersion:
    """Copy the latest published version into a new draft with the same item codes and links."""
    ulo = Ulo.objects.select_for_update().get(pk=ulo.pk)
    if ulo.versions.filter(status__in=[UloStatus.DRAFT, UloStatus.IN_REVIEW, UloStatus.VALIDATED]).exists():
        raise TransitionError(_("This ULO already has a version in progress."))
    source = ulo.versions.filter(status=UloStatus.PUBLISHED).first()
    if source is None:
        raise TransitionError(_("Only a published ULO can get a new version."))
    if not can(actor, Capability.AUTHOR_OUTCOMES, ulo.campus_id):
        raise TransitionError(_("Your role does not allow this step."))
    draft = UloVersion.objects.create(
        ulo=ulo,
        number=ulo.versions.order_by("-number").first().number + 1,
        author=actor,
        **{name: getattr(source, name) for name in VERSION_FIELDS},
    )
    draft.occupations.set(source.occupations.all())
    for item in source.items.prefetch_related("links"):
        links = list(item.links.all())
        item.pk, item.version = None, draft
        item.save()
        TaxonomyLink.objects.bulk_create(
            TaxonomyLink(
                item=item,
                scheme=link.scheme,
                concept_uri=link.concept_uri,
                preferred_label=link.preferred_label,
                esco_skill_id=link.esco_skill_id,
            )
            for link in links
        )
    record_event(actor, "ulo.new_version", draft, campus_id=ulo.campus_id, details={"number": draft.number})
    return draft


@transaction.atomic
def link_item(actor, item: UloItem, *, scheme: str, concept_uri: str, preferred_label: str, esco_skill=None):
    """Link a draft's item to a concept of ESCO, O*NET or CompetentNL."""
    if item.version.status != UloStatus.DRAFT:
        raise TransitionError(_("Only a draft can be edited. Start a new version to change a published ULO."))
    link, _created = TaxonomyLink.objects.update_or_create(
        item=item,
        scheme=scheme,
        concept_uri=concept_uri,
        defaults={"preferred_label": preferred_label, "esco_skill": esco_skill},
    )
    record_event(actor, "ulo.item_linked", item.version, campus_id=item.version.ulo.campus_id)
    return link


@transaction.atomic
def link_occupation(actor, version: UloVersion, occupation) -> None:
    """Tie a draft ULO to an (imported) ESCO occupation it prepares for."""
    if version.status != UloStatus.DRAFT:
        raise TransitionError(_("Only a draft can be edited. Start a new version to change a published ULO."))
    version.occupations.add(occupation)
    record_event(actor, "ulo.occupation_linked", version, campus_id=version.ulo.campus_id)
