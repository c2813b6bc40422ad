"""Use cases of skills profiles: make one for a role or vacancy, and revise it into a new version."""

from django.db import transaction

from mhw.accounts.audit import record_event
from mhw.accounts.concurrency import ConcurrentEditError
from mhw.skills.gap import Requirement
from mhw.skills.models import ProfileRequirement, SkillsProfile, SkillsProfileVersion


def _add_version(actor, profile, number: int, *, vacancy_text: str, note: str, requirements: list[dict]):
    version = SkillsProfileVersion.objects.create(
        profile=profile, number=number, vacancy_text=vacancy_text, note=note, created_by=actor
    )
    ProfileRequirement.objects.bulk_create(
        ProfileRequirement(
            version=version,
            item=row.get("item"),
            specialism=row.get("specialism"),
            level=row["level"],
            weight=row["weight"],
            source_sentence=row.get("source_sentence", ""),
        )
        for row in requirements
    )
    return version


@transaction.atomic
def create_profile(actor, *, campus, organisation, title_nl, title_en, vacancy_text, requirements):
    """A new skills profile with its first version."""
    profile = SkillsProfile.objects.create(
        campus=campus, organisation=organisation, title_nl=title_nl, title_en=title_en or title_nl
    )
    _add_version(actor, profile, 1, vacancy_text=vacancy_text, note="", requirements=requirements)
    record_event(actor, "skills_profile.created", profile)
    return profile


@transaction.atomic
def revise_profile(actor, profile, *, based_on: int, vacancy_text: str, note: str, requirements: list[dict]):
    """Save the changed requirements as a new version; refused if someone saved a version after `based_on`."""
    profile = SkillsProfile.objects.select_for_update().get(pk=profile.pk)
    latest = profile.versions.order_by("-number").first()
    if latest.number != based_on:
        raise ConcurrentEditError()
    version = _add_version(
        actor, profile, latest.number + 1, vacancy_text=vacancy_text, note=note, requirements=requirements
    )
    record_event(actor, "skills_profile.revised", profile, details={"version": version.number})
    return version


def requirements_for_gap(version: SkillsProfileVersion) -> dict[str, Requirement]:
    """The version's requirements keyed for the gap module."""
    return {
        req.skill_key: Requirement(req.level, float(req.weight))
        for req in version.requirements.select_related("item", "specialism")
    }
