"""Semantic search over the catalogue and ESCO: the index of sentence vectors, kept up to date, and the search.

What is indexed: each published learning outcome (its statement) and each of its items (responsibility, skill,
knowledge), and each ESCO skill and occupation (preferred label), in Dutch and in English where the text exists.
The index lives in the database (`IndexedText`); `refresh_index` encodes only texts that are new or changed and
drops what left the catalogue. A search first checks a cheap stamp of the catalogue and ESCO and refreshes the
index when it changed, so a newly published outcome is found at once. Each process keeps the vectors in memory
and reloads them when the index changed.
"""

import hashlib
import threading
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass

import numpy as np
from django.db import IntegrityError, transaction
from django.db.models import Count, Max

from mhw.skills import embedding
from mhw.skills.models import EscoOccupation, EscoSkill, IndexedText, IndexState, UloItem, UloStatus, UloVersion

Source = IndexedText.Source
Progress = Callable[[str, int, int], None]
BATCH = 256


def _item_texts() -> Iterator[tuple[str, int, str, str]]:
    items = UloItem.objects.filter(version__status=UloStatus.PUBLISHED).order_by("pk")
    for item in items.iterator(chunk_size=2000):
        for language in ("nl", "en"):
            yield Source.ITEM, item.pk, language, item.text_in(language)


def _ulo_texts() -> Iterator[tuple[str, int, str, str]]:
    for version in UloVersion.objects.published().order_by("pk").iterator(chunk_size=500):
        yield Source.ULO, version.pk, "nl", version.statement_nl
        yield Source.ULO, version.pk, "en", version.statement_en


def _esco_texts(model, source: str) -> Iterator[tuple[str, int, str, str]]:
    for pk, label_nl, label_en in model.objects.order_by("pk").values_list("pk", "label_nl", "label_en").iterator():
        yield source, pk, "nl", label_nl
        yield source, pk, "en", label_en


def wanted_texts() -> dict[tuple[str, int, str], str]:
    """Every text the index should hold, by (source, object id, language)."""
    texts = {}
    for generator in (
        _ulo_texts(),
        _item_texts(),
        _esco_texts(EscoSkill, Source.ESCO_SKILL),
        _esco_texts(EscoOccupation, Source.ESCO_OCCUPATION),
    ):
        for source, pk, language, text in generator:
            text = embedding.clean(text)
            if embedding.has_words(text):
                texts[(source, pk, language)] = text
    return texts


def catalogue_stamp() -> str:
    """Changes whenever something the index holds may have changed (a few aggregate queries)."""
    published = UloVersion.objects.filter(status=UloStatus.PUBLISHED).aggregate(
        n=Count("pk"), last=Max("published_at"), edited=Max("updated_at"), top=Max("pk")
    )
    skills = EscoSkill.objects.aggregate(n=Count("pk"), top=Max("pk"))
    occupations = EscoOccupation.objects.aggregate(n=Count("pk"), top=Max("pk"))
    parts = [*published.values(), *skills.values(), *occupations.values()]
    return "|".join(str(part) for part in parts)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class RefreshReport:
    encoded: int
    removed: int
    kept: int


@transaction.atomic
def refresh_index(progress: Progress | None = None) -> RefreshReport:
    """Bring the stored index up to date with the catalogue and ESCO, encoding only what is new or changed."""
    stamp = catalogue_stamp()
    wanted = wanted_texts()
    stored = {
        (source, object_id, language): (pk, digest)
        for pk, source, object_id, language, digest in IndexedText.objects.values_list(
            "pk", "source", "object_id", "language", "digest"
        )
    }
    gone = [pk for key, (pk, _digest_) in stored.items() if key not in wanted]
    todo = [(key, text) for key, text in wanted.items() if stored.get(key, (None, None))[1] != _digest(text)]
    IndexedText.objects.filter(pk__in=gone).delete()
    IndexedText.objects.filter(pk__in=[stored[key][0] for key, _text in todo if key in stored]).delete()
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        vectors = embedding.encode([text for _key, text in batch])
        IndexedText.objects.bulk_create(
            IndexedText(
                source=source, object_id=object_id, language=language, text=text, digest=_digest(text),
                vector=vector.tobytes(),
            )
            for ((source, object_id, language), text), vector in zip(batch, vectors, strict=True)
        )  # fmt: skip
        if progress:
            progress("encoding", start + len(batch), len(todo))
    IndexState.objects.update_or_create(pk=1, defaults={"stamp": stamp})
    return RefreshReport(encoded=len(todo), removed=len(gone), kept=len(wanted) - len(todo))


