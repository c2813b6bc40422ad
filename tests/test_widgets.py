"""The long-list selects draw what Django's own selects draw, for any choices, chosen values and attributes."""

from html.parser import HTMLParser

from django import forms
from hypothesis import given
from hypothesis import strategies as st

from mhw.widgets import LongSelect, LongSelectMultiple

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
values = st.one_of(st.integers(min_value=-5, max_value=10_000), texts)
choices = st.lists(st.tuples(values, texts), max_size=12, unique_by=lambda choice: str(choice[0]))
attributes = st.fixed_dictionaries(
    {"id": texts},
    optional={"required": st.booleans(), "aria-describedby": texts, "data-autosubmit": st.just(True)},
)


class _Parsed(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.select, self.options, self._open = None, [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "select":
            self.select = sorted(attrs)
        elif tag == "option":
            self._open = [dict(attrs).get("value"), "selected" in dict(attrs), ""]
            self.options.append(self._open)

    def handle_data(self, data):
        if self._open is not None:
            self._open[2] += data

    def handle_endtag(self, tag):
        if tag == "option":
            self._open = None


def _same(ours: str, django: str) -> None:
    mine, theirs = _Parsed(ours), _Parsed(django)
    assert mine.select == theirs.select
    assert mine.options == theirs.options


@given(choices=choices, data=st.data(), attrs=attributes)
def test_one_choice(choices, data, attrs):
    value = data.draw(st.sampled_from([choice[0] for choice in choices]) if choices else st.none(), label="value")
    _same(
        LongSelect(choices=choices).render("field", value, attrs=attrs),
        forms.Select(choices=choices).render("field", value, attrs=attrs),
    )


@given(choices=choices, data=st.data(), attrs=attributes)
def test_several_choices(choices, data, attrs):
    chosen = data.draw(st.lists(st.sampled_from([choice[0] for choice in choices])) if choices else st.just([]))
    _same(
        LongSelectMultiple(choices=choices).render("field", chosen, attrs=attrs),
        forms.SelectMultiple(choices=choices).render("field", chosen, attrs=attrs),
    )
