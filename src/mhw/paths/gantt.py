"""The week-by-week picture of a development path: one bar per module run over the weeks it takes, and under it the
hours each week asks beside the hours the candidate has.

Pure module: labels arrive already translated; the output is a self-contained SVG whose bars and week columns carry
their values as data attributes, so the page and the tests read the same picture.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from mhw.xmltext import attribute as attr
from mhw.xmltext import text as esc

FONT = "font-family='DejaVu Sans, Arial, sans-serif'"
BAR_COLOURS = ("#0b6e4f", "#1f7ab8", "#b9770e", "#7570b3", "#d95f02", "#1b9e77")
OVER_COLOUR = "#b03a2e"


@dataclass(frozen=True)
class Bar:
    label: str  # module, already translated
    start_week: int
    end_week: int  # exclusive
    weekly_hours: float


@dataclass(frozen=True)
class GanttLabels:
    title: str
    week: str  # the short word written above the week numbers, e.g. "wk"
    hours: str  # the caption of the load row, e.g. "uren per week"


def weekly_load(bars: Sequence[Bar], weeks: int) -> list[float]:
    """The hours the plan asks in each of `weeks` weeks: the sum of the weekly hours of the runs under way."""
    load = [0.0] * weeks
    for bar in bars:
        for week in range(max(0, bar.start_week), min(weeks, bar.end_week)):
            load[week] += bar.weekly_hours
    return load


def _text_width(text: str, size: float) -> float:
    return len(text) * size * 0.6


def gantt_svg(bars: Sequence[Bar], hours_per_week: float, labels: GanttLabels) -> str:
    """The chart of `bars` over weeks 0 .. the last end week, with each week's load against `hours_per_week`."""
    if any(bar.end_week <= bar.start_week or bar.start_week < 0 for bar in bars):
        raise ValueError("every bar needs 0 <= start_week < end_week")
    weeks = max((bar.end_week for bar in bars), default=0)
    column, row, size = 22, 26, 12
    left = 16 + max([_text_width(bar.label, size) for bar in bars] + [_text_width(labels.hours, size), 60])
    top = 62
    load_top = top + row * len(bars) + 14
    width = max(left + column * max(weeks, 1) + 16, 16 + _text_width(labels.title, 15) + 16)
    height = load_top + 64
    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width:.0f}' height='{height:.0f}' "
        f"viewBox='0 0 {width:.0f} {height:.0f}' role='img' class='gantt' {FONT}>",
        f"<title>{esc(labels.title)}</title>",
        "<rect width='100%' height='100%' fill='#ffffff'/>",
        f"<text x='16' y='24' font-size='15' font-weight='bold'>{esc(labels.title)}</text>",
        f"<text x='{left - 8:.0f}' y='{top - 10}' font-size='10' text-anchor='end' fill='#566573'>"
        f"{esc(labels.week)}</text>",
    ]
    for week in range(weeks):
        x = left + column * week
        out.append(
            f"<text x='{x + column / 2:.0f}' y='{top - 10}' font-size='10' text-anchor='middle' "
            f"fill='#566573'>{week + 1}</text>"
        )
        if week % 2 == 0:
            out.append(
                f"<rect x='{x:.0f}' y='{top - 4}' width='{column}' height='{row * len(bars) + 4}' fill='#f4f6f7'/>"
            )
    for index, bar in enumerate(bars):
        y = top + row * index
        colour = BAR_COLOURS[index % len(BAR_COLOURS)]
        out.append(
            f"<text x='{left - 8:.0f}' y='{y + row / 2 + 4:.0f}' font-size='{size}' text-anchor='end'>"
            f"{esc(bar.label)}</text>"
        )
        out.append(
            f"<rect class='bar' x='{left + column * bar.start_week:.0f}' y='{y + 4}' "
            f"width='{column * (bar.end_week - bar.start_week)}' height='{row - 8}' rx='3' fill='{colour}' "
            f"data-start='{bar.start_week}' data-end='{bar.end_week}' data-label={attr(bar.label)}>"
            f"<title>{esc(bar.label)}: {bar.weekly_hours:g}</title></rect>"
        )
    out.append(
        f"<text x='{left - 8:.0f}' y='{load_top + 30}' font-size='{size}' text-anchor='end'>{esc(labels.hours)}</text>"
    )
    scale = 40 / max(hours_per_week, max(weekly_load(bars, weeks), default=0), 1)
    for week, hours in enumerate(weekly_load(bars, weeks)):
        x = left + column * week
        over = hours > hours_per_week + 1e-9
        bar_height = hours * scale
        out.append(
            f"<rect class='load' x='{x + 3:.0f}' y='{load_top + 44 - bar_height:.1f}' width='{column - 6}' "
            f"height='{bar_height:.1f}' fill='{OVER_COLOUR if over else '#aab7c0'}' data-week='{week + 1}' "
            f"data-hours='{hours:g}'><title>{hours:g}</title></rect>"
        )
    limit_y = load_top + 44 - hours_per_week * scale
    out.append(
        f"<line x1='{left:.0f}' x2='{left + column * max(weeks, 1):.0f}' y1='{limit_y:.1f}' y2='{limit_y:.1f}' "
        f"stroke='#0b6e4f' stroke-dasharray='4 3' data-hours='{hours_per_week:g}'/>"
    )
    out.append("</svg>")
    return "".join(out)
