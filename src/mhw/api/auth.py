"""How API callers prove who they are: the browser session (with CSRF on writes) or a personal bearer token."""

from ninja.security import HttpBearer, SessionAuth

from mhw.accounts.tokens import user_for_token


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


API_AUTH = [SessionAuth(), TokenAuth()]
