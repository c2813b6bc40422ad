"""Hypothesis strategies for broken files, made from a valid file by the damage real uploads suffer: a cell with
something else in it, a line lost or doubled, a file cut short, stray bytes, another text encoding. Structured
damage reaches much deeper into a parser than random bytes, which mostly fail at the first check."""

import csv
import io

from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

cell_values = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "0", "-1", "99999999999", "1.5", "ja", "nee", "2027-02-30", "KO99999:9", "x;y;z",
                     '"', "\n", "=1+1", "\x00"]),
)  # fmt: skip


def _csv_rows(valid: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(valid.decode("utf-8-sig"))))


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


@st.composite
def damaged_csv(draw, valid: bytes) -> bytes:
    rows = _csv_rows(valid)
    for _ in range(draw(st.integers(1, 3))):
        damage = draw(st.sampled_from(["cell", "drop_line", "double_line", "drop_column", "short_row"]))
        if not rows:
            break
        line = draw(st.integers(0, len(rows) - 1))
        if damage == "cell" and rows[line]:
            rows[line][draw(st.integers(0, len(rows[line]) - 1))] = draw(cell_values)
        elif damage == "drop_line":
            del rows[line]
        elif damage == "double_line":
            rows.insert(line, list(rows[line]))
        elif damage == "drop_column" and rows[0]:
            column = draw(st.integers(0, len(rows[0]) - 1))
            rows = [row[:column] + row[column + 1 :] for row in rows]
        elif damage == "short_row":
            rows[line] = rows[line][: draw(st.integers(0, len(rows[line])))]
    raw = _csv_bytes(rows)
    return draw(damaged_bytes(raw)) if draw(st.booleans()) else raw


@st.composite
def damaged_bytes(draw, valid: bytes) -> bytes:
    damage = draw(st.sampled_from(["cut", "stray", "encoding"]))
    if damage == "cut":
        return valid[: draw(st.integers(0, len(valid)))]
    if damage == "stray":
        at = draw(st.integers(0, len(valid)))
        return valid[:at] + draw(st.binary(min_size=1, max_size=8)) + valid[at:]
    try:
        return valid.decode("utf-8-sig").encode(draw(st.sampled_from(["utf-16", "latin-1", "cp1252"])))
    except UnicodeEncodeError:
        return valid[::-1]


@st.composite
def damaged_xlsx(draw, valid: bytes) -> bytes:
    sheet = load_workbook(io.BytesIO(valid)).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    for _ in range(draw(st.integers(1, 3))):
        line = draw(st.integers(0, len(rows) - 1))
        if rows[line]:
            rows[line][draw(st.integers(0, len(rows[line]) - 1))] = draw(
                st.one_of(st.none(), st.integers(-5, 10**6), st.floats(allow_nan=False, width=32), cell_values)
            )
    workbook = Workbook()
    target = workbook.active
    target.title = sheet.title
    for row in rows:
        target.append(["".join(c for c in v if c >= " ") if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
