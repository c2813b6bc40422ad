"""iCalendar (RFC 5545) files for events, so a sign-up lands in the participant's own calendar.

Pure module: text is escaped, lines are folded at 75 octets, times are written in UTC, lines end in CRLF.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""
    cancelled: bool = False


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "")
    )


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never splitting a UTF-8 character."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    pieces, current = [], b""
    limit = 75
    for char in line:
        size = len(char.encode())
        if len(current) + size > limit:
            pieces.append(current.decode())
            current = b""
            limit = 74  # continuation lines start with a space
        current += char.encode()
    pieces.append(current.decode())
    return "\r\n ".join(pieces)


def _utc(moment: datetime.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("event times must carry a time zone")
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(event: CalendarEvent, *, stamp: datetime.datetime, product: str = "-//Make Hydrogen Work//NL") -> bytes:
    """A VCALENDAR with one VEVENT (METHOD:REQUEST, or CANCEL when the event is cancelled)."""
    if event.ends_at <= event.starts_at:
        raise ValueError("an event ends after it starts")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{product}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if event.cancelled else 'REQUEST'}",
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(event.starts_at)}",
        f"DTEND:{_utc(event.ends_at)}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines += [f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}", "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()
