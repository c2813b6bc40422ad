from django.conf import settings
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers


class NoStoreForAuthenticatedMiddleware:
    """Pages and API answers for a logged-in user may hold personal data: no browser or proxy may keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.headers.get("Authorization"):
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response


class ChosenLanguageMiddleware:
    """Dutch unless the user chose otherwise (the language switch's cookie, set from their profile at login).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: the platform is Dutch first, and
    English is an explicit choice, so a campus sees the same page whatever browser its visitors happen to use.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.codes else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


class ContentSecurityPolicyMiddleware:
    """Every answer says where a page may load from: only this site (scripts never inline), styles inline too (the
    drawings carry their own), images also as data: URLs (QR codes, badges), never framed by another site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response
