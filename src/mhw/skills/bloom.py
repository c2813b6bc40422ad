"""Bloom's taxonomy (revised): six cognitive levels with action verbs in Dutch and English.

The verbs are the ones a ULO author chooses from; a statement's verb must belong to the ULO's Bloom level.
Pure data and functions.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class BloomLevel:
    level: int
    name: dict[str, str]
    verbs: dict[str, tuple[str, ...]]


BLOOM_LEVELS: tuple[BloomLevel, ...] = (
    BloomLevel(
        1,
        {"nl": "Onthouden", "en": "Remember"},
        {
            "nl": ("benoemen", "herkennen", "noemen", "opsommen", "definiëren", "aanwijzen", "herinneren"),
            "en": ("name", "recognise", "list", "define", "identify", "recall", "state"),
        },
    ),
    BloomLevel(
        2,
        {"nl": "Begrijpen", "en": "Understand"},
        {
            "nl": ("uitleggen", "beschrijven", "samenvatten", "verklaren", "interpreteren", "toelichten", "herleiden"),
            "en": ("explain", "describe", "summarise", "interpret", "clarify", "classify", "paraphrase"),
        },
    ),
    BloomLevel(
        3,
        {"nl": "Toepassen", "en": "Apply"},
        {
            "nl": (
                "toepassen",
                "uitvoeren",
                "gebruiken",
                "installeren",
                "monteren",
                "aansluiten",
                "berekenen",
                "demonstreren",
                "bedienen",
                "controleren",
                "meten",
            ),
            "en": (
                "apply",
                "carry out",
                "use",
                "install",
                "assemble",
                "connect",
                "calculate",
                "demonstrate",
                "operate",
                "check",
                "measure",
            ),
        },
    ),
    BloomLevel(
        4,
        {"nl": "Analyseren", "en": "Analyse"},
        {
            "nl": ("analyseren", "inschatten", "onderzoeken", "vergelijken", "diagnosticeren", "onderscheiden"),
            "en": ("analyse", "estimate", "investigate", "compare", "diagnose", "distinguish"),
        },
    ),
    BloomLevel(
        5,
        {"nl": "Evalueren", "en": "Evaluate"},
        {
            "nl": ("beoordelen", "bepalen", "adviseren", "toetsen", "keuren", "verantwoorden", "afwegen"),
            "en": ("assess", "determine", "advise", "test", "approve", "justify", "weigh"),
        },
    ),
    BloomLevel(
        6,
        {"nl": "Creëren", "en": "Create"},
        {
            "nl": ("ontwerpen", "ontwikkelen", "plannen", "opstellen", "samenstellen", "organiseren"),
            "en": ("design", "develop", "plan", "draw up", "compose", "organise"),
        },
    ),
)

BLOOM_NUMBERS = tuple(level.level for level in BLOOM_LEVELS)


def bloom_level(number: int) -> BloomLevel:
    for level in BLOOM_LEVELS:
        if level.level == number:
            return level
    raise ValueError(f"Bloom level {number} does not exist; levels are 1 to 6")


def verb_belongs_to_level(verb: str, number: int, language: str) -> bool:
    """Whether `verb` (any case, surrounding spaces ignored) is one of level `number`'s verbs in `language`."""
    return verb.strip().lower() in bloom_level(number).verbs[language]


def levels_of_verb(verb: str, language: str) -> tuple[int, ...]:
    """The Bloom levels whose verb list in `language` holds `verb`."""
    wanted = verb.strip().lower()
    return tuple(level.level for level in BLOOM_LEVELS if wanted in level.verbs[language])
