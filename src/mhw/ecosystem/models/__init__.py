from mhw.ecosystem.models.knowledge import DEFAULT_FUNCTIONS, FunctionFill, KnowledgeFunction, functions_of
from mhw.ecosystem.models.network import (
    Decision,
    NetworkMeeting,
    NetworkMember,
    NetworkQuestion,
    Relation,
    composition,
)

__all__ = [
    "DEFAULT_FUNCTIONS",
    "Decision",
    "FunctionFill",
    "KnowledgeFunction",
    "NetworkMeeting",
    "NetworkMember",
    "NetworkQuestion",
    "Relation",
    "composition",
    "functions_of",
]
