"""Every error the API returns is JSON with a `detail` message in the caller's language; none is a bare 500."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.denials import record_denial


def _describe(error: dict) -> str:
    location = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path"))
    message = error.get("msg", "")
    return f"{location}: {message}" if location else message


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def invalid_request(request, exc):
        return api.create_response(
            request,
            {"detail": _("The request is not valid."), "errors": [_describe(e) for e in exc.errors]},
            status=422,
        )

    @api.exception_handler(DjangoValidationError)
    def invalid_data(request, exc):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
        return api.create_response(request, {"detail": _("The data is not valid."), "errors": errors}, status=422)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return api.create_response(
            request, {"detail": _("Log in or send a valid API token to use this endpoint.")}, status=401
        )

    @api.exception_handler(AuthorizationError)
    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        record_denial(request)
        return api.create_response(request, {"detail": _("Your role does not allow this.")}, status=403)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": _("Not found.")}, status=404)

    @api.exception_handler(ConcurrentEditError)
    def conflict(request, exc):
        return api.create_response(request, {"detail": str(exc.message)}, status=409)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return api.create_response(request, {"detail": str(exc.message)}, status=exc.status_code)
