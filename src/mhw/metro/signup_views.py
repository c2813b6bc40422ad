"""Public sign-up pages that the cluster's companies pass on to their people: one per session of a station and one
per line (the next session of each of its stations), the calendar file, and cancelling from the link in the mail."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mhw.metro.forms import SignUpForm
from mhw.metro.models import MetroLine, StationSession
from mhw.metro.services import planner
from mhw.metro.services.common import MetroError


def _sign_up(request, *, cluster, register, template_context):
    form = SignUpForm(request.POST or None, cluster=cluster)
    if request.method == "POST" and form.is_valid():
        try:
            registrations = register(**form.cleaned_data)
        except MetroError as error:
            form.add_error(None, error.message)
        else:
            return render(request, "metro/signup_done.html", {"registrations": registrations, "cluster": cluster})
    return render(request, "metro/signup.html", {"form": form, "cluster": cluster, **template_context})


def session_signup(request, public_id):
    session = get_object_or_404(StationSession.objects.select_related("station__cluster__campus"), public_id=public_id)
    return _sign_up(
        request, cluster=session.station.cluster,
        register=lambda **data: [planner.register(session, **data)],
        template_context={"session": session, "open": planner.open_for_registration(session)},
    )  # fmt: skip


def line_signup(request, public_id):
    line = get_object_or_404(MetroLine.objects.select_related("cluster__campus"), public_id=public_id)
    sessions = planner.next_sessions(line)
    return _sign_up(
        request, cluster=line.cluster,
        register=lambda **data: planner.register_for_line(line, **data),
        template_context={"line": line, "sessions": sessions, "open": bool(sessions)},
    )  # fmt: skip


def session_calendar(request, public_id):
    session = get_object_or_404(StationSession.objects.select_related("station"), public_id=public_id)
    response = HttpResponse(planner.session_calendar(session), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="station.ics"'
    return response


def registration_cancel(request, token: str):
    registration = planner.registration_for_token(token)
    if registration is None:
        raise Http404
    if request.method == "POST":
        planner.cancel_registration(registration)
        messages.success(request, _("Your registration has been cancelled."))
        return redirect("registration_cancel", token=token)
    registration.refresh_from_db()
    return render(request, "metro/registration_cancel.html", {"registration": registration})
