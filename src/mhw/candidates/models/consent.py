"""Consent under the AVG/GDPR: versioned consent texts, and each candidate's consent with scope and time."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class ConsentScope(models.TextChoices):
    PROGRAMME = "programme", _("Processing my data for the Make Hydrogen Work route")
    SHARE_WITH_COMPANIES = "share_with_companies", _("Showing my profile to companies I am matched with")
    SHARE_WITH_REGISTERS = "share_with_registers", _("Sending my credentials to the registers my campus works with")
    KEEP_AFTER_REJECTION = "keep_after_rejection", _("Keeping my data for a year if I am not selected now")


class ConsentText(models.Model):
    """The text a person agrees to. Never edited once in use: a change is a new version."""

    scope = models.CharField(_("scope"), max_length=30, choices=ConsentScope.choices)
    version = models.PositiveIntegerField(_("version"))
    text_nl = models.TextField(_("text (Dutch)"))
    text_en = models.TextField(_("text (English)"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)

    class Meta:
        ordering = ["scope", "-version"]
        constraints = [models.UniqueConstraint(fields=["scope", "version"], name="consent_text_version_unique")]

    def __str__(self) -> str:
        return f"{self.get_scope_display()} v{self.version}"

    @property
    def text(self) -> str:
        return self.text_en if get_language() == "en" else self.text_nl

    @classmethod
    def current(cls, scope: str) -> "ConsentText | None":
        return cls.objects.filter(scope=scope).order_by("-version").first()


class Consent(models.Model):
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="consents")
    text = models.ForeignKey(ConsentText, on_delete=models.PROTECT, related_name="consents")
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]
        constraints = [
            # One consent in force per candidate and text; giving it again after withdrawal makes a new row.
            models.UniqueConstraint(
                fields=["candidate", "text"], condition=Q(withdrawn_at__isnull=True), name="consent_one_in_force"
            )
        ]

    def __str__(self) -> str:
        return f"{self.candidate} — {self.text}"

    @property
    def in_force(self) -> bool:
        return self.withdrawn_at is None
