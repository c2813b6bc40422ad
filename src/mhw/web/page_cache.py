"""Pages a logged-in user asks for again, answered from memory while the data they show has not changed.

Drawing a list page costs ten to forty times a bare request (Django's templates, the ORM); a user reading the same
list, going back a page or refreshing a dashboard gets the same bytes. The answer is kept for that one session,
keyed by everything it can depend on:

- the session, the user and the CSRF secret in the page's forms;
- the address with its query, the host, the language and the htmx headers;
- the minute, so pages that depend on the clock are at most a minute behind it;

and it is given again only while the stamp of every table drawing it read (`data_stamp`: the user's, their roles',
the page's own) is what it was before the drawing began: a committed change to any of them, by anyone, shows at
once, while writes elsewhere (the audit lines of someone reading a record, say) leave it be.

Only plain successful GET answers (HTML or JSON) are kept, and only when drawing them wrote nothing: a page whose
reading is audited, or that changed the session or the CSRF secret, set a cookie or queued a message, is drawn
every time. Requests with a bearer token, or without their CSRF cookie, are never answered from memory. The answers
stay in each worker's own memory (`settings.CACHES["pages"]`), for `settings.PAGE_CACHE_SECONDS` at most (0
switches this off).
"""

import hashlib

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone

from mhw.web import data_stamp

KEPT_TYPES = ("text/html", "application/json")
# A page larger than this is drawn every time: with `settings.CACHES["pages"]`'s number of entries it bounds the
# memory a worker spends on kept pages (300 x 256 KB at most by default; the main list pages are 10-60 KB).
MAX_KEPT_BYTES = 256 * 1024
_KEY_HEADERS = ("HX-Request", "HX-Target", "HX-Trigger", "HX-Trigger-Name", "HX-Boosted", "HX-Current-URL", "Accept")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.method != "GET" or "Authorization" in request.headers:
            return self.get_response(request)
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        # The stamps before anything is read (the session and the user too): what is drawn from here on is at least
        # as new as they say, so a page kept under them is never older than its stamps.
        stamps = data_stamp.stamps()
        with data_stamp.reading() as read:
            if not _may_answer_from_memory(request):
                return self.get_response(request)
            cache = caches["pages"]
            key = _key(request)
            kept = cache.get(key)
            if kept is not None and all(stamps.get(table, 0) == n for table, n in kept[2].items()):
                return HttpResponse(kept[0], headers=kept[1])
            writes_before, csrf_secret = data_stamp.writes_seen(), request.META["CSRF_COOKIE"]
            response = self.get_response(request)
        unchanged = data_stamp.writes_seen() == writes_before and request.META.get("CSRF_COOKIE") == csrf_secret
        if unchanged and _may_keep(request, response):
            tables = {table: stamps.get(table, 0) for table in read}
            cache.set(key, (response.content, dict(response.headers), tables), seconds)
        return response


def _may_answer_from_memory(request) -> bool:
    if not request.user.is_authenticated or not request.session.session_key:
        return False
    # Without its CSRF cookie a browser must get the new one with the page: it comes only with a page drawn.
    if not request.META.get("CSRF_COOKIE"):
        return False
    # Messages waiting to be shown belong on the next page drawn, not on one kept from before.
    return not len(get_messages(request))


def _may_keep(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and len(response.content) <= MAX_KEPT_BYTES
        and not response.cookies
        and response.headers.get("Content-Type", "").split(";")[0] in KEPT_TYPES
        and not request.session.modified
        and not len(get_messages(request))  # a message queued while drawing
    )


def _key(request) -> str:
    parts = [
        request.session.session_key,
        str(request.user.pk),
        request.META.get("CSRF_COOKIE", ""),
        request.get_host(),
        request.get_full_path(),
        request.LANGUAGE_CODE,
        *(request.headers.get(name, "") for name in _KEY_HEADERS),
        timezone.now().strftime("%Y%m%d%H%M"),
    ]
    return "page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
