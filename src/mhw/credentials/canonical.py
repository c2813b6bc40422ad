"""The canonical form of a credential: JSON-LD to RDF, then RDF Dataset Canonicalization (RDFC-1.0, the algorithm
formerly named URDNA2015) to N-Quads. Pure module.

JSON-LD contexts come only from the files bundled in ``contexts/``; a context that is not bundled is an error, never a
download, so a credential is processed the same way offline and cannot make the platform fetch an address an
outsider chose.
"""

import copy
import json
from functools import cache
from pathlib import Path

from pyld import jsonld

CONTEXTS_DIR = Path(__file__).with_name("contexts")
# Every context the platform knows, by the address credentials use for it.
CONTEXT_FILES = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://www.w3.org/ns/credentials/examples/v2": "credentials-examples-v2.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-context-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob-extensions.json",
}


class NotCanonicalisable(ValueError):
    """The document is not JSON-LD that can be turned into RDF."""


class UnknownContext(NotCanonicalisable):
    """A credential names a JSON-LD context the platform does not bundle."""

    def __init__(self, url: str):
        super().__init__(url)
        self.url = url


@cache
def _context(url: str) -> dict:
    return json.loads((CONTEXTS_DIR / CONTEXT_FILES[url]).read_text(encoding="utf-8"))


def load(url: str, options=None) -> dict:
    """The JSON-LD document loader: bundled contexts only."""
    if url not in CONTEXT_FILES:
        raise UnknownContext(url)
    return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(_context(url))}


def canonical_nquads(document: dict) -> str:
    """The RDFC-1.0 canonical N-Quads of a JSON-LD document, every line ending in a newline."""
    try:
        return jsonld.normalize(
            document, {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": load}
        )
    except jsonld.JsonLdError as error:
        cause = error
        while cause is not None:
            if isinstance(cause, UnknownContext):
                raise cause from error
            cause = getattr(cause, "cause", None) or cause.__cause__
        raise NotCanonicalisable(str(error)) from error
