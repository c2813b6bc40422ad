"""Multibase base58btc ('z' + Bitcoin's base-58 alphabet), the encoding of Ed25519 keys in did:key and of Data
Integrity signatures. Pure module."""

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {c: i for i, c in enumerate(ALPHABET)}


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(ALPHABET[remainder])
    zeros = len(data) - len(data.lstrip(b"\0"))  # each leading zero byte is written as a leading '1'
    return "1" * zeros + "".join(reversed(digits))


def b58decode(text: str) -> bytes:
    number = 0
    for character in text:
        if character not in _INDEX:
            raise ValueError(f"{character!r} is not a base-58 character")
        number = number * 58 + _INDEX[character]
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    zeros = len(text) - len(text.lstrip("1"))
    return b"\0" * zeros + body


def encode(data: bytes) -> str:
    """Multibase base58btc: 'z' then base-58."""
    return "z" + b58encode(data)


def decode(text: str) -> bytes:
    if not text.startswith("z"):
        raise ValueError("only multibase base58btc ('z…') is supported")
    return b58decode(text[1:])
