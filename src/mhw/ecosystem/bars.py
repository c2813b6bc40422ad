"""A horizontal bar chart comparing campuses on one figure. Pure module: labels arrive already translated."""

from collections.abc import Sequence

from mhw.xmltext import attribute as attr
from mhw.xmltext import text as esc

ROW, LABEL_WIDTH, BAR_WIDTH = 24, 220, 360


def bar_chart(rows: Sequence[tuple[str, float]], *, title: str, unit: str = "") -> str:
    """One bar per (label, value), scaled to the largest value; each bar carries its label and value as data."""
    top = max((value for _label, value in rows), default=0) or 1
    height = 30 + ROW * len(rows)
    width = LABEL_WIDTH + BAR_WIDTH + 80
    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' width='{width}' height='{height}' "
        f"role='img' class='bar-chart' font-family='DejaVu Sans, Arial, sans-serif' font-size='12'>",
        f"<title>{esc(title)}</title><text x='0' y='14' font-weight='bold'>{esc(title)}</text>",
    ]
    for i, (label, value) in enumerate(rows):
        y = 24 + ROW * i
        length = BAR_WIDTH * value / top
        shown = f"{value:g}{unit}"
        out.append(
            f"<g class='bar' data-label={attr(label)} data-value='{value:g}'>"
            f"<text x='{LABEL_WIDTH - 6}' y='{y + 14}' text-anchor='end'>{esc(label[:32])}</text>"
            f"<rect x='{LABEL_WIDTH}' y='{y + 3}' width='{length:.1f}' height='{ROW - 8}' fill='#0b6e4f'/>"
            f"<text x='{LABEL_WIDTH + length + 6:.1f}' y='{y + 14}'>{esc(shown)}</text></g>"
        )
    out.append("</svg>")
    return "".join(out)
