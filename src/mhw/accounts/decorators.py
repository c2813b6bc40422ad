"""View decorators for role checks. Object scope is the queryset's job (`visible_to`), not the decorator's."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability


def capability_required(capability: Capability):
    """Let the view run only for users who hold `capability` at some campus; others get 403, anonymous users login."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def login_required_or_403(view):
    """Anonymous users go to the login page; what a logged-in user may see is decided by the view's queryset."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper
