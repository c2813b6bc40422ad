"""Personal API tokens: made and revoked by their owner, stored as a SHA-256 hash, shown in clear only once.

A token looks like ``mhw_<prefix>_<secret>``; the prefix finds the row, the hash of the whole token proves it.
"""

import hashlib
import hmac
import secrets

from django.utils import timezone

from mhw.accounts.models import ApiToken

TOKEN_PREFIX = "mhw"


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_token_secret() -> tuple[str, str]:
    """A fresh (prefix, raw token) pair."""
    prefix = secrets.token_hex(6)
    return prefix, f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"


def user_for_token(raw: str):
    """The active user a raw token belongs to, or None for an unknown, revoked or malformed token."""
    parts = raw.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=parts[1], revoked_at__isnull=True).first()
    if token is None or not hmac.compare_digest(token.key_hash, token_hash(raw)) or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        # Written at most once a minute, so a busy client does not turn every read into a write.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
