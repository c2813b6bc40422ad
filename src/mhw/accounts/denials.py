"""Failed authorizations are audited: who was refused what (the route's name and the method), never the values in
the request or the address, which could hold personal data or a secret link."""

from mhw.accounts.audit import record_event


def record_denial(request) -> None:
    match = getattr(request, "resolver_match", None)
    route = (match.view_name if match else "") or ""
    record_event(getattr(request, "user", None), "access.denied", details={"route": route, "method": request.method})
