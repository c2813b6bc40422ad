"""Rule checks of a metro line (toolbox 4.3): 4–8 stations of 2–8 hours, phases in order (inspiration, then
familiarisation and understanding, then translation to own context), and every learning outcome of the line covered
by a station. Warnings, not errors: the broker sees them and decides. Pure module."""

from collections.abc import Sequence
from dataclasses import dataclass

MIN_STATIONS, MAX_STATIONS = 4, 8
MIN_HOURS, MAX_HOURS = 2, 8


@dataclass(frozen=True)
class StationFacts:
    key: str
    name: str
    phase: int
    hours: float
    outcomes: frozenset[str]


@dataclass(frozen=True)
class Finding:
    code: str  # too_few_stations | too_many_stations | hours_out_of_range | phase_out_of_order | outcome_not_covered
    station: str = ""  # the station it is about, if any
    value: str = ""  # the number or outcome it is about


def check_line(stations: Sequence[StationFacts], outcomes: frozenset[str]) -> list[Finding]:
    findings = []
    if len(stations) < MIN_STATIONS:
        findings.append(Finding("too_few_stations", value=str(len(stations))))
    if len(stations) > MAX_STATIONS:
        findings.append(Finding("too_many_stations", value=str(len(stations))))
    highest = 0
    for station in stations:
        if not MIN_HOURS <= station.hours <= MAX_HOURS:
            findings.append(Finding("hours_out_of_range", station.key, f"{station.hours:g}"))
        if station.phase < highest:
            findings.append(Finding("phase_out_of_order", station.key, str(station.phase)))
        highest = max(highest, station.phase)
    covered = frozenset().union(*(s.outcomes for s in stations))
    findings.extend(Finding("outcome_not_covered", value=code) for code in sorted(outcomes - covered))
    return findings
