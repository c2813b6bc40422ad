"""eddsa-rdfc-2022 Data Integrity proofs against the published test vectors, and tampering detected."""

import copy
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mhw.credentials import keys, multibase, signing
from mhw.credentials.canonical import UnknownContext, canonical_nquads

VECTORS = Path(__file__).with_name("vectors")


def _read(vector: str, name: str):
    text = (VECTORS / vector / name).read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else text


def test_the_w3c_vector_is_reproduced_step_by_step():
    unsigned = _read("w3c-eddsa-rdfc-2022", "unsigned.json")
    options = _read("w3c-eddsa-rdfc-2022", "proofOptions.json")
    pair = _read("w3c-eddsa-rdfc-2022", "keyPair.json")

    assert canonical_nquads(unsigned) == _read("w3c-eddsa-rdfc-2022", "canonDoc.nq")
    assert canonical_nquads(options) == _read("w3c-eddsa-rdfc-2022", "proofCanon.nq")
    document_hash = hashlib.sha256(canonical_nquads(unsigned).encode()).hexdigest()
    assert document_hash == _read("w3c-eddsa-rdfc-2022", "docHash.hex").strip()
    assert (
        hashlib.sha256(canonical_nquads(options).encode()).hexdigest()
        == _read("w3c-eddsa-rdfc-2022", "proofHash.hex").strip()
    )

    secret = keys.secret_from_multikey(pair["secretKeyMultibase"])
    assert keys.public_multikey(keys.public_bytes(secret)) == pair["publicKeyMultibase"]
    signed = signing.sign(
        unsigned, secret, verification_method=options["verificationMethod"], created=options["created"]
    )
    assert signed == _read("w3c-eddsa-rdfc-2022", "signed.json")
    assert signed["proof"]["proofValue"] == _read("w3c-eddsa-rdfc-2022", "signature.base58btc.txt").strip()


def test_the_open_badges_credential_verifies_and_signing_it_again_gives_the_same_proof():
    published = _read("ob30-did-key", "signed.json")
    pair = _read("ob30-did-key", "keyPair.json")
    [proof] = published["proof"]  # published as a proof set of one
    assert signing.verify(published) == signing.ProofCheck(True, "", proof["verificationMethod"])

    unsigned = {k: v for k, v in published.items() if k != "proof"}
    again = signing.sign(
        unsigned,
        keys.secret_from_multikey(pair["secretKeyMultibase"]),
        verification_method=proof["verificationMethod"],
        created=proof["created"],
    )
    assert again["proof"]["proofValue"] == proof["proofValue"]


def _leaves(document, path=()):
    """Every (path, value) of a JSON document's strings, outside the proof."""
    if isinstance(document, dict):
        for key, value in document.items():
            if path or key not in ("proof", "@context"):
                yield from _leaves(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from _leaves(value, (*path, index))
    elif isinstance(document, str):
        yield path, document


OB_LEAVES = list(_leaves(_read("ob30-did-key", "signed.json")))


@settings(max_examples=25, deadline=None)
@given(leaf=st.sampled_from(OB_LEAVES), suffix=st.text(min_size=1, max_size=5))
def test_changing_any_value_of_a_signed_credential_breaks_its_proof(leaf, suffix):
    tampered = copy.deepcopy(_read("ob30-did-key", "signed.json"))
    path, value = leaf
    target = tampered
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value + suffix
    assert signing.verify(tampered).problem in ("bad_signature", "malformed")


def test_a_proof_by_another_key_or_of_another_kind_is_reported_as_such():
    published = _read("ob30-did-key", "signed.json")
    published = {**published, "proof": published["proof"][0]}
    stranger = keys.new_secret()
    forged = signing.sign(
        {k: v for k, v in published.items() if k != "proof"},
        stranger,
        verification_method=published["proof"]["verificationMethod"],  # claims the issuer's key
        created="2026-01-01T00:00:00Z",
    )
    assert signing.verify(forged).problem == "bad_signature"
    assert signing.verify({**published, "proof": {**published["proof"], "cryptosuite": "ecdsa-rdfc-2019"}}).problem == (
        "unsupported_proof"
    )
    https_key = {**published["proof"], "verificationMethod": "https://issuer.example/keys/1"}
    assert signing.verify({**published, "proof": https_key}).problem == "unknown_key"
    assert signing.verify({k: v for k, v in published.items() if k != "proof"}).problem == "no_proof"
    not_base58 = {**published["proof"], "proofValue": "z0OIl"}
    assert signing.verify({**published, "proof": not_base58}).problem == "malformed"


def test_an_unknown_context_is_refused_not_fetched():
    document = {"@context": ["https://attacker.example/context.jsonld"], "name": "x"}
    with pytest.raises(UnknownContext) as refused:
        canonical_nquads(document)
    assert refused.value.url == "https://attacker.example/context.jsonld"


@given(st.binary(max_size=64))
def test_base58btc_round_trips(data):
    assert multibase.decode(multibase.encode(data)) == data


@given(st.binary(min_size=32, max_size=32))
def test_a_did_key_names_its_public_key(public):
    assert keys.public_from_verification_method(keys.verification_method(public)) == public
    assert keys.verification_method(public).startswith("did:key:z6Mk")
