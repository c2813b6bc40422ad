"""Ed25519 keys as the credentials name them: did:key identifiers and Multikey public keys. Pure module.

A did:key for Ed25519 is ``did:key:`` + multibase base58btc of the multicodec prefix 0xed 0x01 followed by the 32
bytes of the public key; its single verification method is the same value after a '#'. The Multikey secret key form
uses the prefix 0x80 0x26.
"""

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from mhw.credentials import multibase

PUBLIC_PREFIX = b"\xed\x01"
SECRET_PREFIX = b"\x80\x26"


def new_secret() -> bytes:
    """32 random bytes: a new Ed25519 private key (seed)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def public_bytes(secret: bytes) -> bytes:
    return (
        Ed25519PrivateKey.from_private_bytes(secret)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def public_multikey(public: bytes) -> str:
    """The Multikey form of a public key: 'z6Mk…'."""
    if len(public) != 32:
        raise ValueError("an Ed25519 public key has 32 bytes")
    return multibase.encode(PUBLIC_PREFIX + public)


def public_from_multikey(value: str) -> bytes:
    raw = multibase.decode(value)
    if not raw.startswith(PUBLIC_PREFIX) or len(raw) != 34:
        raise ValueError("not an Ed25519 public key in Multikey form")
    return raw[2:]


def secret_from_multikey(value: str) -> bytes:
    """The 32-byte seed of a Multikey secret key (some publish the seed followed by the public key: 64 bytes)."""
    raw = multibase.decode(value)
    if not raw.startswith(SECRET_PREFIX) or len(raw) not in (34, 66):
        raise ValueError("not an Ed25519 secret key in Multikey form")
    return raw[2:34]


def verification_method(public: bytes) -> str:
    """The did:key verification method URL: the DID, '#', and the Multikey again."""
    multikey = public_multikey(public)
    return f"did:key:{multikey}#{multikey}"


def public_from_verification_method(url: str) -> bytes:
    """The public key a did:key verification method names; a verifier needs nothing else."""
    if not url.startswith("did:key:"):
        raise ValueError("only did:key verification methods can be resolved offline")
    did, _, fragment = url.partition("#")
    multikey = did.removeprefix("did:key:")
    if fragment and fragment != multikey:
        raise ValueError("the fragment of a did:key verification method repeats the key")
    return public_from_multikey(multikey)


def sign(secret: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(secret).sign(message)


def verify(public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
