"""Semantic search: Dutch and English queries find catalogue items and ESCO entries by meaning, across the two
languages; the index encodes only what changed; empty or garbage queries find nothing and break nothing."""

import numpy as np
import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mhw.skills import embedding
from mhw.skills.models import EscoSkill, IndexedText
from mhw.skills.services import catalogue, semantic

ESCO = [
    ("leaks", "check hydrogen pipelines for leaks", ""),
    ("welding", "weld steel pipes", "stalen buizen lassen"),
    ("forklift", "operate a forklift", "heftruck besturen"),
    ("bread", "bake bread", "brood bakken"),
    ("team", "manage a team", "een team leiden"),
    ("electrolyser", "install electrolysers", "elektrolysers installeren"),
]


@pytest.fixture
def esco(db):
    return {
        key: EscoSkill.objects.create(uri=f"http://data.europa.eu/esco/skill/{key}", label_en=en, label_nl=nl)
        for key, en, nl in ESCO
    }


def _top(query: str, limit: int = 3) -> list[tuple[str, int]]:
    return [(match.source, match.object_id) for match in semantic.search(query, limit=limit)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lekdichtheid van waterstofleidingen controleren", "leaks"),  # Dutch query, English-only label
        ("driving a forklift truck", "forklift"),
        ("leidinggeven aan een groep medewerkers", "team"),
        ("pijpen aan elkaar lassen", "welding"),
        ("electrolyzer installation", "electrolyser"),
    ],
)
def test_a_query_finds_the_entry_with_the_same_meaning_first(esco, query, expected):
    assert _top(query)[0] == (IndexedText.Source.ESCO_SKILL, esco[expected].pk)


@pytest.mark.parametrize("query", ["", "   ", "12345", "?!*%", "\x00\x01", "a"])
def test_a_query_without_words_finds_nothing(esco, query):
    assert semantic.search(query) == []


def test_garbage_finds_nothing_close(esco):
    assert all(match.score < 0.5 for match in semantic.search("qwzxv plorkt brammel", limit=5))


def test_the_index_encodes_only_what_changed_and_follows_the_catalogue(world, esco):
    first = semantic.refresh_index()
    assert first.encoded > 0
    assert semantic.refresh_index().encoded == 0
    esco["bread"].label_nl = "broodjes bakken"
    esco["bread"].save()
    assert semantic.refresh_index().encoded == 1
    published = world.skills.published
    item_rows = IndexedText.objects.filter(source=IndexedText.Source.ITEM, object_id__in=published.items.values("pk"))
    assert item_rows.count() == 2 * published.items.count()  # Dutch and English
    catalogue.take_transition(world.user("expert"), published, "retire", remarks="Vervangen door een nieuwe versie")
    semantic.refresh_index()
    assert not item_rows.exists()


def test_a_newly_added_entry_is_found_without_running_the_command(esco):
    assert semantic.search("brood bakken")
    EscoSkill.objects.create(
        uri="http://data.europa.eu/esco/skill/dough", label_en="knead dough", label_nl="deeg kneden"
    )
    new = EscoSkill.objects.get(label_en="knead dough")
    assert (IndexedText.Source.ESCO_SKILL, new.pk) in _top("deeg kneden met de hand")


def test_the_catalogue_page_adds_what_it_finds_by_meaning_below_the_word_matches(world, esco, client):
    page = client.get(reverse("catalogue"), {"q": "lekdichtheid van waterstofleidingen controleren"})
    assert page.status_code == 200
    meaning = page.context["meaning"]
    assert meaning[0].text == "check hydrogen pipelines for leaks"
    assert "meaning-matches" in page.content.decode()
    assert client.get(reverse("catalogue"), {"q": "%%%"}).context["meaning"] == []


def test_sentences_splits_a_vacancy_into_sentences_and_list_items():
    text = "Wij zoeken een monteur. Je test leidingen!\n- VCA-VOL\n• Lassen (TIG)\n\n12345\n"
    assert embedding.sentences(text) == ["Wij zoeken een monteur.", "Je test leidingen!", "VCA-VOL", "Lassen (TIG)"]


unit_rows = arrays(np.float32, st.tuples(st.integers(1, 40), st.just(4)), elements=st.floats(-1, 1, width=32))


@given(matrix=unit_rows, k=st.integers(1, 50), data=st.data())
@settings(max_examples=150)
def test_nearest_is_the_brute_force_top_k_best_first(matrix, k, data):
    query = data.draw(arrays(np.float32, 4, elements=st.floats(-1, 1, width=32)))
    hits = embedding.nearest(matrix, query, k)
    scores = matrix @ query
    assert len(hits) == min(k, matrix.shape[0])
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert len({hit.row for hit in hits}) == len(hits)
    worst_kept = min(hit.score for hit in hits)
    left_out = [scores[row] for row in range(matrix.shape[0]) if row not in {hit.row for hit in hits}]
    assert all(score <= worst_kept for score in left_out)
