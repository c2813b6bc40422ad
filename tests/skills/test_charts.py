"""The SVG pictures parse, and every cell and axis carries the right value."""

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mhw.skills.charts import GAP_COLOURS, HeatmapLabels, Series, heatmap_svg, spider_svg

NS = {"svg": "http://www.w3.org/2000/svg"}
LABELS = HeatmapLabels("Gap per rol", "Gap", "geen gegevens")
names = st.text(alphabet="abcdefghij <>&'\"é", min_size=1, max_size=12)
gap_values = st.one_of(st.none(), st.integers(min_value=0, max_value=5))


@given(
    data=st.data(), roles=st.lists(names, min_size=1, max_size=4), specialisms=st.lists(names, min_size=1, max_size=8)
)
def test_the_heatmap_has_one_cell_per_role_and_specialism_with_its_gap(data, roles, specialisms):
    gaps = [[data.draw(gap_values) for _ in specialisms] for _ in roles]
    root = ET.fromstring(heatmap_svg(roles, specialisms, gaps, LABELS))
    cells = root.findall(".//svg:g[@class='cell']", NS)
    assert len(cells) == len(roles) * len(specialisms)
    for index, cell in enumerate(cells):
        row, column = divmod(index, len(specialisms))
        assert cell.get("data-role") == roles[row]
        assert cell.get("data-specialism") == specialisms[column]
        expected = gaps[row][column]
        assert cell.get("data-gap") == ("" if expected is None else str(expected))
        if expected is not None:
            assert cell.find("svg:rect", NS).get("fill") == GAP_COLOURS[expected]
    column_labels = [t.text for t in root.findall(".//svg:text[@class='column-label']", NS)]
    assert column_labels == list(specialisms)


@given(
    data=st.data(),
    axes=st.lists(names, min_size=3, max_size=12),
    series_names=st.lists(names, min_size=1, max_size=3),
)
def test_the_spider_has_one_axis_per_specialism_and_the_values_of_each_series(data, axes, series_names):
    series = [Series(name, [data.draw(gap_values) for _ in axes]) for name in series_names]
    root = ET.fromstring(spider_svg(axes, series, "Ontwikkelspin"))
    assert [t.text for t in root.findall(".//svg:text[@class='axis-label']", NS)] == list(axes)
    assert len(root.findall(".//svg:line[@class='axis']", NS)) == len(axes)
    polygons = root.findall(".//svg:polygon[@class='series']", NS)
    assert [p.get("data-series") for p in polygons] == series_names
    for polygon, item in zip(polygons, series, strict=True):
        assert polygon.get("data-values").split(",") == ["" if v is None else str(v) for v in item.values]
        assert len(polygon.get("points").split()) == len(axes)


def test_a_higher_level_lies_further_from_the_centre():
    root = ET.fromstring(spider_svg(["a", "b", "c"], [Series("x", [1, 3, 5])], "t"))
    rings = root.findall(".//svg:polygon[@class='ring']", NS)
    assert [r.get("data-level") for r in rings] == ["1", "2", "3", "4", "5"]
    top = [
        tuple(map(float, p.split(","))) for p in root.find(".//svg:polygon[@class='series']", NS).get("points").split()
    ]
    first_ring = [tuple(map(float, p.split(","))) for p in rings[0].get("points").split()]
    assert top[0] == first_ring[0]


@pytest.mark.parametrize(
    "call",
    [
        lambda: heatmap_svg(["a"], ["x", "y"], [[1]], LABELS),
        lambda: spider_svg(["a", "b"], [], "t"),
        lambda: spider_svg(["a", "b", "c"], [Series("s", [1, 2])], "t"),
    ],
)
def test_mismatched_data_is_refused(call):
    with pytest.raises(ValueError, match=r"needs|must"):
        call()
