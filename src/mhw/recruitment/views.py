"""Recruitment event pages: the public agenda with sign-up and cancel links; the campus organises and records
attendance."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Campus
from mhw.accounts.roles import Capability
from mhw.candidates.models import Candidate
from mhw.learning.models import Module
from mhw.recruitment import services
from mhw.recruitment.models import EventRegistration, RecruitmentEvent
from mhw.widgets import LongSelect


class SignUpForm(forms.Form):
    name = forms.CharField(max_length=150, label=gettext_lazy("Your name"))
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    phone = forms.CharField(max_length=30, required=False, label=gettext_lazy("Phone"))


class EventForm(forms.ModelForm):
    online_url = forms.URLField(label=gettext_lazy("Online link"), required=False, assume_scheme="https")

    class Meta:
        model = RecruitmentEvent
        fields = ["campus", "kind", "title", "description", "starts_at", "ends_at", "location", "online_url",
                  "capacity", "module"]  # fmt: skip
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "description": forms.Textarea(attrs={"rows": 3}),
            "module": LongSelect,
        }

    def __init__(self, *args, campuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campus"].queryset = campuses
        # The courses of the providers at these campuses (the whole offer is thousands of modules at national size),
        # and the course the event already has.
        modules = Module.objects.offered().filter(provider__campus__in=campuses)
        if self.instance.module_id:
            modules |= Module.objects.filter(pk=self.instance.module_id)
        self.fields["module"].queryset = modules
        if campuses.count() == 1:
            self.fields["campus"].initial = campuses.first()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_at") and cleaned.get("ends_at") and cleaned["ends_at"] <= cleaned["starts_at"]:
            self.add_error("ends_at", _("The event ends after it starts."))
        if not cleaned.get("location") and not cleaned.get("online_url"):
            self.add_error("location", _("Give a place or an online link."))
        return cleaned


def agenda(request):
    events = RecruitmentEvent.objects.upcoming().select_related("campus")
    campus = request.GET.get("campus", "")
    if campus.isdigit():
        events = events.filter(campus_id=campus)
    kind = request.GET.get("kind", "")
    if kind in RecruitmentEvent.Kind.values:
        events = events.filter(kind=kind)
    context = {
        "events": events,
        "campuses": Campus.objects.all(),
        "kinds": RecruitmentEvent.Kind.choices,
        "filters": request.GET,
    }
    return render(request, "recruitment/agenda.html", context)


def event_detail(request, pk: int):
    event = get_object_or_404(RecruitmentEvent.objects.select_related("campus", "host", "module"), pk=pk)
    candidate = Candidate.objects.filter(user=request.user).first() if request.user.is_authenticated else None
    initial = {"name": candidate.full_name, "email": candidate.email} if candidate else {}
    form = SignUpForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.sign_up(event, candidate=candidate, **form.cleaned_data)
        except services.SignUpError as error:
            form.add_error(None, error.message)
        else:
            if registration.status == EventRegistration.Status.CONFIRMED:
                messages.success(request, _("You are signed up. The confirmation is in your e-mail."))
            else:
                messages.success(request, _("The event is full: you are on the waiting list."))
            return redirect("event_detail", pk=pk)
    taken = event.registrations.filter(status=EventRegistration.Status.CONFIRMED).count()
    context = {"event": event, "form": form, "places_left": max(0, event.capacity - taken)}
    return render(request, "recruitment/event_detail.html", context)


def event_calendar(request, pk: int):
    event = get_object_or_404(RecruitmentEvent, pk=pk)
    response = HttpResponse(services.event_calendar(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


def event_cancel(request, token: str):
    registration = services.registration_for_token(token)
    if registration is None:
        raise Http404
    if request.method == "POST":
        services.cancel_registration(registration)
        messages.success(request, _("Your registration has been cancelled."))
        return redirect("event_detail", pk=registration.event_id)
    return render(request, "recruitment/event_cancel.html", {"registration": registration})


@capability_required(Capability.MANAGE_EVENTS)
def event_manage(request):
    events = RecruitmentEvent.objects.manageable_by(request.user).select_related("campus").order_by("-starts_at")
    return render(request, "recruitment/manage.html", {"events": events})


@capability_required(Capability.MANAGE_EVENTS)
def event_create(request):
    campuses = Campus.objects.where(request.user, Capability.MANAGE_EVENTS)
    form = EventForm(request.POST or None, campuses=campuses)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "campus"} | {"host": request.user}
        event = services.organise_event(request.user, campus=form.cleaned_data["campus"], data=data)
        messages.success(request, _("The event is in the agenda."))
        return redirect("event_registrations", pk=event.pk)
    return render(request, "recruitment/event_form.html", {"form": form})


@capability_required(Capability.MANAGE_EVENTS)
def event_registrations(request, pk: int):
    event = get_object_or_404(RecruitmentEvent.objects.manageable_by(request.user), pk=pk)
    registrations = event.registrations.select_related("candidate")
    return render(request, "recruitment/registrations.html", {"event": event, "registrations": registrations})


@require_POST
@capability_required(Capability.MANAGE_EVENTS)
def attendance(request, pk: int):
    registration = get_object_or_404(
        EventRegistration.objects.filter(event__in=RecruitmentEvent.objects.manageable_by(request.user)), pk=pk
    )
    services.record_attendance(request.user, registration, request.POST.get("attended") == "yes")
    return redirect("event_registrations", pk=registration.event_id)
