"""The skill level a sentence asks for, from the words it uses (toolbox table 2: 1 basic knowledge, 2 basic skilled,
3 competent, 4 experienced, 5 expert). Pure module.

A vacancy or a CV says how well something must be mastered in words such as "basiskennis van", "zelfstandig",
"ruime ervaring" or "expert". The strongest cue in the sentence wins; without a cue the suggestion is level 3, the
level of someone who carries out the task on their own. The account manager or coach always checks the level.
"""

import re
from dataclasses import dataclass

DEFAULT_LEVEL = 3

#: (level, pattern) per cue, Dutch and English; matched on whole words, case-insensitively.
CUES: tuple[tuple[int, str], ...] = (
    (1, r"basiskennis|kennismaking|interesse in|affiniteit met|basic knowledge|awareness of|interest in"),
    (
        2,
        r"enige ervaring|bekend met|onder begeleiding|onder toezicht|basisvaardig|some experience|familiar with|"
        r"under supervision|with guidance",
    ),
    (
        3,
        r"zelfstandig|ervaring met|ervaren in|vakbekwaam|independently|experience (?:with|in)|competent|"
        r"hands-on",
    ),
    (
        4,
        r"ruime ervaring|jarenlange ervaring|senior|gevorderd|coördineert|coördineren|verantwoordelijk voor|"
        r"leidinggev\w*|begeleiden van|extensive experience|years of experience|advanced|responsible for|leads?|"
        r"coordinat\w*",
    ),
    (
        5,
        r"expert|specialist|autoriteit|opleiden van anderen|anderen opleiden|vernieuwen|trainer|authority|"
        r"teach(?:es|ing)? others|train(?:s|ing)? others",
    ),
)
_COMPILED = tuple((level, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for level, pattern in CUES)


@dataclass(frozen=True)
class LevelCue:
    level: int
    words: str  # the words in the sentence that set the level; empty for the default


def level_asked(sentence: str) -> LevelCue:
    """Of cues that overlap, the one that starts first counts: the qualifier comes before what it qualifies
    ("some experience with" asks level 2, "ruime ervaring met" level 4). Of the cues left, the highest level wins."""
    found = sorted(
        ((match.start(), -len(match.group(0)), level, match)
         for level, pattern in _COMPILED for match in pattern.finditer(sentence)),
        key=lambda cue: cue[:2],
    )  # fmt: skip
    kept, end = [], -1
    for start, _length, level, match in found:
        if start >= end:
            kept.append((level, match.group(0)))
            end = match.end()
    if not kept:
        return LevelCue(DEFAULT_LEVEL, "")
    level, words = max(kept, key=lambda cue: cue[0])
    return LevelCue(level, words)


_FRAMING = re.compile(
    r"\b(?:ik|je|jij|u|wij|we|heb|hebt|heeft|ben|bent|beschik|beschikt|i|you|have|has|am|are)\b", re.IGNORECASE
)


def core_of(sentence: str) -> str:
    """The sentence without who says it and how well: "Ik heb ruime ervaring met het meten van lekkages" becomes "met
    het meten van lekkages". What is left is what the skill is about, which compares better with a catalogue item
    (the level is read from the words taken out)."""
    for _level, pattern in reversed(_COMPILED):  # the stronger cues first: "ruime ervaring" before "ervaring met"
        sentence = pattern.sub(" ", sentence)
    return " ".join(_FRAMING.sub(" ", sentence).split()).strip(" .,;:!?")
