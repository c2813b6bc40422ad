from django.urls import path

from mhw.ecosystem import network_views

urlpatterns = [
    path("network/", network_views.network_page, name="network"),
    path("network/members/<int:pk>/remove/", network_views.member_remove, name="network_member_remove"),
    path("network/questions/<int:pk>/status/", network_views.question_status, name="network_question_status"),
]
