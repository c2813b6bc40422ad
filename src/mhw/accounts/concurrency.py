"""Optimistic concurrency: a record carries a version number; a save names the version it was edited from.

If someone else saved in between, the save is refused with ConcurrentEditError instead of overwriting their work.
"""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class ConcurrentEditError(Exception):
    """The record was changed by someone else after the user opened it."""

    message = _("This record was changed by someone else after you opened it. Reload it and make your change again.")

    def __str__(self) -> str:
        return str(self.message)


def save_versioned(obj: models.Model, fields: list[str], expected_version: int, counter: str = "version") -> None:
    """Write `fields` of `obj` only if its stored `counter` is still `expected_version`, and bump the counter."""
    # _meta.model, not type(obj): request.user is a lazy proxy whose type is not the model.
    manager = obj._meta.model._default_manager
    updated = manager.filter(pk=obj.pk, **{counter: expected_version}).update(
        **{counter: F(counter) + 1}, **{name: getattr(obj, name) for name in fields}
    )
    if updated != 1:
        raise ConcurrentEditError()
    setattr(obj, counter, expected_version + 1)
