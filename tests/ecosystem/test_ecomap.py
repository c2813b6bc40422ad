"""The ecosystem map: every player drawn in the sector of its kind, the sectors filling the circle in legend order,
relations drawn between the right players, the same input the same picture. Checked by parsing the SVG."""

import itertools
import math
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mhw.ecosystem.ecomap import CENTRE, Link, Player, ecosystem_svg, place, sectors

KINDS = {"company": "Bedrijf", "education_mbo": "mbo", "education_hbo": "hbo", "government": "Overheid",
         "fieldlab": "Fieldlab", "work_centre": "UWV"}  # fmt: skip
NS = {"svg": "http://www.w3.org/2000/svg"}


@st.composite
def ecosystems(draw):
    n = draw(st.integers(0, 40))
    players = [Player(f"p{i}", draw(st.text(min_size=1, max_size=40)), draw(st.sampled_from(list(KINDS))))
               for i in range(n)]  # fmt: skip
    keys = [p.key for p in players]
    pairs = draw(st.lists(st.tuples(st.sampled_from(keys), st.sampled_from(keys)), max_size=20)) if keys else []
    links = [Link(a, b, "collaboration") for a, b in pairs]
    return players, links


@given(ecosystems())
def test_every_player_is_in_the_sector_of_its_kind_and_every_relation_joins_the_right_two(ecosystem):
    players, links = ecosystem
    root = ET.fromstring(ecosystem_svg("Noord", players, links, KINDS, title="Ecosysteemkaart"))
    bounds = {p.get("data-kind"): (float(p.get("data-start")), float(p.get("data-end")))
              for p in root.iterfind(".//svg:g[@class='sectors']/svg:path", NS)}  # fmt: skip
    assert list(bounds) == [k for k in KINDS if any(p.kind == k for p in players)]
    if bounds:
        starts_ends = list(bounds.values())
        assert starts_ends[0][0] == 0
        assert math.isclose(starts_ends[-1][1], 2 * math.pi, abs_tol=1e-5)  # written to six decimals
        assert all(math.isclose(a[1], b[0]) for a, b in itertools.pairwise(starts_ends))
    centres = {}
    drawn = root.findall(".//svg:g[@class='player']", NS)
    assert sorted(g.get("data-actor") for g in drawn) == sorted(p.key for p in players)
    kind_of = {p.key: p.kind for p in players}
    for g in drawn:
        key, angle = g.get("data-actor"), float(g.get("data-angle"))
        assert g.get("data-kind") == kind_of[key]
        low, high = bounds[kind_of[key]]
        assert low < angle < high
        circle = g.find("svg:circle", NS)
        x, y = float(circle.get("cx")), float(circle.get("cy"))
        assert math.isclose(math.atan2(x - CENTRE, CENTRE - y) % (2 * math.pi), angle % (2 * math.pi), abs_tol=0.01)
        centres[key] = (x, y)
    for path, link in zip(root.iterfind(".//svg:g[@class='relations']/svg:path", NS), links, strict=True):
        numbers = [float(v) for v in re.findall(r"-?\d+\.?\d*", path.get("d"))]
        assert (path.get("data-source"), path.get("data-target")) == (link.source, link.target)
        assert (numbers[0], numbers[1]) == pytest.approx(centres[link.source], abs=0.06)
        assert (numbers[-2], numbers[-1]) == pytest.approx(centres[link.target], abs=0.06)


@given(ecosystems())
def test_the_same_input_gives_the_same_picture(ecosystem):
    players, links = ecosystem
    assert ecosystem_svg("Noord", players, links, KINDS, title="x") == ecosystem_svg(
        "Noord", list(players), list(links), dict(KINDS), title="x"
    )


def test_a_kind_with_one_player_still_gets_a_visible_sector_and_unknown_kinds_are_refused():
    players = [Player(f"c{i}", f"Bedrijf {i}", "company") for i in range(30)] + [Player("uwv", "UWV", "work_centre")]
    parts = {s.kind: s.end - s.start for s in sectors(players, list(KINDS))}
    assert parts["work_centre"] >= math.radians(17)
    with pytest.raises(ValueError, match="kinds"):
        place([Player("x", "X", "spaceport")], list(KINDS))
