"""Use cases of the accounts app: one function per thing a user does. Each owns its transaction and audit line."""

from django.db import transaction
from django.utils import timezone

from mhw.accounts.audit import record_event
from mhw.accounts.concurrency import save_versioned
from mhw.accounts.models import ApiToken, User
from mhw.accounts.tokens import new_token_secret, token_hash


@transaction.atomic
def update_profile(user: User, *, full_name: str, language: str, expected_version: int) -> User:
    """The user changes their own name and language. Refused if the profile changed since it was opened."""
    changed = [
        name for name, value in (("full_name", full_name), ("language", language)) if getattr(user, name) != value
    ]
    user.full_name = full_name
    user.language = language
    save_versioned(user, ["full_name", "language"], expected_version)
    record_event(user, "user.profile_updated", user, details={"fields": changed})
    return user


@transaction.atomic
def create_api_token(user: User, *, name: str) -> tuple[ApiToken, str]:
    """Make a personal API token. Returns the row and the raw token, which is never shown again."""
    prefix, raw = new_token_secret()
    token = ApiToken.objects.create(user=user, name=name, prefix=prefix, key_hash=token_hash(raw))
    record_event(user, "api_token.created", token, details={"prefix": prefix})
    return token, raw


@transaction.atomic
def revoke_api_token(user: User, token: ApiToken) -> ApiToken:
    """Revoke one of the user's own tokens. Revoking twice is harmless and recorded once."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk, user=user)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_event(user, "api_token.revoked", token, details={"prefix": token.prefix})
    return token
