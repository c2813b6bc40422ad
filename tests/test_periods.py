"""A period of whole days on a datetime column selects what the `__date` lookups select, from an index."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from mhw.candidates.models import PipelineEvent
from mhw.periods import start_of, within_days
from tests.factories import CandidateFactory, UserFactory

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2040, 12, 31))


@given(
    first=days,
    length=st.integers(min_value=0, max_value=10),
    day=st.integers(min_value=-2, max_value=12),
    minute=st.integers(min_value=0, max_value=24 * 60 - 1),
)
def test_a_moment_is_within_the_days_exactly_when_its_local_day_is(first, length, day, minute):
    # Moments on the days around and in the period, to the minute in UTC: local midnight is 22:00 or 23:00 UTC.
    last = first + datetime.timedelta(days=length)
    at = datetime.datetime.combine(first + datetime.timedelta(days=day), datetime.time.min, datetime.UTC)
    at += datetime.timedelta(minutes=minute)
    local_day = timezone.localtime(at).date()
    assert (start_of(first) <= at < start_of(last + datetime.timedelta(days=1))) == (first <= local_day <= last)


def test_the_start_of_a_day_is_local_midnight_also_when_the_clocks_change():
    for day in (datetime.date(2026, 3, 29), datetime.date(2026, 10, 25), datetime.date(2026, 7, 1)):
        moment = start_of(day).astimezone(AMSTERDAM)
        assert (moment.date(), moment.time()) == (day, datetime.time.min)


@pytest.mark.django_db
def test_the_database_selects_the_rows_the_date_lookups_select():
    candidate, actor = CandidateFactory(), UserFactory()
    instants = []
    # Around midnight on ordinary days and on the days the clocks change, and around 2 a.m. when they do.
    changes = (datetime.date(2026, 3, 28), datetime.date(2026, 3, 29), datetime.date(2026, 10, 25))
    for day in (*changes, datetime.date(2026, 12, 31)):
        for hour, minute in ((0, 0), (0, 30), (1, 59), (12, 0), (23, 30), (23, 59)):
            instants.append(datetime.datetime.combine(day, datetime.time(hour, minute), AMSTERDAM))
    PipelineEvent.objects.bulk_create(
        PipelineEvent(candidate=candidate, actor=actor, action="register", from_stage="", to_stage="registered", at=at)
        for at in instants
    )
    bounds = [None, datetime.date.min, *changes, datetime.date(2026, 12, 31), datetime.date.max]
    for first in bounds:
        for last in bounds:
            by_date = PipelineEvent.objects.all()
            if first:
                by_date = by_date.filter(at__date__gte=first)
            if last:
                by_date = by_date.filter(at__date__lte=last)
            by_range = PipelineEvent.objects.filter(within_days("at", first, last))
            assert set(by_range.values_list("pk", flat=True)) == set(by_date.values_list("pk", flat=True)), (
                first,
                last,
            )
