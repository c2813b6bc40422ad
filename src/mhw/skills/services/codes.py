"""Generated codes (ULO0001, RO001, VO001, KO001): unique, handed out under a row lock, never typed by hand."""

from django.db import transaction

from mhw.skills.models import CodeCounter

WIDTHS = {"ULO": 4, "RO": 3, "VO": 3, "KO": 3}


@transaction.atomic
def next_code(prefix: str) -> str:
    """The next unused code for `prefix`. Concurrent callers queue on the counter row, so no code is given twice."""
    CodeCounter.objects.get_or_create(prefix=prefix)
    counter = CodeCounter.objects.select_for_update().get(prefix=prefix)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{prefix}{counter.last:0{WIDTHS[prefix]}d}"
