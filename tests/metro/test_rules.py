"""Rule checks of a metro line: each rule reported where it is broken, nothing for a line that keeps them all."""

from hypothesis import given
from hypothesis import strategies as st

from mhw.metro.rules import StationFacts, check_line


def _station(key, phase=1, hours=4.0, outcomes=()):
    return StationFacts(key, f"Station {key}", phase, hours, frozenset(outcomes))


def test_a_line_that_keeps_every_rule_has_no_findings():
    line = [_station("a", 1, 2, ["VO-1"]), _station("b", 2, 8, ["VO-2"]), _station("c", 2), _station("d", 3)]
    assert check_line(line, frozenset({"VO-1", "VO-2"})) == []


def test_each_broken_rule_is_named_with_its_station():
    line = [_station("a", 2, 1.5), _station("b", 1, 9), _station("c", 3, 4, ["VO-1"])]
    codes = [(f.code, f.station, f.value) for f in check_line(line, frozenset({"VO-1", "VO-9"}))]
    assert codes == [
        ("too_few_stations", "", "3"),
        ("hours_out_of_range", "a", "1.5"),
        ("hours_out_of_range", "b", "9"),
        ("phase_out_of_order", "b", "1"),
        ("outcome_not_covered", "", "VO-9"),
    ]
    assert [f.code for f in check_line([_station(str(i)) for i in range(9)], frozenset())] == ["too_many_stations"]


@given(st.lists(st.tuples(st.integers(1, 3), st.floats(0.5, 12, allow_nan=False)), max_size=10))
def test_findings_match_the_rules_exactly(specs):
    line = [_station(str(i), phase, hours) for i, (phase, hours) in enumerate(specs)]
    findings = check_line(line, frozenset())
    out_of_range = {f.station for f in findings if f.code == "hours_out_of_range"}
    assert out_of_range == {s.key for s in line if not 2 <= s.hours <= 8}
    phases = [s.phase for s in line]
    disorder = {f.station for f in findings if f.code == "phase_out_of_order"}
    assert disorder == {s.key for i, s in enumerate(line) if s.phase < max(phases[:i], default=0)}
    assert any(f.code.startswith("too_") for f in findings) == (not 4 <= len(line) <= 8)
