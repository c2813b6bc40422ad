from mhw.ecosystem.models.network import (
    Decision,
    NetworkMeeting,
    NetworkMember,
    NetworkQuestion,
    Relation,
    composition,
)

__all__ = ["Decision", "NetworkMeeting", "NetworkMember", "NetworkQuestion", "Relation", "composition"]
