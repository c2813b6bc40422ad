"""`link` gives exactly what `reverse` gives, for every page of the site and any arguments, whether it answers from
its kept pattern or hands over to `reverse`."""

import pytest
from django.urls import NoReverseMatch, get_resolver, reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from mhw.web.links import link


def _pages() -> list[tuple[str, int]]:
    """Every named page with the number of arguments its address takes."""
    found = set()
    for name, entries in get_resolver().reverse_dict.lists():
        if isinstance(name, str):
            for possibilities, *_rest in entries:
                for _format, parameters in possibilities:
                    found.add((name, len(parameters)))
    return sorted(found)


PAGES = _pages()
ARGUMENT = st.one_of(
    st.integers(min_value=0, max_value=10**15),
    st.integers(max_value=-1),
    st.text(alphabet="abc-_{}%/ 0123456789é", max_size=8),
    st.uuids(),
    st.booleans(),
)


def _answer(function, *args):
    try:
        return function(*args)
    except NoReverseMatch:
        return NoReverseMatch


def test_the_site_has_pages_with_and_without_arguments():
    counts = {count for _name, count in PAGES}
    assert {0, 1, 2} <= counts


@pytest.mark.parametrize(("name", "count"), PAGES)
def test_whole_numbers_give_what_reverse_gives(name, count):
    args = list(range(7, 7 + count))
    assert _answer(link, name, *args) == _answer(lambda *a: reverse(name, args=a), *args)


@settings(max_examples=300, deadline=None)
@given(page=st.sampled_from(PAGES), data=st.data())
def test_any_arguments_give_what_reverse_gives(page, data):
    name, count = page
    args = data.draw(st.lists(ARGUMENT, min_size=count, max_size=count))
    assert _answer(link, name, *args) == _answer(lambda *a: reverse(name, args=a), *args)
