"""How API callers prove who they are: a personal bearer token, or the browser session (with CSRF on writes).

The token is tried first, so a script that sends one is never asked for a CSRF token; a request without a session
cookie is not checked for CSRF either, so it is answered 401 (log in) rather than 403.
"""

from ninja.security import HttpBearer, SessionAuth

from mhw.accounts.tokens import user_for_token


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class BrowserSessionAuth(SessionAuth):
    def _get_key(self, request):
        if self.param_name not in request.COOKIES:
            return None
        return super()._get_key(request)


API_AUTH = [TokenAuth(), BrowserSessionAuth()]
