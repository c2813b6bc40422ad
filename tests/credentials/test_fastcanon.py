"""The fast canonical form equals the full JSON-LD processing byte for byte, whatever the values, including names
relative to a vocabulary (proof purposes) and values the template cannot hold."""

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mhw.credentials import canonical, fastcanon, openbadges

VECTORS = Path(__file__).with_name("vectors")
text = st.text(max_size=12)
iri_or_text = st.one_of(text, st.sampled_from(["https://mhw.example/x", "urn:uuid:1", "did:key:z6Mk", "ex:term",
                                                "https://a b", "mailto:a@b.nl", "", "xq7Zm1x"]))  # fmt: skip


@st.composite
def credentials(draw):
    achievement = openbadges.AchievementData(
        id=draw(iri_or_text), name=draw(text), description=draw(text), criteria=draw(text),
        alignments=[openbadges.Alignment(draw(text), draw(text), draw(iri_or_text))
                    for _ in range(draw(st.integers(0, 3)))],
        achievement_type=draw(st.sampled_from(["Badge", "Certificate", "MicroCredential", "ext:Other"])),
        ects=draw(st.none() | st.floats(0, 60, allow_nan=False)),
    )  # fmt: skip
    document = openbadges.credential_document(
        credential_id=draw(iri_or_text), achievement=achievement,
        issuer=openbadges.IssuerData(draw(iri_or_text), draw(text), draw(st.just("") | iri_or_text)),
        recipient=openbadges.RecipientData(draw(text), draw(text)),
        valid_from=draw(text), valid_until=draw(text), narrative=draw(text),
        evidence=[{"name": draw(text)}] if draw(st.booleans()) else [],
        statuses=[openbadges.StatusEntry(draw(iri_or_text), draw(st.integers(0, 99)), draw(text))],
    )  # fmt: skip
    if draw(st.booleans()):  # a proof options document: proofPurpose is a name relative to a vocabulary
        document = {
            "@context": document["@context"], "type": "DataIntegrityProof", "cryptosuite": draw(text),
            "created": draw(text), "verificationMethod": draw(iri_or_text),
            "proofPurpose": draw(st.sampled_from(["assertionMethod", "authentication", "x y"]) | text),
        }  # fmt: skip
    return document


@settings(max_examples=80, deadline=None)
@given(document=credentials())
def test_the_fast_form_equals_the_full_processing(document):
    try:
        expected = canonical.canonical_nquads(copy.deepcopy(document))
    except canonical.NotCanonicalisable:
        with pytest.raises(canonical.NotCanonicalisable):
            fastcanon.canonical_nquads(document)
        return
    assert fastcanon.canonical_nquads(document) == expected
    assert fastcanon.canonical_nquads(document) == expected  # again, from the template


@pytest.mark.parametrize(
    ("vector", "name"),
    [("w3c-eddsa-rdfc-2022", "unsigned.json"), ("w3c-eddsa-rdfc-2022", "proofOptions.json")],
)
def test_the_published_canonical_forms_come_out_of_the_template_too(vector, name):
    document = json.loads((VECTORS / vector / name).read_text())
    expected = (VECTORS / vector / ("canonDoc.nq" if name == "unsigned.json" else "proofCanon.nq")).read_text()
    for _ in range(2):  # the first call makes the template, the second uses it
        assert fastcanon.canonical_nquads(document) == expected