@dataclass(frozen=True)
class LoadedIndex:
    stamp: str
    keys: list[tuple[str, int]]  # (source, object id) per row
    matrix: np.ndarray  # unit vectors, one row per indexed text
    rows_by_source: dict[str, np.ndarray]

    @classmethod
    def from_rows(cls, stamp: str, rows: list[tuple[str, int, bytes]]) -> "LoadedIndex":
        matrix = np.frombuffer(b"".join(bytes(row[2]) for row in rows), dtype=np.float32)
        sources = np.array([row[0] for row in rows], dtype=object)
        return cls(
            stamp=stamp,
            keys=[(row[0], row[1]) for row in rows],
            matrix=matrix.reshape(len(rows), embedding.DIMENSIONS),
            rows_by_source={source: np.flatnonzero(sources == source) for source in Source.values},
        )


_loaded: LoadedIndex | None = None
_loaded_lock = threading.Lock()


def _current_index() -> LoadedIndex:
    """The index in memory, brought up to date first when the catalogue or ESCO changed since."""
    global _loaded
    stamp = catalogue_stamp()
    state = IndexState.objects.filter(pk=1).values_list("stamp", flat=True).first()
    if state != stamp:
        with suppress(IntegrityError):  # another process brought the index up to date at the same moment
            refresh_index()
    with _loaded_lock:
        if _loaded is None or _loaded.stamp != stamp:
            rows = list(IndexedText.objects.order_by("pk").values_list("source", "object_id", "vector"))
            _loaded = LoadedIndex.from_rows(stamp, rows)
        return _loaded


@dataclass(frozen=True)
class Match:
    source: str
    object_id: int
    score: float


def search(query: str, *, limit: int = 10, sources: tuple[str, ...] = (), minimum: float = 0.3) -> list[Match]:
    """The catalogue and ESCO entries closest in meaning to `query`, best first, each once (its best language).
    An empty query or one without words finds nothing."""
    text = embedding.clean(query)
    if not embedding.has_words(text):
        return []
    return nearest_to(embedding.encode([text])[0], limit=limit, sources=sources, minimum=minimum)


def nearest_to(vector: np.ndarray, *, limit: int, sources: tuple[str, ...] = (), minimum: float = 0.3) -> list[Match]:
    index = _current_index()
    rows = np.concatenate([index.rows_by_source[source] for source in sources or Source.values])
    # Each entry holds up to two rows (Dutch and English): twice `limit` rows always fill `limit` distinct entries.
    hits = embedding.best_of(index.matrix @ vector, rows, k=limit * 2, minimum=minimum)
    matches: dict[tuple[str, int], Match] = {}
    for hit in hits:
        source, object_id = index.keys[hit.row]
        if (source, object_id) not in matches:
            matches[(source, object_id)] = Match(source, object_id, hit.score)
        if len(matches) == limit:
            break
    return list(matches.values())


#: Above this likeness two catalogue texts are probably the same outcome or item written twice (cosine of the
#: sentence vectors). On the demo catalogue a rewording or a translation of an item scores 0.73-0.75 against it, and
#: related but different items 0.5-0.6.
DUPLICATE_LIKENESS = 0.65


@dataclass(frozen=True)
class LikelyDuplicate:
    first: Match
    second: Match

    @property
    def score(self) -> float:
        return self.first.score


def duplicate_pairs(*, minimum: float = DUPLICATE_LIKENESS, limit: int = 200) -> list[LikelyDuplicate]:
    """Pairs of published outcomes or items that say nearly the same, most alike first (each pair once, in its most
    alike languages). Computed in blocks of rows, so memory stays small for a catalogue of any size."""
    index = _current_index()
    rows = np.concatenate([index.rows_by_source[Source.ULO], index.rows_by_source[Source.ITEM]])
    vectors = index.matrix[rows]
    best: dict[tuple, float] = {}
    for start in range(0, len(rows), 1024):
        block = vectors[start : start + 1024] @ vectors.T
        for i, j in zip(*np.nonzero(block >= minimum), strict=True):
            first, second = index.keys[rows[start + i]], index.keys[rows[j]]
            if first >= second:
                continue  # the pair once, and not an entry with itself in the other language
            best[(first, second)] = max(best.get((first, second), -1.0), float(block[i, j]))
    pairs = sorted(best.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]
    return [LikelyDuplicate(Match(*first, score), Match(*second, score)) for (first, second), score in pairs]


def similar_entries(texts: list[str], *, minimum: float = DUPLICATE_LIKENESS, limit: int = 8) -> list[Match]:
    """Published outcomes and items that say nearly what one of `texts` says (a new outcome being written)."""
    texts = [embedding.clean(text) for text in texts]
    texts = [text for text in texts if embedding.has_words(text)]
    if not texts:
        return []
    found: dict[tuple[str, int], Match] = {}
    for vector in embedding.encode(texts):
        for match in nearest_to(vector, limit=limit, sources=(Source.ULO, Source.ITEM), minimum=minimum):
            key = (match.source, match.object_id)
            if key not in found or match.score > found[key].score:
                found[key] = match
    return sorted(found.values(), key=lambda match: -match.score)[:limit]
