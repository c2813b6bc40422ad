from django.urls import path

from mhw.recruitment import views

urlpatterns = [
    path("events/", views.agenda, name="agenda"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/calendar.ics", views.event_calendar, name="event_calendar"),
    path("events/cancel/<str:token>/", views.event_cancel, name="event_cancel"),
    path("events/manage/", views.event_manage, name="event_manage"),
    path("events/manage/new/", views.event_create, name="event_create"),
    path("events/manage/<int:pk>/", views.event_registrations, name="event_registrations"),
    path("events/registrations/<int:pk>/attendance/", views.attendance, name="event_attendance"),
]
