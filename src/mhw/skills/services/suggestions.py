"""Skills suggested from a text: a vacancy for a skills profile, a CV or intake notes for a candidate.

The text is cut into sentences; each sentence is compared by meaning with the catalogue items and ESCO skills (the
semantic index). A skill close enough to a sentence is suggested with the sentence it came from and the level the
sentence's words ask for. An ESCO skill becomes a catalogue suggestion through the catalogue items linked to it;
one without such an item is still shown, so the catalogue's authors see what the catalogue lacks. People decide:
nothing here is saved.
"""

from dataclasses import dataclass

from mhw.skills import embedding
from mhw.skills.level_cues import core_of, level_asked
from mhw.skills.models import EscoSkill, IndexedText, TaxonomyLink, UloItem, UloStatus
from mhw.skills.services import semantic

Source = IndexedText.Source
#: How alike a sentence and a skill must be to suggest it (cosine of the sentence vectors). On the demo catalogue a
#: whole vacancy sentence scores 0.35-0.6 against the items it is about, and mostly below 0.3 against the rest.
MINIMUM_LIKENESS = 0.3
PER_SENTENCE = 3
MAX_SENTENCES = 200


class TextWithoutSkills(ValueError):
    """The text holds no sentence to look for skills in (empty, numbers only, or noise)."""


@dataclass(frozen=True)
class Suggestion:
    item: UloItem | None  # the catalogue item to add; None for an ESCO skill the catalogue has no item for
    esco: EscoSkill | None  # the ESCO skill the match came through, if it did
    sentence: str  # the sentence of the text it came from
    level: int  # the level the sentence asks for (1-5)
    level_words: str  # the words that set the level; empty when it is the default
    likeness: float

    @property
    def percent(self) -> int:
        return round(self.likeness * 100)


def suggest_skills(text: str, *, kinds: tuple[str, ...] = (UloItem.Kind.SKILL, UloItem.Kind.KNOWLEDGE)) -> list:
    """Suggestions for `text`, best first, each catalogue item and each ESCO skill once (with its best sentence)."""
    sentences = embedding.sentences(text)[:MAX_SENTENCES]
    if not sentences:
        raise TextWithoutSkills
    # Each sentence is compared twice: as written, and as its core without "ik heb ruime ervaring met" and the like,
    # which measured closer to the catalogue's wording (0.27 against 0.49 for the right item in one CV sentence).
    cores = [core_of(sentence) for sentence in sentences]
    cores = [core if embedding.has_words(core) else sentence for core, sentence in zip(cores, sentences, strict=True)]
    vectors = embedding.encode(sentences + cores)
    best: dict[tuple[str, int], tuple[float, str]] = {}
    for sentence, vector in zip(sentences * 2, vectors, strict=True):
        for match in semantic.nearest_to(
            vector, limit=PER_SENTENCE, sources=(Source.ITEM, Source.ESCO_SKILL), minimum=MINIMUM_LIKENESS
        ):
            key = (match.source, match.object_id)
            if key not in best or match.score > best[key][0]:
                best[key] = (match.score, sentence)
    return _resolve(best, kinds)


def _resolve(best: dict[tuple[str, int], tuple[float, str]], kinds: tuple[str, ...]) -> list[Suggestion]:
    item_ids = [pk for source, pk in best if source == Source.ITEM]
    esco_ids = [pk for source, pk in best if source == Source.ESCO_SKILL]
    published = UloItem.objects.filter(version__status=UloStatus.PUBLISHED, kind__in=kinds)
    items = published.select_related("version__ulo").in_bulk(item_ids)
    esco = EscoSkill.objects.in_bulk(esco_ids)
    linked: dict[int, list[UloItem]] = {}
    for link in TaxonomyLink.objects.filter(esco_skill_id__in=esco_ids, item__in=published).select_related("item"):
        linked.setdefault(link.esco_skill_id, []).append(link.item)
    suggestions: dict[tuple, Suggestion] = {}
    for (source, pk), (likeness, sentence) in sorted(best.items(), key=lambda entry: -entry[1][0]):
        cue = level_asked(sentence)
        if source == Source.ITEM and pk in items:
            candidates = [(items[pk], None)]
        elif source == Source.ESCO_SKILL and pk in esco:
            candidates = [(item, esco[pk]) for item in linked.get(pk, [])] or [(None, esco[pk])]
        else:
            continue
        for item, concept in candidates:
            key = ("item", item.pk) if item else ("esco", concept.pk)
            if key not in suggestions:
                suggestions[key] = Suggestion(item, concept, sentence, cue.level, cue.words, likeness)
    return list(suggestions.values())
