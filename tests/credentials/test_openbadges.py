"""The Open Badges 3.0 credentials the platform builds: every value is in the signed canonical form (a term the
contexts do not define would silently drop out of it), and the summary reads back what was built."""

from hypothesis import given, settings
from hypothesis import strategies as st

from mhw.credentials import openbadges
from mhw.credentials.canonical import canonical_nquads

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=20)


def _escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


@settings(max_examples=20, deadline=None)
@given(name=text, description=text, criteria=text, outcome=text, narrative=text, evidence=text)
def test_every_value_of_a_built_credential_is_signed_and_read_back(name, description, criteria, outcome, narrative,
                                                                   evidence):  # fmt: skip
    achievement = openbadges.AchievementData(
        id="https://mhw.example/achievements/7", name=name, description=description, criteria=criteria,
        alignments=[openbadges.Alignment(outcome, "VO-0001", "https://mhw.example/catalogue/VO-0001")], ects=1.5,
    )  # fmt: skip
    issuer = openbadges.IssuerData("did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", "Campus Noord")
    document = openbadges.credential_document(
        credential_id="urn:uuid:0b7a7a5e-0000-4000-8000-000000000001", achievement=achievement, issuer=issuer,
        recipient=openbadges.RecipientData("michael@example.org", "zout"),
        valid_from="2026-11-29T10:00:00Z", valid_until="2027-11-29T10:00:00Z", narrative=narrative,
        evidence=[{"name": evidence, "narrative": evidence}],
        statuses=[openbadges.StatusEntry("https://mhw.example/status/1/revocation", 42, "revocation")],
    )  # fmt: skip

    canonical = canonical_nquads(document)
    for value in (name, description, criteria, outcome, narrative, evidence, "VO-0001", "Campus Noord", "42"):
        assert f'"{_escaped(value)}"' in canonical
    assert openbadges.hashed_email("michael@example.org", "zout") in canonical
    assert "michael@example.org" not in canonical

    read = openbadges.summary(document)
    assert (read.achievement, read.issuer_name, read.valid_until) == (name, "Campus Noord", "2027-11-29T10:00:00Z")
    assert [a.name for a in read.alignments] == [outcome]
    assert read.statuses == [openbadges.StatusEntry("https://mhw.example/status/1/revocation", 42, "revocation")]


def test_a_summary_of_nonsense_is_empty_not_an_error():
    read = openbadges.summary({"issuer": 3, "credentialSubject": "x", "credentialStatus": {"statusListIndex": "a"}})
    assert (read.issuer_id, read.achievement, read.alignments, read.statuses) == ("3", "", [], [])
