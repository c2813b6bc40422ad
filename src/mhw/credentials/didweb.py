"""did:web identifiers for issuers (W3C CCG did:web method): the DID names a web address under the platform's own
host, where the platform publishes the issuer's DID document with all its keys. Pure module."""

from urllib.parse import quote, unquote, urlsplit

DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]


def did_for(site_url: str, *segments: str) -> str:
    """The DID of the document at `site_url`/segments/did.json: the host (a port written as %3A), then the path."""
    parts = urlsplit(site_url)
    if not parts.hostname:
        raise ValueError("the site address has no host")
    host = quote(parts.netloc, safe="")
    path = [quote(s, safe="") for s in (*(p for p in parts.path.split("/") if p), *segments)]
    return ":".join(["did", "web", host, *path])


def parse(did: str) -> tuple[str, list[str]]:
    """Host (with port) and path segments of a did:web; ValueError when it is not one."""
    if not did.startswith("did:web:"):
        raise ValueError("not a did:web")
    host, *segments = did.removeprefix("did:web:").split(":")
    if not host or not all(segments):
        raise ValueError("a did:web names a host and non-empty path segments")
    return unquote(host), [unquote(s) for s in segments]


def document_url(did: str) -> str:
    """Where a resolver fetches the DID document: https, the host, the path (or /.well-known) and did.json."""
    host, segments = parse(did)
    path = "/".join(segments) if segments else ".well-known"
    return f"https://{host}/{path}/did.json"


def did_document(did: str, multikeys: list[str]) -> dict:
    """The DID document: each key a Multikey verification method the DID asserts credentials with."""
    methods = [
        {"id": f"{did}#{key}", "type": "Multikey", "controller": did, "publicKeyMultibase": key} for key in multikeys
    ]
    ids = [method["id"] for method in methods]
    return {"@context": list(DID_CONTEXTS), "id": did, "verificationMethod": methods, "assertionMethod": ids}
