from django.urls import path

from mhw.paths import views

urlpatterns = [path("candidates/<int:pk>/path/", views.path_page, name="path_page")]
