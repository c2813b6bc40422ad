"""Data Integrity proofs with the cryptosuite ``eddsa-rdfc-2022`` (W3C vc-di-eddsa): how a credential is signed and
checked. Pure module; the canonical form comes from `canonical`.

To sign: the proof options (type, cryptosuite, created, verificationMethod, proofPurpose) are given the document's
``@context`` and canonicalised; so is the document without its proof. The Ed25519 signature covers
``sha256(canonical proof options) || sha256(canonical document)`` and is written as multibase base58btc in
``proofValue``. To verify: the same from the proof (without its value) and the document (without its proof).
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from mhw.credentials import keys, multibase
from mhw.credentials.canonical import UnknownContext
from mhw.credentials.fastcanon import canonical_nquads

CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_TYPE = "DataIntegrityProof"

# Finds the Ed25519 public key a verification method names; ValueError when it cannot.
Resolver = Callable[[str], bytes]


@dataclass(frozen=True)
class ProofCheck:
    """The outcome of checking one proof, with the reason when it fails."""

    valid: bool
    problem: str = ""  # no_proof | unsupported_proof | unknown_key | unknown_context | malformed | bad_signature
    verification_method: str = ""


def _hash_data(document: dict, proof_options: dict) -> bytes:
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    options = {**proof_options, "@context": document.get("@context")}
    options.pop("proofValue", None)
    proof_hash = hashlib.sha256(canonical_nquads(options).encode()).digest()
    document_hash = hashlib.sha256(canonical_nquads(unsigned).encode()).digest()
    return proof_hash + document_hash


def sign(document: dict, secret: bytes, *, verification_method: str, created: str,
         proof_purpose: str = "assertionMethod") -> dict:  # fmt: skip
    """`document` with a Data Integrity proof added (the input is left unchanged)."""
    options = {
        "type": PROOF_TYPE, "cryptosuite": CRYPTOSUITE, "created": created,
        "verificationMethod": verification_method, "proofPurpose": proof_purpose,
    }  # fmt: skip
    signature = keys.sign(secret, _hash_data(document, options))
    return {**document, "proof": {**options, "proofValue": multibase.encode(signature)}}


def verify(document: dict, resolve: Resolver = keys.public_from_verification_method) -> ProofCheck:
    """Check the document's proofs (one, or a set: each must hold) with the keys their verification methods name:
    `resolve` finds the public key of a method (by default did:key only, which needs nothing but the method)."""
    proofs = document.get("proof")
    proofs = proofs if isinstance(proofs, list) else [proofs]
    if not proofs or not all(isinstance(proof, dict) for proof in proofs):
        return ProofCheck(False, "no_proof")
    for proof in proofs:
        check = _verify_one(document, proof, resolve)
        if not check.valid:
            return check
    return check


def _verify_one(document: dict, proof: dict, resolve: Resolver) -> ProofCheck:
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        return ProofCheck(False, "unsupported_proof")
    method = str(proof.get("verificationMethod", ""))
    try:
        public = resolve(method)
    except ValueError:
        return ProofCheck(False, "unknown_key", method)
    try:
        signature = multibase.decode(str(proof.get("proofValue", "")))
        message = _hash_data(document, proof)
    except UnknownContext:
        return ProofCheck(False, "unknown_context", method)
    except ValueError:  # not base-58, or not JSON-LD
        return ProofCheck(False, "malformed", method)
    if not keys.verify(public, signature, message):
        return ProofCheck(False, "bad_signature", method)
    return ProofCheck(True, "", method)
