"""Demand per role and region over time: the places asked by vacancies, summed per role, per region, per month.
Pure module."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Asked:
    role: str
    region: str
    posted_on: datetime.date
    number: int


def months_back(until: datetime.date, count: int) -> list[datetime.date]:
    """The first days of the `count` months up to and including the month of `until`, oldest first."""
    year, month = until.year, until.month
    firsts = []
    for _ in range(count):
        firsts.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return firsts[::-1]


def per_month(asked: Iterable[Asked], months: list[datetime.date], key) -> dict[str, list[int]]:
    """For each value of `key(asked)` (a role, a region), the places asked in each of `months`; rows with none in
    the period are left out."""
    index = {(m.year, m.month): i for i, m in enumerate(months)}
    table: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    for row in asked:
        position = index.get((row.posted_on.year, row.posted_on.month))
        if position is not None:
            table[key(row)][position] += row.number
    return dict(sorted(table.items(), key=lambda item: (-sum(item[1]), item[0])))
