"""Programme figures of the individual route: the funnel, drop-out and time-to-job, and the funnel as SVG.

Pure module: per candidate the stages they reached, when they registered, when their contract started, and how
they left if they left; out come counts, conversions and the spread of time-to-job.
"""

import datetime
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from mhw.xmltext import text as esc

MILESTONES = (
    "registered", "intake_done", "selected", "at_job_fair", "matched", "intent_signed", "enrolled", "in_training",
    "training_completed", "contract_signed", "completed",
)  # fmt: skip
LEAVING = ("not_selected", "stopped", "withdrawn")


@dataclass(frozen=True)
class CandidateFacts:
    reached: frozenset[str]
    registered_on: datetime.date | None = None
    contract_starts_on: datetime.date | None = None
    left_at_stage: str = ""
    left_how: str = ""
    left_reason: str = ""


@dataclass(frozen=True)
class TimeToJob:
    count: int
    median_days: float | None
    p25_days: float | None
    p75_days: float | None
    shortest_days: int | None
    longest_days: int | None


def funnel(candidates: Iterable[CandidateFacts]) -> list[tuple[str, int, float | None]]:
    """(milestone, how many reached it, share of the previous milestone reached) in route order."""
    return funnel_of_counts(Counter(stage for c in candidates for stage in c.reached if stage in MILESTONES))


def funnel_of_counts(counts: dict[str, int]) -> list[tuple[str, int, float | None]]:
    """The funnel from how many candidates reached each stage (as `funnel`, when the counting is done elsewhere)."""
    rows, previous = [], None
    for stage in MILESTONES:
        count = counts.get(stage, 0)
        rows.append((stage, count, (count / previous) if previous else None))
        previous = count
    return rows


def dropouts(candidates: Iterable[CandidateFacts]) -> list[tuple[str, str, int]]:
    """(how they left, from which stage, how many), most frequent first."""
    counts = Counter((c.left_how, c.left_at_stage) for c in candidates if c.left_how)
    return [(how, stage, n) for (how, stage), n in counts.most_common()]


def time_to_job(candidates: Iterable[CandidateFacts]) -> TimeToJob:
    """Days from registration to the start of the contract, over candidates that have both."""
    days = sorted(
        (c.contract_starts_on - c.registered_on).days for c in candidates if c.registered_on and c.contract_starts_on
    )
    if not days:
        return TimeToJob(0, None, None, None, None, None)
    if len(days) == 1:
        return TimeToJob(1, float(days[0]), float(days[0]), float(days[0]), days[0], days[0])
    quartiles = statistics.quantiles(days, n=4, method="inclusive")
    return TimeToJob(len(days), statistics.median(days), quartiles[0], quartiles[2], days[0], days[-1])


def funnel_svg(rows: list[tuple[str, int, float | None]], labels: dict[str, str], title: str) -> str:
    """Horizontal bars, one per milestone, with the count and the conversion from the step before."""
    width, bar_left, bar_room, row = 760, 260, 380, 30
    height = 50 + row * len(rows) + 10
    largest = max((count for _stage, count, _share in rows), default=0) or 1
    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}' "
        "role='img' class='funnel' font-family='DejaVu Sans, Arial, sans-serif'>",
        f"<title>{esc(title)}</title><rect width='100%' height='100%' fill='#ffffff'/>",
        f"<text x='16' y='26' font-size='16' font-weight='bold'>{esc(title)}</text>",
    ]
    for index, (stage, count, share) in enumerate(rows):
        y = 44 + index * row
        length = bar_room * count / largest
        conversion = "" if share is None else f" ({share:.0%})"
        out.append(
            f"<g class='bar' data-stage='{stage}' data-count='{count}'>"
            f"<text x='{bar_left - 8}' y='{y + 15}' font-size='12' text-anchor='end'>{esc(labels[stage])}</text>"
            f"<rect x='{bar_left}' y='{y}' width='{length:.1f}' height='20' fill='#138d75'/>"
            f"<text x='{bar_left + length + 6:.1f}' y='{y + 15}' font-size='12'>{count}{conversion}</text></g>"
        )
    out.append("</svg>")
    return "\n".join(out)
