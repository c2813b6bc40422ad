"""The week-by-week picture: one bar per run where the run is, and each week's load the sum of the runs under way."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mhw.paths.gantt import Bar, GanttLabels, gantt_svg, weekly_load

LABELS = GanttLabels(title="Week voor week", week="wk", hours="uren per week")


@st.composite
def bars(draw):
    count = draw(st.integers(0, 8))
    result = []
    for n in range(count):
        start = draw(st.integers(0, 30))
        result.append(Bar(f"Module <{n}> & co", start, start + draw(st.integers(1, 8)), draw(st.integers(1, 40)) / 4))
    return result


@given(bars=bars(), hours=st.integers(1, 60))
def test_each_bar_sits_on_its_weeks_and_each_week_carries_its_load(bars, hours):
    svg = gantt_svg(bars, hours, LABELS)
    drawn = re.findall(r"class='bar' x='(\d+)' y='\d+' width='(\d+)'.*?data-start='(\d+)' data-end='(\d+)'", svg)
    assert len(drawn) == len(bars)
    for (_x, width, start, end), bar in zip(drawn, bars, strict=True):
        assert (int(start), int(end)) == (bar.start_week, bar.end_week)
        assert int(width) == 22 * (bar.end_week - bar.start_week)
    assert len({int(x) - 22 * int(start) for x, _w, start, _e in drawn}) <= 1  # every bar counts weeks from one axis
    weeks = max((b.end_week for b in bars), default=0)
    load = weekly_load(bars, weeks)
    for week in range(weeks):
        expected = sum(b.weekly_hours for b in bars if b.start_week <= week < b.end_week)
        assert load[week] == pytest.approx(expected)
    shown = [float(h) for h in re.findall(r"class='load'[^>]*data-hours='([^']+)'", svg)]
    assert shown == pytest.approx(load)
    assert "<0>" not in svg  # labels are escaped


def test_a_week_over_the_available_hours_is_marked():
    svg = gantt_svg([Bar("A", 0, 2, 20), Bar("B", 1, 3, 20)], 32, LABELS)
    loads = re.findall(r"class='load'[^>]*fill='([^']+)' data-week='(\d)'", svg)
    assert [week for fill, week in loads if fill == "#b03a2e"] == ["2"]


@pytest.mark.parametrize("bar", [Bar("A", 3, 3, 1), Bar("A", -1, 2, 1)])
def test_a_bar_without_weeks_is_refused(bar):
    with pytest.raises(ValueError, match="start_week"):
        gantt_svg([bar], 20, LABELS)
