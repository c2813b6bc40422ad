from mhw.ecosystem.models.community import Community, CommunityStep, CommunityStepRecord
from mhw.ecosystem.models.impact import SkillsImpact
from mhw.ecosystem.models.innovation import Development, DevelopmentSkill, FunctionScore, SystemFunction
from mhw.ecosystem.models.knowledge import DEFAULT_FUNCTIONS, FunctionFill, KnowledgeFunction, functions_of
from mhw.ecosystem.models.network import (
    Decision,
    NetworkMeeting,
    NetworkMember,
    NetworkQuestion,
    Relation,
    composition,
)
from mhw.ecosystem.models.vacancy import Vacancy

__all__ = [
    "DEFAULT_FUNCTIONS",
    "Community",
    "CommunityStep",
    "CommunityStepRecord",
    "Decision",
    "Development",
    "DevelopmentSkill",
    "FunctionFill",
    "FunctionScore",
    "KnowledgeFunction",
    "NetworkMeeting",
    "NetworkMember",
    "NetworkQuestion",
    "Relation",
    "SkillsImpact",
    "SystemFunction",
    "Vacancy",
    "composition",
    "functions_of",
]
