"""The level a sentence asks for: the strongest cue wins, the qualifier that comes first wins over an overlapping
cue, and any text gets a level 1-5 with the words that set it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mhw.skills.level_cues import DEFAULT_LEVEL, core_of, level_asked


@pytest.mark.parametrize(
    ("sentence", "level", "words"),
    [
        ("Je hebt ruime ervaring met lassen.", 4, "ruime ervaring"),
        ("Basiskennis van elektrotechniek is een pre.", 1, "Basiskennis"),
        ("Je verhelpt zelfstandig storingen.", 3, "zelfstandig"),
        ("Je bent expert in ATEX-installaties.", 5, "expert"),
        ("Some experience with PLCs.", 2, "Some experience"),
        ("You have extensive experience with welding.", 4, "extensive experience"),
        ("Onder begeleiding monteer je leidingen; later zelfstandig.", 3, "zelfstandig"),
        ("Monteren van leidingen.", DEFAULT_LEVEL, ""),
    ],
)
def test_the_words_set_the_level(sentence, level, words):
    cue = level_asked(sentence)
    assert (cue.level, cue.words) == (level, words)


@given(st.text(max_size=200))
def test_any_text_gets_a_level_from_1_to_5_and_its_words_are_in_the_text(text):
    cue = level_asked(text)
    assert 1 <= cue.level <= 5
    assert cue.words in text
    if cue.words:  # the words that set the level ask that level on their own
        assert level_asked(cue.words).level == cue.level


@pytest.mark.parametrize(
    ("sentence", "core"),
    [
        ("Ik heb ruime ervaring met het meten van lekkages.", "met het meten van lekkages"),
        ("Je controleert zelfstandig de lekdichtheid.", "controleert de lekdichtheid"),
        ("You have extensive experience with welding.", "with welding"),
        ("Monteren van leidingen", "Monteren van leidingen"),
    ],
)
def test_the_core_of_a_sentence_leaves_out_who_says_it_and_how_well(sentence, core):
    assert core_of(sentence) == core


@given(st.text(max_size=200))
def test_the_core_holds_only_words_of_the_sentence(text):
    assert all(word in text for word in core_of(text).split())
