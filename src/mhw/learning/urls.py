from django.urls import path, re_path

from mhw.learning import views

urlpatterns = [
    path("offer/", views.offer, name="offer"),
    path("offer/modules/<int:pk>/", views.module_detail, name="module_detail"),
    path("offer/modules/<int:pk>/edit/", views.module_edit, name="module_edit"),
    path("offer/providers/<int:provider_id>/new/", views.module_create, name="module_create"),
    path("offer/providers/<int:provider_id>/upload/", views.offer_upload, name="offer_upload"),
    re_path(
        r"^offer/providers/(?P<provider_id>[0-9]+)/download\.(?P<fmt>csv|xlsx)$",
        views.offer_download,
        name="offer_download",
    ),
]
