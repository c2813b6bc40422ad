"""Open Badges 3.0 credentials (``OpenBadgeCredential`` in the W3C Verifiable Credentials 2.0 data model) built from
plain data, and read back for the verification report. Pure module: no Django, no signing (see `signing`).

The achievement points at the skills catalogue through ``alignment`` entries: each learning outcome the badge proves,
with its ESCO concept when the catalogue links one.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


@dataclass(frozen=True)
class Alignment:
    name: str  # the outcome in words
    code: str  # its code in the catalogue, e.g. VO-0012
    url: str  # where the outcome is published
    framework: str = "Make Hydrogen Work"
    kind: str = "CFItem"  # OB alignment target type: CFItem for an outcome, ceterms:Skill for an ESCO concept, and
    # an extension type (ext:…) for a qualification level such as EQF or NLQF


@dataclass(frozen=True)
class AchievementData:
    id: str  # an absolute URL or urn:uuid
    name: str
    description: str
    criteria: str  # narrative: what one must show
    alignments: Sequence[Alignment] = ()
    achievement_type: str = "Badge"  # OB achievementType, e.g. Badge, Certificate, MicroCredential
    image_url: str = ""
    ects: float | None = None  # study load in ECTS credits, when the badge is a microcredential
    language: str = "nl"


@dataclass(frozen=True)
class IssuerData:
    id: str  # did:key:… (verifiable with nothing but the credential) or the published profile URL
    name: str
    url: str = ""
    email: str = ""


@dataclass(frozen=True)
class RecipientData:
    email: str  # identifies the recipient by a salted hash, never in clear
    salt: str


@dataclass(frozen=True)
class StatusEntry:
    """Where the credential's bit lives in an issuer's Bitstring Status List."""

    list_url: str  # the status list credential
    index: int
    purpose: str  # revocation | suspension


def hashed_email(email: str, salt: str) -> str:
    """The OB identity hash of an e-mail address: 'sha256$' + hex of sha256(lower-cased address + salt)."""
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def achievement_document(achievement: AchievementData, issuer: IssuerData) -> dict:
    document = {
        "id": achievement.id,
        "type": ["Achievement"],
        "achievementType": achievement.achievement_type,
        "name": achievement.name,
        "description": achievement.description,
        "criteria": {"narrative": achievement.criteria},
        "creator": {"id": issuer.id, "type": ["Profile"], "name": issuer.name},
        "inLanguage": achievement.language,
    }
    if achievement.image_url:
        document["image"] = {"id": achievement.image_url, "type": "Image"}
    if achievement.ects is not None:
        document["creditsAvailable"] = achievement.ects
    if achievement.alignments:
        document["alignment"] = [
            {
                "type": ["Alignment"], "targetName": a.name, "targetUrl": a.url, "targetCode": a.code,
                "targetFramework": a.framework, "targetType": a.kind,
            }
            for a in achievement.alignments
        ]  # fmt: skip
    return document


def credential_document(
    *,
    credential_id: str,
    achievement: AchievementData,
    issuer: IssuerData,
    recipient: RecipientData,
    valid_from: str,
    valid_until: str = "",
    narrative: str = "",
    evidence: Sequence[dict] = (),
    statuses: Sequence[StatusEntry] = (),
) -> dict:
    """The unsigned OpenBadgeCredential."""
    subject = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject", "identityHash": hashed_email(recipient.email, recipient.salt),
                "identityType": "emailAddress", "hashed": True, "salt": recipient.salt,
            }
        ],
        "achievement": achievement_document(achievement, issuer),
    }  # fmt: skip
    if narrative:
        subject["narrative"] = narrative
    profile = {"id": issuer.id, "type": ["Profile"], "name": issuer.name}
    if issuer.url:
        profile["url"] = issuer.url
    if issuer.email:
        profile["email"] = issuer.email
    document = {
        "@context": list(CONTEXT),
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement.name,
        "issuer": profile,
        "validFrom": valid_from,
        "credentialSubject": subject,
    }
    if valid_until:
        document["validUntil"] = valid_until
    if evidence:
        document["evidence"] = [{"type": ["Evidence"], **item} for item in evidence]
    if statuses:
        document["credentialStatus"] = [
            {
                "id": f"{s.list_url}#{s.index}", "type": "BitstringStatusListEntry", "statusPurpose": s.purpose,
                "statusListIndex": str(s.index), "statusListCredential": s.list_url,
            }
            for s in statuses
        ]  # fmt: skip
    return document


@dataclass(frozen=True)
class CredentialSummary:
    """What a verifier reads from a credential, for the report."""

    issuer_id: str
    issuer_name: str
    achievement: str
    valid_from: str
    valid_until: str
    alignments: list[Alignment] = field(default_factory=list)
    statuses: list[StatusEntry] = field(default_factory=list)


def _first(value):
    return value[0] if isinstance(value, list) and value else value


def summary(document: dict) -> CredentialSummary:
    """The facts of a credential for the report; missing parts read as empty, never as an error."""
    issuer = document.get("issuer")
    issuer = issuer if isinstance(issuer, dict) else {"id": str(issuer or "")}
    subject = _first(document.get("credentialSubject")) or {}
    achievement = subject.get("achievement", {}) if isinstance(subject, dict) else {}
    alignments = [
        Alignment(
            name=str(a.get("targetName", "")), code=str(a.get("targetCode", "")), url=str(a.get("targetUrl", "")),
            framework=str(a.get("targetFramework", "")), kind=str(a.get("targetType", "")),
        )
        for a in (achievement.get("alignment") or [] if isinstance(achievement, dict) else [])
        if isinstance(a, dict)
    ]  # fmt: skip
    statuses = []
    raw_statuses = document.get("credentialStatus") or []
    for entry in raw_statuses if isinstance(raw_statuses, list) else [raw_statuses]:
        if isinstance(entry, dict) and str(entry.get("statusListIndex", "")).isdigit():
            statuses.append(
                StatusEntry(
                    str(entry.get("statusListCredential", "")), int(entry["statusListIndex"]),
                    str(entry.get("statusPurpose", "")),
                )
            )  # fmt: skip
    return CredentialSummary(
        issuer_id=str(issuer.get("id", "")),
        issuer_name=str(issuer.get("name", "")),
        achievement=str(achievement.get("name", "")) if isinstance(achievement, dict) else "",
        valid_from=str(document.get("validFrom", "")),
        valid_until=str(document.get("validUntil", "")),
        alignments=alignments,
        statuses=statuses,
    )
