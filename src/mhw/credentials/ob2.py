"""Open Badges 2.0 exports, for edubadges and older backpacks: the achievement as a hosted ``BadgeClass`` and each
credential as a hosted ``Assertion`` (verification by the address it is published at). Pure module: plain data in,
JSON-LD out."""

from mhw.credentials.openbadges import AchievementData, IssuerData, hashed_email

CONTEXT = "https://w3id.org/openbadges/v2"


def issuer_profile(issuer: IssuerData, profile_url: str) -> dict:
    profile = {"@context": CONTEXT, "type": "Issuer", "id": profile_url, "name": issuer.name}
    profile["url"] = issuer.url or profile_url
    if issuer.email:
        profile["email"] = issuer.email
    return profile


def badge_class(achievement: AchievementData, issuer: IssuerData, *, url: str, image_url: str, issuer_url: str) -> dict:
    """The BadgeClass at `url`, with its issuer embedded and its catalogue alignments."""
    document = {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": url,
        "name": achievement.name,
        "description": achievement.description,
        "image": image_url,
        "criteria": {"id": achievement.id, "narrative": achievement.criteria},
        "issuer": issuer_profile(issuer, issuer_url),
    }
    if achievement.alignments:
        document["alignment"] = [
            {"targetName": a.name, "targetUrl": a.url, "targetCode": a.code, "targetFramework": a.framework}
            for a in achievement.alignments
        ]
    return document


def assertion(*, url: str, badge_url: str, email: str, salt: str, issued_on: str, expires: str = "",
              narrative: str = "", revoked_reason: str | None = None) -> dict:  # fmt: skip
    """The hosted Assertion at `url`; a revoked one says so (and why), as OB 2.0 verifiers expect."""
    document = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": url,
        "recipient": {"type": "email", "hashed": True, "salt": salt, "identity": hashed_email(email, salt)},
        "badge": badge_url,
        "issuedOn": issued_on,
        "verification": {"type": "hosted"},
    }
    if expires:
        document["expires"] = expires
    if narrative:
        document["narrative"] = narrative
    if revoked_reason is not None:
        document["revoked"] = True
        document["revocationReason"] = revoked_reason
    return document
