"""The learning-outcome statement of a ULO, composed from its parts as in the toolbox template (5.3), and checked.

Dutch: "Aan het einde van dit leertraject is de deelnemer in staat om [kennis/vaardigheid] te [actiewoord] in
[context], met inachtneming van [voorwaarden]." English follows the same parts. Pure module: problems come back as
codes with the part and language they concern; the page layer words them.
"""

from dataclasses import dataclass

from mhw.skills.bloom import levels_of_verb, verb_belongs_to_level

LANGUAGES = ("nl", "en")
PARTS = ("subject", "verb", "context", "conditions", "observable_result")

TEMPLATES = {
    "nl": "Aan het einde van dit leertraject is de deelnemer in staat om {subject} te {verb} in {context}, "
    "met inachtneming van {conditions}.",
    "en": "At the end of this learning path the participant is able to {verb} {subject} in {context}, "
    "taking into account {conditions}.",
}

# Verbs that describe a state of mind, not something an assessor can see or measure.
NOT_OBSERVABLE = {
    "nl": {"weten", "kennen", "begrijpen", "snappen", "inzien", "beseffen", "bekend zijn met", "waarderen"},
    "en": {"know", "understand", "appreciate", "be aware of", "realise", "be familiar with", "grasp"},
}


@dataclass(frozen=True)
class StatementParts:
    """One language's parts of the statement."""

    subject: str
    verb: str
    context: str
    conditions: str
    observable_result: str


@dataclass(frozen=True)
class Problem:
    code: str  # empty_part | verb_not_in_level | verb_not_observable
    language: str
    part: str
    detail: str = ""
    suggested_levels: tuple[int, ...] = ()


def compose(parts: StatementParts, language: str) -> str:
    """The full statement in `language`, with surrounding spaces of each part removed."""
    return TEMPLATES[language].format(
        subject=parts.subject.strip(),
        verb=parts.verb.strip(),
        context=parts.context.strip(),
        conditions=parts.conditions.strip(),
    )


def check(parts_by_language: dict[str, StatementParts], bloom_level: int) -> list[Problem]:
    """Every problem of the statement in each language: empty parts, a verb outside the Bloom level, a verb that
    cannot be observed. An empty list means the statement may go to review."""
    problems: list[Problem] = []
    for language in LANGUAGES:
        parts = parts_by_language[language]
        for name in PARTS:
            if not getattr(parts, name).strip():
                problems.append(Problem("empty_part", language, name))
        verb = parts.verb.strip().lower()
        if not verb:
            continue
        if verb in NOT_OBSERVABLE[language]:
            problems.append(Problem("verb_not_observable", language, "verb", verb))
        elif not verb_belongs_to_level(verb, bloom_level, language):
            problems.append(
                Problem("verb_not_in_level", language, "verb", verb, suggested_levels=levels_of_verb(verb, language))
            )
    return problems
