"""The stored semantic index: one sentence vector per text of the catalogue and of ESCO, per language."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexedText(models.Model):
    """A text the semantic search looks through, with its vector (512 float32 numbers) and a digest of the text, so
    the index only encodes again what changed."""

    class Source(models.TextChoices):
        ULO = "ulo", _("Learning outcome")
        ITEM = "item", _("Learning outcome item")
        ESCO_SKILL = "esco_skill", _("ESCO skill")
        ESCO_OCCUPATION = "esco_occupation", _("ESCO occupation")

    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    object_id = models.PositiveIntegerField(_("object"))
    language = models.CharField(_("language"), max_length=2)
    text = models.TextField(_("text"))
    digest = models.CharField(max_length=64)
    vector = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "object_id", "language"], name="indexed_text_once_per_language")
        ]
        verbose_name = _("indexed text")
        verbose_name_plural = _("indexed texts")

    def __str__(self) -> str:
        return f"{self.source} {self.object_id} ({self.language}): {self.text[:60]}"


class IndexState(models.Model):
    """What the catalogue and ESCO looked like when the index was last brought up to date (one row)."""

    stamp = models.CharField(max_length=200)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.stamp
