"""Bitstring Status Lists (W3C): one bit per issued credential, set when it is revoked (or suspended), published as a
signed credential that any verifier can read. Pure module.

The list is at least 131,072 bits (16 KiB) so that a verifier reading it learns nothing about which credential it
checks; bit 0 is the leftmost bit of the first byte; the bytes are GZIP-compressed and written as multibase base64url
without padding ('u').
"""

import base64
import gzip

MINIMUM_BITS = 131_072


def encode(indexes: set[int], size: int = MINIMUM_BITS) -> str:
    size = max(size, MINIMUM_BITS, max(indexes, default=0) + 1)
    bits = bytearray((size + 7) // 8)
    for index in indexes:
        if index < 0:
            raise ValueError("status list indexes are not negative")
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def is_set(encoded: str, index: int) -> bool:
    if not encoded.startswith("u"):
        raise ValueError("the list is not multibase base64url")
    body = encoded[1:]
    bits = gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    if not 0 <= index < len(bits) * 8:
        raise ValueError("the index lies outside the list")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def status_list_document(*, url: str, issuer: str, purpose: str, indexes: set[int], valid_from: str) -> dict:
    """The unsigned BitstringStatusListCredential for one purpose."""
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": valid_from,
        "credentialSubject": {
            "id": f"{url}#list", "type": "BitstringStatusList", "statusPurpose": purpose,
            "encodedList": encode(indexes),
        },
    }  # fmt: skip
