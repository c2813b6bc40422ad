"""Credentials as VC-JWT (W3C "Securing Verifiable Credentials using JOSE and COSE"): the credential without its
Data Integrity proof as the payload of a compact JWS signed with EdDSA (Ed25519), the key named by ``kid``. Pure
module."""

import base64
import json

from mhw.credentials import keys
from mhw.credentials.signing import ProofCheck, Resolver

HEADER_TYPE = "vc+jwt"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode(document: dict, secret: bytes, *, kid: str) -> str:
    """The compact JWS of the credential (any Data Integrity proof left out: the JWS secures it)."""
    payload = {key: value for key, value in document.items() if key != "proof"}
    header = {"alg": "EdDSA", "kid": kid, "typ": HEADER_TYPE, "cty": "vc"}
    signing_input = (
        _b64(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + _b64(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode())
    )
    return signing_input + "." + _b64(keys.sign(secret, signing_input.encode()))


def looks_like_jwt(text: str) -> bool:
    return text.count(".") == 2 and not text.lstrip().startswith("{")


def decode(token: str, resolve: Resolver = keys.public_from_verification_method) -> tuple[dict, ProofCheck]:
    """The credential in the token, and whether its signature holds for the key its header names (found by
    `resolve`, as in `signing.verify`)."""
    try:
        header_part, payload_part, signature_part = token.strip().split(".")
        header = json.loads(_unb64(header_part))
        document = json.loads(_unb64(payload_part))
        signature = _unb64(signature_part)
    except ValueError:
        return {}, ProofCheck(False, "malformed")
    if not isinstance(header, dict) or not isinstance(document, dict):
        return {}, ProofCheck(False, "malformed")
    if header.get("alg") != "EdDSA":
        return document, ProofCheck(False, "unsupported_proof")
    kid = str(header.get("kid", ""))
    try:
        public = resolve(kid)
    except ValueError:
        return document, ProofCheck(False, "unknown_key", kid)
    if not keys.verify(public, signature, f"{header_part}.{payload_part}".encode()):
        return document, ProofCheck(False, "bad_signature", kid)
    return document, ProofCheck(True, "", kid)
