"""Whatever anyone hands in for verification — broken JSON, wrong types, junk tokens, damaged images — gets an
answer that says what is wrong, never a server error."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhw.credentials import baking, keys

pytestmark = pytest.mark.django_db

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
credential_like = st.fixed_dictionaries(
    {},
    optional={
        "@context": json_values | st.just(["https://www.w3.org/ns/credentials/v2"]),
        "type": json_values, "issuer": json_values, "validFrom": json_values, "validUntil": json_values,
        "credentialSubject": json_values, "credentialStatus": json_values,
        "proof": json_values | st.fixed_dictionaries({"type": st.just("DataIntegrityProof"),
                                                       "cryptosuite": st.just("eddsa-rdfc-2022"),
                                                       "verificationMethod": st.text(max_size=60),
                                                       "proofValue": st.text(max_size=60)}),
    },
)  # fmt: skip
FUZZ = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


@FUZZ
@given(credential_like)
def test_the_api_answers_any_credential_shape(client, document):
    response = client.post(
        "/api/v1/credentials/verify", json.dumps({"credential": document}), content_type="application/json"
    )
    assert response.status_code in (200, 422)
    if response.status_code == 200:
        assert response.json()["valid"] is False


@FUZZ
@given(st.text(max_size=200))
def test_the_api_answers_any_token(client, token):
    response = client.post("/api/v1/credentials/verify", json.dumps({"jwt": token}), content_type="application/json")
    assert response.status_code in (200, 422)


@FUZZ
@given(st.binary(max_size=400), st.sampled_from(["credential.json", "badge.png", "badge.svg"]))
def test_the_page_answers_any_upload(client, content, name):
    if name.endswith(".png"):
        content = baking.PNG_SIGNATURE + content
    elif name.endswith(".svg"):
        content = b"<svg>" + content
    response = client.post("/verify/", {"upload": SimpleUploadedFile(name, content)})
    assert response.status_code == 200


@FUZZ
@given(st.text(max_size=300))
def test_the_page_answers_any_pasted_text(client, text):
    assert client.post("/verify/", {"credential": text}).status_code == 200


METHOD = keys.verification_method(keys.public_bytes(keys.new_secret()))


@FUZZ
@given(credential_like)
def test_a_resolvable_key_makes_the_whole_document_be_read_and_still_no_server_error(client, document):
    document = {**document, "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
                                      "verificationMethod": METHOD, "proofPurpose": "assertionMethod",
                                      "created": "2026-11-29T10:00:00Z", "proofValue": "z" + "1" * 80}}  # fmt: skip
    response = client.post(
        "/api/v1/credentials/verify", json.dumps({"credential": document}), content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["valid"] is False
