import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mhw.recruitment.ics import CalendarEvent, calendar, escape_text, fold

AMS = datetime.timezone(datetime.timedelta(hours=1))
START = datetime.datetime(2027, 1, 12, 19, 0, tzinfo=AMS)


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


@given(summary=st.text(min_size=1, max_size=300), location=st.text(max_size=200))
def test_lines_are_folded_to_75_octets_and_unfold_to_the_escaped_value(summary, location):
    body = calendar(
        CalendarEvent("e1@mhw", START, START + datetime.timedelta(hours=2), summary, location),
        stamp=START,
    ).decode()
    assert body.endswith("\r\n")
    for line in body.split("\r\n"):
        assert len(line.encode()) <= 75
    lines = _unfold(body)
    assert f"SUMMARY:{escape_text(summary)}" in lines


@given(text=st.text(max_size=400))
def test_folding_never_splits_a_character(text):
    folded = fold("DESCRIPTION:" + text)
    assert folded.replace("\r\n ", "") == "DESCRIPTION:" + text


def test_times_are_written_in_utc_and_a_cancellation_says_so():
    body = calendar(
        CalendarEvent("e2@mhw", START, START + datetime.timedelta(hours=2), "Informatiesessie", cancelled=True),
        stamp=START,
    ).decode()
    assert "DTSTART:20270112T180000Z" in body
    assert "METHOD:CANCEL" in body
    assert "STATUS:CANCELLED" in body


def test_escaping_of_special_characters():
    assert escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


@pytest.mark.parametrize("ends", [START, START - datetime.timedelta(minutes=1)])
def test_an_event_must_end_after_it_starts(ends):
    with pytest.raises(ValueError, match="ends after"):
        calendar(CalendarEvent("x", START, ends, "x"), stamp=START)
