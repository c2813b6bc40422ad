"""Duplicates: what a ULO being written resembles in the catalogue, and the reviewers' report of published outcomes
and items that say nearly the same."""

import pytest
from django.urls import reverse

from mhw.skills.services import semantic
from tests.skills.conftest import item, publish


@pytest.fixture
def twice_written(world):
    """Two outcomes whose skill says the same in other words, and an unrelated one."""
    first = publish(world, "Lekdicht A", [
        item("responsibility", "de waterstofinstallatie", "neemt in gebruik"),
        item("skill", "de lekdichtheid van waterstofleidingen", "controleert"),
        item("knowledge", "de drukklassen van leidingwerk"),
    ])  # fmt: skip
    second = publish(world, "Lekdicht B", [
        item("responsibility", "een tankstation", "beheert"),
        item("skill", "waterstofleidingen op lekkages", "test"),
        item("knowledge", "kassasystemen in de detailhandel"),
    ])  # fmt: skip
    return first.items.get(kind="skill"), second.items.get(kind="skill")


def test_the_report_lists_items_that_say_the_same_and_not_unrelated_ones(world, twice_written, client_for):
    pairs = semantic.duplicate_pairs()
    pairs_found = {
        frozenset({(p.first.source, p.first.object_id), (p.second.source, p.second.object_id)}) for p in pairs
    }
    first, second = twice_written
    assert frozenset({("item", first.pk), ("item", second.pk)}) in pairs_found
    assert all(p.score >= semantic.DUPLICATE_LIKENESS for p in pairs)
    assert all(p.first != p.second for p in pairs)
    page = client_for(world.user("expert")).get(reverse("catalogue_duplicates"))
    assert page.status_code == 200
    assert first.code in page.content.decode()
    assert second.code in page.content.decode()


def test_while_writing_the_form_shows_what_the_catalogue_already_holds(world, twice_written, client_for):
    client = client_for(world.user("teacher"))
    data = {"title_nl": "Leidingen", "items-TOTAL_FORMS": "1", "items-0-verb_nl": "controleert",
            "items-0-object_nl": "of waterstofleidingen lekdicht zijn"}  # fmt: skip
    response = client.post(reverse("catalogue_similar"), data)
    assert response.status_code == 200
    codes = {entry.code for _match, entry in response.context["similar"] if hasattr(entry, "code")}
    assert twice_written[0].code in codes


@pytest.mark.parametrize("data", [{}, {"items-TOTAL_FORMS": "x"}, {"items-TOTAL_FORMS": "99999"}, {"title_nl": "12"}])
def test_an_empty_or_broken_form_shows_nothing_similar(world, client_for, data):
    response = client_for(world.user("teacher")).post(reverse("catalogue_similar"), data)
    assert response.status_code == 200
    assert response.context["similar"] == []


def test_the_ulo_form_holds_the_similar_panel(world, client_for):
    page = client_for(world.user("teacher")).get(reverse("ulo_create")).content.decode()
    assert reverse("catalogue_similar") in page
