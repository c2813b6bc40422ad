"""Waiting lists of events and metro-line sessions: when a place comes free, the first in line gets it."""


def move_up_first(waiting):
    """Give the freed place to the earliest registration in `waiting` (a queryset of waitlisted registrations with
    `registered_at` and `status`); it is returned, or None when nobody waits. Runs inside the caller's transaction."""
    first = waiting.select_for_update().order_by("registered_at", "id").first()
    if first is not None:
        first.status = "confirmed"
        first.save(update_fields=["status"])
    return first
