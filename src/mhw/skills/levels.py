"""Skill levels 1–5 exactly as the toolbox's table 2, in Dutch and English.

The skill level is independent of EQF/NLQF education levels (toolbox 5.1): it says how well a task is mastered.
Pure data; the page layer picks the language.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SkillLevel:
    level: int
    name: dict[str, str]
    knowledge_and_experience: dict[str, str]
    task: dict[str, str]
    person: dict[str, str]


SKILL_LEVELS: tuple[SkillLevel, ...] = (
    SkillLevel(
        1,
        {"nl": "Basiskennis", "en": "Basic knowledge"},
        {"nl": "Basiskennis", "en": "Basic knowledge"},
        {"nl": "Eenvoud, routine, herhaling", "en": "Simple, routine, repetitive"},
        {"nl": "Gesprekspartner, geïnteresseerde, leerling", "en": "Conversation partner, interested person, learner"},
    ),
    SkillLevel(
        2,
        {"nl": "Basisvaardig", "en": "Basic skilled"},
        {"nl": "Basisvaardig", "en": "Basic skilled"},
        {
            "nl": "Routine, juiste standaarden en werkwijzen toepassen",
            "en": "Routine, applying the right standards and methods",
        },
        {
            "nl": "Beginnend professional/vakman, werkt onder begeleiding",
            "en": "Starting professional or craftsperson, works under supervision",
        },
    ),
    SkillLevel(
        3,
        {"nl": "Competent", "en": "Competent"},
        {"nl": "Competent", "en": "Competent"},
        {
            "nl": "Minder routine, ervaring vereist, probleemanalyse en oplossing",
            "en": "Less routine, experience required, analysing and solving problems",
        },
        {
            "nl": "Ervaren professional/vakman, werkt zelfstandig, vakbekwaam",
            "en": "Experienced professional or craftsperson, works independently, qualified",
        },
    ),
    SkillLevel(
        4,
        {"nl": "Ervaren", "en": "Experienced"},
        {"nl": "Ervaren", "en": "Experienced"},
        {
            "nl": "Complex, niet standaard, vereist inzicht, ervaring en afwegingsvaardigheden",
            "en": "Complex, non-standard, requires insight, experience and judgement",
        },
        {
            "nl": "Koploper, beoordelaar, meesterschap, servicespecialist",
            "en": "Front-runner, assessor, master, service specialist",
        },
    ),
    SkillLevel(
        5,
        {"nl": "Expert", "en": "Expert"},
        {"nl": "Expert", "en": "Expert"},
        {
            "nl": "Integratie van kennis en vaardigheden uit meerdere domeinen, innovatief en nog niet eerder gedaan, "
            "nieuwe oplossingen",
            "en": "Integrating knowledge and skills of several domains, innovative and not done before, new solutions",
        },
        {"nl": "Expert, vernieuwer, instructeur", "en": "Expert, innovator, instructor"},
    ),
)

LEVEL_NUMBERS = tuple(level.level for level in SKILL_LEVELS)


def skill_level(number: int) -> SkillLevel:
    """The level with this number (1–5); ValueError for any other number."""
    for level in SKILL_LEVELS:
        if level.level == number:
            return level
    raise ValueError(f"skill level {number} does not exist; levels are 1 to 5")
