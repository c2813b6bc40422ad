from django.utils.cache import add_never_cache_headers, patch_cache_control


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
