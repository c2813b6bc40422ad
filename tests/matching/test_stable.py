"""Properties of the stable matching, and agreement with the reference `matching` library on random instances."""

import random

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from matching.games import HospitalResident

from mhw.matching.stable import blocking_pairs, stable_matching


@st.composite
def instances(draw, max_candidates=25, max_companies=6):
    n_candidates = draw(st.integers(1, max_candidates))
    n_companies = draw(st.integers(1, max_companies))
    candidates = [f"c{i}" for i in range(n_candidates)]
    companies = [f"h{j}" for j in range(n_companies)]
    seed = draw(st.integers(0, 2**32 - 1))
    rng = random.Random(seed)
    candidate_prefs = {c: rng.sample(companies, rng.randint(0, n_companies)) for c in candidates}
    # Companies rank exactly the candidates who ranked them, as after a job fair where both sides chose.
    company_prefs = {h: [c for c in candidates if h in candidate_prefs[c]] for h in companies}
    for prefs in company_prefs.values():
        rng.shuffle(prefs)
    capacities = {h: draw(st.integers(0, 4)) for h in companies}
    return candidate_prefs, company_prefs, capacities


@given(instance=instances(), proposing=st.sampled_from(["candidates", "companies"]))
def test_the_matching_is_stable_respects_places_and_uses_acceptable_pairs(instance, proposing):
    candidate_prefs, company_prefs, capacities = instance
    matching = stable_matching(candidate_prefs, company_prefs, capacities, proposing=proposing)
    assert blocking_pairs(matching, candidate_prefs, company_prefs, capacities) == []
    for company, capacity in capacities.items():
        assert sum(1 for h in matching.values() if h == company) <= capacity
    for candidate, company in matching.items():
        assert company in candidate_prefs[candidate]
        assert candidate in company_prefs[company]


@given(instance=instances())
def test_each_side_does_at_least_as_well_when_it_proposes(instance):
    candidate_prefs, company_prefs, capacities = instance
    by_candidates = stable_matching(candidate_prefs, company_prefs, capacities, proposing="candidates")
    by_companies = stable_matching(candidate_prefs, company_prefs, capacities, proposing="companies")
    for candidate, prefs in candidate_prefs.items():
        rank = {h: i for i, h in enumerate(prefs)}
        best, other = by_candidates.get(candidate), by_companies.get(candidate)
        if other is not None:
            assert best is not None
            assert rank[best] <= rank[other]
    # The same candidates are matched in every stable matching (the rural hospitals theorem).
    assert set(by_candidates) == set(by_companies)


def _reference(candidate_prefs, company_prefs, capacities, optimal):
    game = HospitalResident.create_from_dictionaries(candidate_prefs, company_prefs, capacities)
    solution = game.solve(optimal=optimal)
    return {str(resident): str(hospital) for hospital, residents in solution.items() for resident in residents}


@given(instance=instances(max_candidates=15, max_companies=5), proposing=st.sampled_from(["candidates", "companies"]))
@settings(max_examples=150)
def test_the_same_matching_as_the_reference_library(instance, proposing):
    candidate_prefs, company_prefs, capacities = instance
    # The reference library needs every party to rank someone and every company to have a place: leave out the
    # companies nobody ranked, and the candidates who ranked nobody.
    companies = {h for h, prefs in company_prefs.items() if prefs}
    candidate_prefs = {c: [h for h in p if h in companies] for c, p in candidate_prefs.items()}
    candidate_prefs = {c: p for c, p in candidate_prefs.items() if p}
    company_prefs = {h: [c for c in company_prefs[h] if c in candidate_prefs] for h in companies}
    capacities = {h: max(1, capacities[h]) for h in companies}
    assume(candidate_prefs)
    optimal = "resident" if proposing == "candidates" else "hospital"
    expected = _reference(candidate_prefs, company_prefs, capacities, optimal)
    assert stable_matching(candidate_prefs, company_prefs, capacities, proposing=proposing) == expected


def test_a_worked_example():
    candidate_prefs = {"michael": ["noorderwind", "waddenpijp"], "sanne": ["noorderwind"], "ruben": ["waddenpijp"]}
    company_prefs = {"noorderwind": ["sanne", "michael"], "waddenpijp": ["michael", "ruben"]}
    capacities = {"noorderwind": 1, "waddenpijp": 1}
    assert stable_matching(candidate_prefs, company_prefs, capacities) == {
        "sanne": "noorderwind",
        "michael": "waddenpijp",
    }
    assert stable_matching(candidate_prefs, company_prefs, capacities, proposing="companies") == {
        "sanne": "noorderwind",
        "michael": "waddenpijp",
    }


@pytest.mark.parametrize(("kwargs", "message"), [({"proposing": "both"}, "proposing"), ({}, "negative")])
def test_bad_arguments_are_refused(kwargs, message):
    capacities = {"h": -1} if not kwargs else {"h": 1}
    with pytest.raises(ValueError, match=message):
        stable_matching({"c": ["h"]}, {"h": ["c"]}, capacities, **kwargs)
