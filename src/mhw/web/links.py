"""Addresses of pages, worked out once per process and page name.

Django's `reverse` walks the URL patterns on every call: some 60 µs, which is a third of drawing a row of a list whose
rows link to their page, and two thirds of the layout. The address only depends on the URL configuration, the
script prefix the site is served under and the arguments, so the page's address is reversed once with stand-in
numbers and later filled in. Arguments that are not whole numbers of zero or more go to `reverse` itself.
"""

from functools import cache

from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

# Stand-ins for the arguments: numbers no record gets, each long enough not to occur by chance in an address.
_STAND_INS = tuple(9_137_000_000_001 + i for i in range(4))


def link(url_name: str, *args) -> str:
    """The address of the page `url_name` with positional `args`, as `reverse` gives it."""
    urlconf, prefix = get_urlconf(), get_script_prefix()
    if not args:
        return _reversed(url_name, urlconf, prefix)
    if len(args) <= len(_STAND_INS) and all(type(a) is int and a >= 0 for a in args):
        pattern = _pattern(url_name, len(args), urlconf, prefix)
        if pattern is not None:
            return pattern.format(*args)
    return reverse(url_name, args=args, urlconf=urlconf)


@cache
def _reversed(url_name: str, urlconf, prefix: str) -> str:
    # urlconf and prefix are part of the key: the address depends on them.
    return reverse(url_name, urlconf=urlconf)


@cache
def _pattern(url_name: str, count: int, urlconf, prefix: str) -> str | None:
    """The address with `{0}`, `{1}`, … where the arguments go, or None when the page's address does not take whole
    numbers as they are (then `reverse` answers each time)."""
    try:
        address = reverse(url_name, args=_STAND_INS[:count], urlconf=urlconf)
    except NoReverseMatch:
        return None
    pattern = address.replace("{", "{{").replace("}", "}}")
    for position, stand_in in enumerate(_STAND_INS[:count]):
        if pattern.count(str(stand_in)) != 1:
            return None
        pattern = pattern.replace(str(stand_in), f"{{{position}}}")
    return pattern
