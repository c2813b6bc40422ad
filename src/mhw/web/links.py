"""Addresses of pages without arguments, worked out once per process.

Django's `reverse` walks the URL patterns on every call; the layout asks for some twenty of them on every page, which
cost about a third of rendering it. The answer only depends on the URL configuration and the script prefix the site
is served under, so it is kept per pair.
"""

from functools import cache

from django.urls import get_script_prefix, get_urlconf, reverse


def link(url_name: str) -> str:
    """The address of the page `url_name` (which takes no arguments)."""
    return _reversed(url_name, get_urlconf(), get_script_prefix())


@cache
def _reversed(url_name: str, urlconf, prefix: str) -> str:
    return reverse(url_name, urlconf=urlconf)
