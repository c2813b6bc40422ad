"""The API document lists every status code an operation can answer, not only the ones its handler returns itself.

The error handlers in `mhw.api.errors` answer for every operation: 401 when a caller must log in, 403 when the
browser session's CSRF token is missing on a write (or a role may not do what it asks), 404 when an id in the path
does not exist or is not visible, 422 when a parameter or body is invalid. Each answer is an `Error` object.
"""

from ninja import NinjaAPI

from mhw.accounts.api import Error

UNSAFE_METHODS = {"post", "put", "patch", "delete"}
DESCRIPTIONS = {
    "401": "Unauthorized",
    "403": "Forbidden",
    "404": "Not Found",
    "422": "Unprocessable Entity",
}


def _error_response(status: str) -> dict:
    return {
        "description": DESCRIPTIONS[status],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def common_error_statuses(method: str, operation: dict) -> list[str]:
    """The error statuses the shared handlers can give `operation` (an OpenAPI operation object)."""
    statuses = []
    parameters = operation.get("parameters", [])
    if operation.get("security"):
        statuses.append("401")
        if method in UNSAFE_METHODS:
            statuses.append("403")
    if any(parameter["in"] == "path" for parameter in parameters):
        statuses.append("404")
    if parameters or "requestBody" in operation:
        statuses.append("422")
    return statuses


class DocumentedApi(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        schema["components"].setdefault("schemas", {}).setdefault("Error", Error.model_json_schema())
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                for status in common_error_statuses(method, operation):
                    operation["responses"].setdefault(status, _error_response(status))
        return schema
