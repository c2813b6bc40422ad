from mhw.metro.models.canvas import CANVAS_FIELDS, Actor, Canvas, CanvasKind, Question
from mhw.metro.models.cluster import Cluster, ClusterQuerySet, CoreTeamMember, CycleRound, CycleStep, CycleStepRecord
from mhw.metro.models.lines import LineStop, MetroLine, Phase, Station, WorkForm
from mhw.metro.models.planner import (
    LineCompletion,
    LineEvaluation,
    Referral,
    Reflection,
    Registration,
    StationSession,
)

__all__ = [
    "CANVAS_FIELDS",
    "Actor",
    "Canvas",
    "CanvasKind",
    "Cluster",
    "ClusterQuerySet",
    "CoreTeamMember",
    "CycleRound",
    "CycleStep",
    "CycleStepRecord",
    "LineCompletion",
    "LineEvaluation",
    "LineStop",
    "MetroLine",
    "Phase",
    "Question",
    "Referral",
    "Reflection",
    "Registration",
    "Station",
    "StationSession",
    "WorkForm",
]
