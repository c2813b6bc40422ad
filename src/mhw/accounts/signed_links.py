"""Links that act on one record without a login, such as cancelling a registration from the confirmation e-mail:
the record's number, signed with the site's secret for one purpose (the salt), valid for a year."""

from django.core import signing

VALID_SECONDS = 60 * 60 * 24 * 365


def link_token(salt: str, pk: int) -> str:
    return signing.dumps({"pk": pk}, salt=salt)


def pk_of(salt: str, token: str) -> int | None:
    """The record number a token was made for, or None when it was changed, made for another purpose or expired."""
    try:
        data = signing.loads(token, salt=salt, max_age=VALID_SECONDS)
    except signing.BadSignature:
        return None
    pk = data.get("pk") if isinstance(data, dict) else None
    return pk if isinstance(pk, int) else None
