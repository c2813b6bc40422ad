from hypothesis import given
from hypothesis import strategies as st

from mhw.skills.bloom import BLOOM_LEVELS, levels_of_verb, verb_belongs_to_level
from mhw.skills.statement import PARTS, StatementParts, check, compose

GOOD = {
    "nl": StatementParts(
        "een elektrolyser", "installeren", "een industriële omgeving", "de ATEX-richtlijnen", "installatie lekdicht"
    ),
    "en": StatementParts(
        "an electrolyser", "install", "an industrial setting", "the ATEX directives", "installation leak-tight"
    ),
}


def test_the_dutch_and_english_statements_follow_the_template():
    assert compose(GOOD["nl"], "nl") == (
        "Aan het einde van dit leertraject is de deelnemer in staat om een elektrolyser te installeren in een "
        "industriële omgeving, met inachtneming van de ATEX-richtlijnen."
    )
    assert compose(GOOD["en"], "en") == (
        "At the end of this learning path the participant is able to install an electrolyser in an industrial "
        "setting, taking into account the ATEX directives."
    )


def test_a_complete_statement_with_a_verb_of_its_level_has_no_problem():
    assert check(GOOD, bloom_level=3) == []


def test_a_verb_of_another_level_is_reported_with_the_levels_it_belongs_to():
    problems = check(GOOD, bloom_level=5)
    assert {(p.code, p.language, p.suggested_levels) for p in problems} == {
        ("verb_not_in_level", "nl", (3,)),
        ("verb_not_in_level", "en", (3,)),
    }


def test_a_verb_that_cannot_be_observed_is_reported():
    parts = {**GOOD, "nl": StatementParts("waterstofrisico's", "weten", "de werkplaats", "NEN 3140", "x")}
    assert [p.code for p in check(parts, 3)] == ["verb_not_observable"]


@given(empty=st.sets(st.sampled_from(PARTS), min_size=1), language=st.sampled_from(["nl", "en"]))
def test_every_empty_part_is_reported_by_name(empty, language):
    values = {name: ("" if name in empty else getattr(GOOD[language], name)) for name in PARTS}
    problems = check({**GOOD, language: StatementParts(**values)}, 3)
    assert {p.part for p in problems if p.code == "empty_part"} == empty
    assert all(p.language == language for p in problems)


@given(level=st.sampled_from(BLOOM_LEVELS), language=st.sampled_from(["nl", "en"]), data=st.data())
def test_every_listed_verb_belongs_to_its_level(level, language, data):
    verb = data.draw(st.sampled_from(level.verbs[language]))
    assert verb_belongs_to_level(f"  {verb.upper()} ", level.level, language)
    assert level.level in levels_of_verb(verb, language)
