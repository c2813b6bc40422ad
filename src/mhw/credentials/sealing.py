"""Issuer secret keys at rest: sealed with a key derived from a passphrase the database does not hold (Fernet:
AES-128-CBC with HMAC-SHA256). Pure module."""

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


class SealBroken(ValueError):
    """The sealed secret was changed, or the passphrase is not the one it was sealed with."""


def _fernet(passphrase: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"mhw issuer keys").derive(passphrase.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def seal(secret: bytes, passphrase: str) -> bytes:
    return _fernet(passphrase).encrypt(secret)


def unseal(sealed: bytes, passphrase: str) -> bytes:
    try:
        return _fernet(passphrase).decrypt(bytes(sealed))
    except InvalidToken as error:
        raise SealBroken("the issuer key cannot be unsealed with this passphrase") from error
