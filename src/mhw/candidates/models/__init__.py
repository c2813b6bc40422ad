from mhw.candidates.models.candidate import Candidate, CandidateQuerySet
from mhw.candidates.models.consent import Consent, ConsentText
from mhw.candidates.models.route import (
    CandidateSkill,
    DeclarationOfIntent,
    EmploymentContract,
    Enrolment,
    IntakeResult,
    PipelineEvent,
)

__all__ = [
    "Candidate",
    "CandidateQuerySet",
    "CandidateSkill",
    "Consent",
    "ConsentText",
    "DeclarationOfIntent",
    "EmploymentContract",
    "Enrolment",
    "IntakeResult",
    "PipelineEvent",
]
