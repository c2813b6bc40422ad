from mhw.skills.models.catalogue import CodeCounter, Ulo, UloItem, UloStatus, UloTransition, UloVersion
from mhw.skills.models.frameworks import (
    BlueprintEntry,
    Qualification,
    RegulatedAct,
    Rubric,
    RubricCriterion,
    RubricDescriptor,
    RubricLevel,
)
from mhw.skills.models.mapping import MappingCell, MappingRole, SkillsMapping, Specialism
from mhw.skills.models.profiles import ProfileRequirement, SkillsProfile, SkillsProfileVersion
from mhw.skills.models.semantic import IndexedText, IndexState
from mhw.skills.models.taxonomy import EscoOccupation, EscoRelation, EscoSkill, TaxonomyLink

__all__ = [
    "BlueprintEntry",
    "CodeCounter",
    "EscoOccupation",
    "EscoRelation",
    "EscoSkill",
    "IndexState",
    "IndexedText",
    "MappingCell",
    "MappingRole",
    "ProfileRequirement",
    "Qualification",
    "RegulatedAct",
    "Rubric",
    "RubricCriterion",
    "RubricDescriptor",
    "RubricLevel",
    "SkillsMapping",
    "SkillsProfile",
    "SkillsProfileVersion",
    "Specialism",
    "TaxonomyLink",
    "Ulo",
    "UloItem",
    "UloStatus",
    "UloTransition",
    "UloVersion",
]
