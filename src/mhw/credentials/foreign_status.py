"""Revocation and suspension of credentials from elsewhere: the issuer's Bitstring Status List is fetched (status
lists only; JSON-LD contexts are bundled and never fetched), its signature checked with the issuer's key, and the
credential's bit read. Fetching never reaches private addresses (anyone can hand in a credential naming any
address), follows no redirects, reads at most 2 MB, waits at most 5 s, and keeps a list for 5 minutes."""

import hashlib
import ipaddress
import json
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy

from mhw.credentials import statuslist
from mhw.credentials.openbadges import StatusEntry
from mhw.credentials.signing import Resolver, verify

TIMEOUT_SECONDS = 5
MAX_BYTES = 2 * 1024 * 1024
CACHE_SECONDS = 300
FAILURE_CACHE_SECONDS = 60
PURPOSE_PROBLEMS = {"revocation": "revoked", "suspension": "suspended"}


class StatusUnavailable(Exception):
    """The status list could not be read or trusted; `code` says why (a key of `REASONS`)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code
        self.message = REASONS[code]


REASONS = {
    "redirect": gettext_lazy("The address of the status list sends the request elsewhere."),
    "not_https": gettext_lazy("Status lists are only read over https."),
    "not_public": gettext_lazy("The status list is not at a public internet address."),
    "unreachable": gettext_lazy("The status list could not be fetched."),
    "too_large": gettext_lazy("The status list is too large."),
    "not_json": gettext_lazy("The status list is not JSON."),
    "not_credential": gettext_lazy("The status list is not a credential."),
    "other_issuer": gettext_lazy("The status list was issued by someone else than the credential."),
    "bad_signature": gettext_lazy("The signature of the status list does not hold."),
    "other_purpose": gettext_lazy("The status list is for another purpose."),
    "unreadable": gettext_lazy("The status list cannot be read."),
}


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        raise StatusUnavailable("redirect")


_opener = urllib.request.build_opener(_NoRedirects)


def _is_public(host: str) -> bool:
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)}
    except (socket.gaierror, UnicodeError):
        return False
    return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_global for a in addresses)


def _download(url: str) -> dict:
    parts = urlsplit(url)
    trusted = parts.hostname in settings.CREDENTIAL_STATUS_TRUSTED_HOSTS  # e.g. a test register on this machine
    if not trusted and parts.scheme != "https":
        raise StatusUnavailable("not_https")
    if not trusted and not (parts.hostname and _is_public(parts.hostname)):
        raise StatusUnavailable("not_public")
    request = urllib.request.Request(url, headers={"Accept": "application/vc+ld+json, application/json"})
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise StatusUnavailable("unreachable") from error
    if len(body) > MAX_BYTES:
        raise StatusUnavailable("too_large")
    try:
        document = json.loads(body)
    except ValueError as error:
        raise StatusUnavailable("not_json") from error
    if not isinstance(document, dict):
        raise StatusUnavailable("not_credential")
    return document


def fetch_list(url: str) -> dict:
    """The status list credential at `url`, from the cache when it was read in the last minutes."""
    key = "status-list:" + hashlib.sha256(url.encode()).hexdigest()
    cached = cache.get(key)
    if isinstance(cached, dict):
        return cached
    if isinstance(cached, str):
        raise StatusUnavailable(cached)
    try:
        document = _download(url)
    except StatusUnavailable as error:
        cache.set(key, error.code, FAILURE_CACHE_SECONDS)
        raise
    cache.set(key, document, CACHE_SECONDS)
    return document


def _issuer_id(document: dict) -> str:
    issuer = document.get("issuer")
    return str(issuer.get("id", "")) if isinstance(issuer, dict) else str(issuer or "")


def problem_for(entry: StatusEntry, issuer_id: str, resolve: Resolver) -> str:
    """ "revoked" or "suspended" when the issuer's list says so, "" when it does not; StatusUnavailable when the list
    cannot be read, is not signed by the credential's issuer, or is of another purpose."""
    if entry.purpose not in PURPOSE_PROBLEMS:
        return ""
    document = fetch_list(entry.list_url)
    if _issuer_id(document) != issuer_id:
        raise StatusUnavailable("other_issuer")
    if not verify(document, resolve).valid:
        raise StatusUnavailable("bad_signature")
    subject = document.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    if not isinstance(subject, dict) or subject.get("statusPurpose") != entry.purpose:
        raise StatusUnavailable("other_purpose")
    try:
        return (
            PURPOSE_PROBLEMS[entry.purpose]
            if statuslist.is_set(str(subject.get("encodedList", "")), entry.index)
            else ""
        )
    except (ValueError, OSError, EOFError) as error:  # not base64url, not gzip, index outside
        raise StatusUnavailable("unreadable") from error
