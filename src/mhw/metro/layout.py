"""Automatic layout of a metro map: metro lines as coloured parallel tracks over their stations, in real metro-map
style. Pure module: plain data in, plain data out.

How the map is built:

1. **Columns.** Consecutive stations of every line give a directed graph. Stations are put in columns by longest
   path, so every line runs left to right. When lines visit shared stations in conflicting orders the graph has a
   cycle; the stations of each cycle are ordered by their average position in their lines, the edges against that
   order become *conflicts* (reported, and still drawn: as a detour over the top of the map).
2. **Tracks.** Each column holds *items*: a station (one track per line stopping there, next to each other, so one
   marker touches all its lines) with its label below, or a line passing the column without stopping. Items are
   stacked without overlap, in an order that follows the previous column (fewer crossings), each as close as possible
   to the height its lines arrived at (fewer bends).
3. **Gaps.** Between two columns a line runs horizontally out of the column, changes height with one 45° diagonal
   and runs horizontally into the next column. The gap is wide enough for the widest labels of both columns and the
   largest change of height, so labels never overlap each other or a track, and a line only ever touches the
   stations it serves. A conflict's detour runs vertically in a gap, along its own lane above the map, and down
   again in the gap before its station.

Every segment is horizontal, vertical or diagonal at 45°. The same input always gives the same output: everything
is ordered by the input's order and identifiers.
"""

import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

TRACK = 12.0  # distance between parallel tracks
MARKER = 7.0  # half width of a station marker
GAP = TRACK  # vertical space between items in a column: a line leaving a station keeps its height
STUB = 14.0  # horizontal run out of and into a column before a line changes height
LANE = 14.0  # distance between the detour lanes above the map
MARGIN = 24.0
FONT_SIZE = 12.0
LINE_HEIGHT = 14.0
CHAR_WIDTH = 0.62 * FONT_SIZE  # a generous average advance, so estimated label boxes hold the drawn text
WRAP = 18  # characters per label line when words are joined
LONGEST = 26  # a longer word is broken, with a hyphen
MAX_LABEL_LINES = 3
ORDER_SWEEPS = 4


@dataclass(frozen=True)
class StationIn:
    key: str
    label: str
    phase: int = 1


@dataclass(frozen=True)
class LineIn:
    key: str
    name: str
    stations: Sequence[str]  # station keys in the order the line visits them


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: "Box") -> bool:
        return (
            self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom
        )


@dataclass(frozen=True)
class StationOut:
    key: str
    x: float
    top: float  # centre of the marker's uppermost track
    bottom: float  # centre of its lowest track
    lines: tuple[str, ...]  # the lines stopping here, top to bottom
    label_lines: tuple[str, ...]
    label_box: Box

    @property
    def marker(self) -> Box:
        return Box(self.x - MARKER, self.top - MARKER, self.x + MARKER, self.bottom + MARKER)


@dataclass(frozen=True)
class Conflict:
    line: str
    from_station: str
    to_station: str  # the line goes from_station → to_station, against the order the other lines give them


@dataclass(frozen=True)
class LineOut:
    key: str
    points: tuple[tuple[float, float], ...]  # the polyline through all its stations, octilinear


@dataclass
class MapLayout:
    stations: dict[str, StationOut]
    lines: dict[str, LineOut]
    width: float
    height: float
    conflicts: list[Conflict] = field(default_factory=list)


def wrap_label(label: str) -> tuple[str, ...]:
    """The label in at most MAX_LABEL_LINES lines: words joined up to WRAP characters, a word of up to LONGEST
    characters whole on its own line, a longer one broken with a hyphen."""
    words, lines, current = label.split(), [], ""
    for word in words:
        while len(word) > LONGEST:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[: LONGEST - 1] + "-")
            word = word[LONGEST - 1 :]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= WRAP:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > MAX_LABEL_LINES:
        lines = [*lines[: MAX_LABEL_LINES - 1], _shorten(" ".join(lines[MAX_LABEL_LINES - 1 :]))]
    return tuple(lines) or ("",)


