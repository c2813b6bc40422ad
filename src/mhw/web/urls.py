from django.urls import path

from mhw.web import erasure_views, personal_data_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("my/data.<str:fmt>", personal_data_views.my_data, name="my_data"),
    path("candidates/<int:pk>/erase/", erasure_views.candidate_erase, name="candidate_erase"),
    path("candidates/<int:pk>/data.<str:fmt>", personal_data_views.candidate_data, name="candidate_data"),
]
