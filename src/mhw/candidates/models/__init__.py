from mhw.candidates.models.candidate import Candidate, CandidateQuerySet
from mhw.candidates.models.consent import Consent, ConsentText
from mhw.candidates.models.route import (
    CandidateSkill,
    CoachingSession,
    DeclarationOfIntent,
    EmploymentContract,
    Enrolment,
    Evaluation,
    IntakeResult,
    PipelineEvent,
)

__all__ = [
    "Candidate",
    "CandidateQuerySet",
    "CandidateSkill",
    "CoachingSession",
    "Consent",
    "ConsentText",
    "DeclarationOfIntent",
    "EmploymentContract",
    "Enrolment",
    "Evaluation",
    "IntakeResult",
    "PipelineEvent",
]