def _shorten(text: str) -> str:
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"


def label_width(lines: Sequence[str]) -> float:
    return max((len(line) for line in lines), default=0) * CHAR_WIDTH


# 1. Columns ----------------------------------------------------------------------------------------------------------


def _visits(lines: Sequence[LineIn]) -> dict[str, list[str]]:
    """Each line's stations without immediate repeats."""
    visits = {}
    for line in lines:
        stops = []
        for key in line.stations:
            if not stops or stops[-1] != key:
                stops.append(key)
        visits[line.key] = stops
    return visits


def _components(nodes: list[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components (Tarjan, iterative), each in input order."""
    index, low, on_stack, stack, result, counter = {}, {}, set(), [], [], 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = edges.get(node, [])
            if child < len(successors):
                work.append((node, child + 1))
                nxt = successors[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                result.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    order = {key: i for i, key in enumerate(nodes)}
    return [sorted(c, key=order.__getitem__) for c in result]


def _station_order(keys: list[str], visits: dict[str, list[str]]) -> tuple[dict[str, int], list[Conflict]]:
    """A rank per station such that lines run left to right wherever their orders agree, and the conflicts where
    they do not."""
    edges: dict[str, list[str]] = defaultdict(list)
    for stops in visits.values():
        for a, b in itertools.pairwise(stops):
            if b not in edges[a]:
                edges[a].append(b)
    position: dict[str, list[float]] = defaultdict(list)
    for stops in visits.values():
        for i, key in enumerate(stops):
            position[key].append(i / max(1, len(stops) - 1))
    component_of = {}
    for number, component in enumerate(_components(keys, edges)):
        for key in component:
            component_of[key] = number
    input_order = {key: i for i, key in enumerate(keys)}

    def tie(key):  # inside a cycle: by average relative position in the lines, then input order
        return (sum(position[key]) / len(position[key]) if position[key] else 0.0, input_order[key])

    forward: dict[str, list[str]] = defaultdict(list)
    conflicts = []
    for line_key, stops in visits.items():
        for a, b in itertools.pairwise(stops):
            if component_of[a] != component_of[b] or tie(a) < tie(b):
                if b not in forward[a]:
                    forward[a].append(b)
            else:
                conflicts.append(Conflict(line_key, a, b))
    rank = _longest_path(keys, forward)
    return rank, conflicts


def _longest_path(keys: list[str], forward: dict[str, list[str]]) -> dict[str, int]:
    indegree = dict.fromkeys(keys, 0)
    for targets in forward.values():
        for target in targets:
            indegree[target] += 1
    rank = dict.fromkeys(keys, 0)
    ready = [key for key in keys if indegree[key] == 0]
    while ready:
        key = ready.pop(0)
        for target in forward.get(key, []):
            rank[target] = max(rank[target], rank[key] + 1)
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return rank


# 2. Tracks -----------------------------------------------------------------------------------------------------------


@dataclass
class _Token:
    """One line at one column: stopping at a station there, or passing."""

    line: str
    column: int
    station: str | None
    before: "_Token | None" = None  # the same line's token in the previous column, when it came from there
    y: float = 0.0
    also_from: list["_Token"] = field(default_factory=list)  # further arrivals from the previous column (a loop)


@dataclass
class _Item:
    column: int
    tokens: list[_Token]
    station: str | None = None
    label_lines: tuple[str, ...] = ()
    order_key: float = 0.0
    top: float = 0.0

    @property
    def height(self) -> float:
        tracks = (len(self.tokens) - 1) * TRACK
        if self.station is None:
            return tracks
        return tracks + MARKER + 4 + len(self.label_lines) * LINE_HEIGHT


def _tokens(visits, rank, conflicts) -> tuple[list[_Token], dict[str, list[_Token]], set[int]]:
    """The tokens of every line; each line's path through them in visit order (a station visited twice is one
    token, met twice); and the stop tokens reached by a detour over the top of the map."""
    detour_edges = {(c.line, c.from_station, c.to_station) for c in conflicts}
    tokens, paths, detoured = [], {}, set()
    for line_key, stops in visits.items():
        path, stop_of = [], {}
        for i, key in enumerate(stops):
            stop = stop_of.get(key)
            if stop is None:
                stop = stop_of[key] = _Token(line_key, rank[key], key)
                tokens.append(stop)
            if not path:
                path.append(stop)
                continue
            previous = path[-1]
            if (line_key, stops[i - 1], key) in detour_edges:
                detoured.add(id(stop))
            else:
                last = previous
                for between in range(previous.column + 1, stop.column):
                    passing = _Token(line_key, between, None, before=last)
                    tokens.append(passing)
                    path.append(passing)
                    last = passing
                if stop.before is None:
                    stop.before = last
                elif stop.before is not last:
                    stop.also_from.append(last)
            path.append(stop)
        paths[line_key] = path
    return tokens, paths, detoured


def _items(tokens: list[_Token], labels: dict[str, tuple[str, ...]], line_order: dict[str, int]) -> list[list[_Item]]:
    columns = max((t.column for t in tokens), default=-1) + 1
    by_column: list[list[_Item]] = [[] for _ in range(columns)]
    stations: dict[tuple[int, str], _Item] = {}
    for token in tokens:
        if token.station is None:
            by_column[token.column].append(_Item(token.column, [token]))
            continue
        place = (token.column, token.station)
        if place not in stations:
            stations[place] = _Item(token.column, [], token.station, labels[token.station])
            by_column[token.column].append(stations[place])
        stations[place].tokens.append(token)
    for items in by_column:
        for item in items:
            item.tokens.sort(key=lambda t: line_order[t.line])
        items.sort(key=lambda item: (min(line_order[t.line] for t in item.tokens), item.station is None))
    return by_column


def _order_columns(by_column: list[list[_Item]], line_order: dict[str, int]) -> None:
    """Order each column's items (and a station's tracks) by where their lines are in the neighbouring column."""
    for _sweep in range(ORDER_SWEEPS):
        _number_positions(by_column)
        for items in by_column[1:]:
            for item in items:
                for token in item.tokens:
                    token.y = token.before.y if token.before is not None else token.y
                item.tokens.sort(key=lambda t: (t.y, line_order[t.line]))
                item.order_key = sum(t.y for t in item.tokens) / len(item.tokens)
            items.sort(key=lambda item: item.order_key)
            _renumber(items)


def _number_positions(by_column: list[list[_Item]]) -> None:
    for items in by_column:
        _renumber(items)


def _renumber(items: list[_Item]) -> None:
    position = 0
    for item in items:
        for token in item.tokens:
            token.y = position
            position += 1


def _place_columns(by_column: list[list[_Item]]) -> None:
    """Heights: items stacked in order without overlap, each as near as it can to where its lines arrived."""
    for items in by_column:
        bottom = -GAP  # the first item may start at the top, 0; no item ever goes above it
        for item in items:
            wanted = sorted(t.before.y - i * TRACK for i, t in enumerate(item.tokens) if t.before is not None)
            desired = wanted[len(wanted) // 2] if wanted else 0.0
            item.top = max(desired, bottom + GAP, 0.0)
            for i, token in enumerate(item.tokens):
                token.y = item.top + i * TRACK
            bottom = item.top + item.height


# 3. Gaps and drawing -------------------------------------------------------------------------------------------------


def _half_width(items: list[_Item]) -> float:
    widths = [label_width(item.label_lines) / 2 for item in items if item.station is not None]
    return max([MARKER, *widths])


def layout(stations: Sequence[StationIn], lines: Sequence[LineIn]) -> MapLayout:
    """Lay out the map of `lines` over `stations`. Stations no line visits are left out; an unknown station key in a
    line is an error."""
    known = {s.key: s for s in stations}
    for line in lines:
        missing = [key for key in line.stations if key not in known]
        if missing:
            raise ValueError(f"line {line.key} visits unknown stations {missing}")
    visits = _visits(lines)
    used = [s.key for s in stations if any(s.key in stops for stops in visits.values())]
    rank, conflicts = _station_order(used, visits)
    line_order = {line.key: i for i, line in enumerate(lines)}
    labels = {key: wrap_label(known[key].label) for key in used}
    tokens, paths, detoured = _tokens(visits, rank, conflicts)
    by_column = _items(tokens, labels, line_order)
    _order_columns(by_column, line_order)
    _place_columns(by_column)

    top = min((item.top for items in by_column for item in items), default=0.0)
    shift = MARGIN + MARKER + LANE * len(detoured) - top
    for token in tokens:
        token.y += shift
    half = [_half_width(items) for items in by_column]
    xs, x = [], MARGIN
    for column, items in enumerate(by_column):
        if column == 0:
            x += half[0] + STUB
        else:
            climb = max((abs(t.y - b.y) for item in items for t in item.tokens for b in _arrivals(t)), default=0.0)
            x += half[column - 1] + STUB + climb + STUB + half[column]
        xs.append(x)

    placed: dict[str, StationOut] = {}
    for column, items in enumerate(by_column):
        for item in items:
            if item.station is None:
                continue
            first, last = item.tokens[0].y, item.tokens[-1].y
            width = label_width(item.label_lines)
            label_top = last + MARKER + 4
            placed[item.station] = StationOut(
                key=item.station, x=xs[column], top=first, bottom=last,
                lines=tuple(t.line for t in item.tokens), label_lines=item.label_lines,
                label_box=Box(xs[column] - width / 2, label_top, xs[column] + width / 2,
                              label_top + len(item.label_lines) * LINE_HEIGHT),
            )  # fmt: skip

    lane_of = {}
    for line_key, path in paths.items():
        for token in path:
            if id(token) in detoured and (line_key, id(token)) not in lane_of:
                lane_of[(line_key, id(token))] = MARGIN + LANE * len(lane_of)
    out_lines = {}
    for line in lines:
        path = paths[line.key]
        points = [(xs[path[0].column], path[0].y)]
        for previous, token in itertools.pairwise(path):
            (px, py), x, y = points[-1], xs[token.column], token.y
            out_x = px + half[previous.column] + STUB
            if any(b is previous for b in _arrivals(token)):
                points += [(out_x, py), (out_x + abs(y - py), y), (x, y)]
            else:  # a detour: up in the gap after, along its lane, down in the gap before
                lane = lane_of[(line.key, id(token))]
                in_x = x - half[token.column] - STUB
                points += [(out_x, py), (out_x, lane), (in_x, lane), (in_x, y), (x, y)]
        out_lines[line.key] = LineOut(line.key, _simplify(points))
    width = (xs[-1] + half[-1] + MARGIN) if xs else 2 * MARGIN
    bottom = max([box.label_box.bottom for box in placed.values()] + [t.y for t in tokens] + [0.0])
    return MapLayout(placed, out_lines, width, bottom + MARGIN, conflicts)


def _arrivals(token: _Token) -> list[_Token]:
    return [token.before, *token.also_from] if token.before is not None else []


def _simplify(points: list[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """Without repeated points and without points in the middle of a straight run."""
    kept: list[tuple[float, float]] = []
    for point in points:
        if kept and math.isclose(kept[-1][0], point[0]) and math.isclose(kept[-1][1], point[1]):
            continue
        if len(kept) >= 2 and _direction(kept[-2], kept[-1]) == _direction(kept[-1], point):
            kept[-1] = point
            continue
        kept.append(point)
    return tuple(kept)


def _direction(a: tuple[float, float], b: tuple[float, float]) -> tuple[int, int]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    return (0 if math.isclose(dx, 0, abs_tol=1e-9) else (1 if dx > 0 else -1),
            0 if math.isclose(dy, 0, abs_tol=1e-9) else (1 if dy > 0 else -1))  # fmt: skip
